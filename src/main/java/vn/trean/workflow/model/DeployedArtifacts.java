package vn.trean.workflow.model;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What is already deployed, for references a new model makes to earlier deployments. */
@Component
class DeployedArtifacts {

    private final JdbcClient jdbc;

    DeployedArtifacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The engine's public API has no query for Camunda Forms, so its table is read directly. */
    boolean hasForm(String key) {
        return jdbc.sql("select count(*) from act_re_camformdef where key_ = :k").param("k", key)
                .query(Integer.class).single() > 0;
    }
}
