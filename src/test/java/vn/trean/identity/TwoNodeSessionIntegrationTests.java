package vn.trean.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.trean.ApiIntegrationTest;
import vn.trean.TreAnApplication;

/**
 * Two instances of the app on one PostgreSQL, as behind a load balancer without sticky sessions: a
 * browser signed in on one node is served by the other, because the session lives in the database.
 */
class TwoNodeSessionIntegrationTests extends ApiIntegrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void aSessionStartedOnOneNodeIsServedByTheOther() throws Exception {
        try (ConfigurableApplicationContext node2 = startSecondNode()) {
            int port2 = node2.getEnvironment().getRequiredProperty("local.server.port", Integer.class);

            var session = CookieSession.signIn(port, "officer", PASSWORD);
            var onNode2 = session.get(port2, "/api/tasks");
            assertThat(onNode2.statusCode()).as(onNode2.body()).isEqualTo(200);

            var signedInOnNode2 = CookieSession.signIn(port2, "chairman", PASSWORD);
            assertThat(signedInOnNode2.get(port, "/api/tasks").statusCode()).isEqualTo(200);
        }
    }

    /** The same database as this context; its own engine name, so the two engines' static registrations do not collide. */
    private ConfigurableApplicationContext startSecondNode() throws java.sql.SQLException {
        HikariDataSource first = dataSource.unwrap(HikariDataSource.class);
        // command-line arguments: they outrank application.yaml (builder properties would be mere defaults)
        return new SpringApplicationBuilder(TreAnApplication.class).profiles("test")
                .run("--server.port=0", "--trean.db.url=" + first.getJdbcUrl(),
                        "--spring.datasource.username=" + first.getUsername(),
                        "--spring.datasource.password=" + (first.getPassword() == null ? "" : first.getPassword()),
                        "--spring.datasource.hikari.maximum-pool-size=4",
                        "--camunda.bpm.process-engine-name=node2", "--camunda.bpm.job-execution.enabled=false",
                        // the Camunda webapps keep static state per JVM: a second copy would take over the first's
                        "--camunda.bpm.webapp.enabled=false",
                        "--spring.main.banner-mode=off");
    }
}
