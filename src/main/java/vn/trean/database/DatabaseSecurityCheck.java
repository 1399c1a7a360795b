package vn.trean.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Says at start when the application's database role is stronger than it should be: a superuser, or the
 * owner of the audit log (and so able to drop its append-only trigger). The embedded database and
 * docker-compose.yml never are; a server of one's own (TREAN_DB_URL) may be, and keeps working.
 */
@Component
class DatabaseSecurityCheck {

    private static final Logger log = LoggerFactory.getLogger(DatabaseSecurityCheck.class);

    private final JdbcClient jdbc;

    DatabaseSecurityCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnAboutAStrongRole() {
        boolean superuser = jdbc.sql("select rolsuper from pg_roles where rolname = current_user")
                .query(Boolean.class).single();
        boolean ownsAuditLog = jdbc.sql("""
                        select coalesce(pg_has_role(current_user, c.relowner, 'USAGE'), false)
                          from (select to_regclass('trean.audit_event') as oid) t
                          left join pg_class c on c.oid = t.oid""")
                .query(Boolean.class).single();
        if (superuser) {
            log.warn("The application connects to PostgreSQL as a superuser: see README, \"How the database is secured\"");
        } else if (ownsAuditLog) {
            log.warn("The application's database role owns the audit log and could drop its append-only trigger:"
                    + " see README, \"How the database is secured\"");
        }
    }
}
