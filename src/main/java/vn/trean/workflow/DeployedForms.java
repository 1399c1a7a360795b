package vn.trean.workflow;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Camunda Forms as the engine has them deployed (the newest version of each key): what the timeline labels a
 * step's answers with, so that a form a process owner changed shows its own labels. The engine's public API has
 * no query for Camunda Forms; its tables are read as {@link ProcessModels#versions()} does.
 */
@Service
public class DeployedForms {

    private final JdbcClient jdbc;

    DeployedForms(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Changes whenever a form is deployed: lets a reader keep what it parsed until then. */
    @Transactional(readOnly = true)
    public String fingerprint() {
        return jdbc.sql("select count(*) || ':' || coalesce(max(deployment_id_), '') from act_re_camformdef")
                .query(String.class).single();
    }

    /** Form key → the newest deployed schema (form-js JSON). */
    @Transactional(readOnly = true)
    public Map<String, String> newestSchemas() {
        Map<String, String> schemas = new LinkedHashMap<>();
        jdbc.sql("""
                        select distinct on (f.key_) f.key_, b.bytes_
                          from act_re_camformdef f
                          join act_ge_bytearray b on b.deployment_id_ = f.deployment_id_ and b.name_ = f.resource_name_
                         order by f.key_, f.version_ desc""")
                .query(rs -> {
                    schemas.put(rs.getString(1), new String(rs.getBytes(2), StandardCharsets.UTF_8));
                });
        return schemas;
    }
}
