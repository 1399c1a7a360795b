package vn.trean.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.trean.ApiIntegrationTest;

/** Issue 7, item 3: the database the application runs on (the tests' throw-away one is set up the same way). */
class DatabaseSecurityIntegrationTests extends ApiIntegrationTest {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    @Autowired
    DataSource dataSource;
    @Autowired
    EmbeddedServer server;

    @Test
    void everyCommitReachesTheDiskBeforeItIsAcknowledged() {
        assertThat(setting("fsync")).isEqualTo("on");
        assertThat(setting("full_page_writes")).isEqualTo("on");
        assertThat(setting("synchronous_commit")).isEqualTo("on");
    }

    @Test
    void theServerListensOnLoopbackOnly() {
        assertThat(setting("listen_addresses")).isEqualTo("localhost");
    }

    @Test
    void theApplicationIsNotASuperuser() {
        assertThat(jdbc.sql("select rolsuper from pg_roles where rolname = current_user").query(Boolean.class).single())
                .isFalse();
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("trean_app");
    }

    @Test
    void theApplicationOwnsTheEngineAndApplicationTablesButNotTheAuditLog() {
        assertThat(owner("public.act_ru_execution")).isEqualTo("trean_app");
        assertThat(owner("trean.case_file")).isEqualTo("trean_app");
        assertThat(owner("trean.flyway_schema_history")).isEqualTo("trean_app");
        assertThat(owner("trean.audit_event")).isEqualTo("trean_audit");
    }

    @Test
    void theApplicationCannotDropTheAuditTrigger() {
        assertRefused("drop trigger audit_event_no_update on trean.audit_event");
        assertRefused("drop function trean.audit_event_is_append_only() cascade");
    }

    @Test
    void theApplicationCannotDisableTheAuditTrigger() {
        assertRefused("alter table trean.audit_event disable trigger all");
    }

    @Test
    void theApplicationCannotRemoveOrChangeAuditRows() {
        assertRefused("delete from trean.audit_event");
        assertRefused("update trean.audit_event set actor = 'someone else'");
        assertRefused("truncate trean.audit_event");
    }

    @Test
    void theApplicationCannotDropTheSchemaHoldingTheAuditLog() {
        assertRefused("drop schema trean cascade");
    }

    @Test
    void aConnectionWithoutAPasswordIsRefused() {
        Properties noPassword = new Properties();
        noPassword.setProperty("user", "postgres");
        assertThatThrownBy(() -> DriverManager.getConnection(url(), noPassword).close())
                .isInstanceOf(SQLException.class);

        Properties replication = new Properties(noPassword);
        replication.setProperty("replication", "database");
        replication.setProperty("assumeMinServerVersion", "9.4");
        replication.setProperty("preferQueryMode", "simple");
        assertThatThrownBy(() -> DriverManager.getConnection(url(), replication).close())
                .isInstanceOf(SQLException.class);
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertThatThrownBy(() -> DriverManager.getConnection(url(), "trean_app", "TreAn@2026").close())
                .isInstanceOf(SQLException.class);
    }

    private String url() {
        return "jdbc:postgresql://localhost:" + server.port() + "/postgres";
    }

    private String setting(String name) {
        return jdbc.sql("select current_setting(?)").param(name).query(String.class).single();
    }

    private String owner(String table) {
        return jdbc.sql("select pg_get_userbyid(relowner) from pg_class where oid = ?::regclass")
                .param(table).query(String.class).single();
    }

    /** Runs the statement in a transaction that is rolled back whatever happens: on a weak role it would succeed. */
    private void assertRefused(String sql) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                assertThatThrownBy(() -> statement.execute(sql))
                        .as(sql)
                        .isInstanceOfSatisfying(SQLException.class,
                                e -> assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo(INSUFFICIENT_PRIVILEGE));
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
