package vn.trean.database;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * The roles of the embedded server, set up at every start by its superuser (idempotent):
 *
 * <ul>
 *   <li>{@code trean_app} logs in, is not a superuser, and owns the engine's tables (schema {@code public})
 *       and the application's (schema {@code trean}), so the engine's schema update and Flyway run as it;</li>
 *   <li>{@code trean_audit} cannot log in and owns the audit log, its trigger function (and so its triggers):
 *       the application may only read it and add to it ({@code db/admin/audit-seal.sql});</li>
 *   <li>the schemas belong to the superuser, so that {@code trean_app} cannot drop the audit log with
 *       {@code drop schema ... cascade} either.</li>
 * </ul>
 *
 * <p>Why not have Flyway run as an owner role and the application as another: the engine creates and updates
 * its own tables at start, so the application's role must own tables anyway, and a second login role
 * would only add a password. The one object the application must not own, the audit log, is handed over
 * by {@code trean_admin.seal_audit_log()} after Flyway created it (migration V13) and again here at each
 * start. A database created by an earlier version (everything owned by the superuser) is handed over too.
 */
final class EmbeddedRoles {

    static final String APP_ROLE = "trean_app";
    static final String SUPERUSER = "postgres";

    private static final String ROLES_AND_SCHEMAS = """
            do $$
            begin
                if not exists (select from pg_roles where rolname = 'trean_app') then
                    create role trean_app login;
                end if;
                if not exists (select from pg_roles where rolname = 'trean_audit') then
                    create role trean_audit nologin;
                end if;
            end;
            $$;
            alter role trean_app login nosuperuser nocreatedb nocreaterole noreplication nobypassrls;
            alter role trean_audit nologin nosuperuser nocreatedb nocreaterole noreplication nobypassrls;
            create schema if not exists trean authorization postgres;
            alter schema trean owner to postgres;
            grant usage, create on schema public to trean_app;
            grant usage, create on schema trean to trean_app;
            """;

    /** What an earlier version left owned by the superuser, as statements handing it to the app's role. */
    private static final String LEGACY_OWNERSHIP = """
            select format('alter %s %I.%I owner to trean_app',
                          case c.relkind when 'S' then 'sequence' when 'v' then 'view'
                                         when 'm' then 'materialized view' when 'f' then 'foreign table'
                                         else 'table' end,
                          n.nspname, c.relname)
              from pg_class c join pg_namespace n on n.oid = c.relnamespace
             where n.nspname in ('public', 'trean')
               and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
               and c.relowner = 'postgres'::regrole
               -- a serial's sequence follows its table
               and not exists (select from pg_depend d
                                where d.classid = 'pg_class'::regclass and d.objid = c.oid
                                  and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i'))
            union all
            select format('alter routine %s owner to trean_app', p.oid::regprocedure)
              from pg_proc p join pg_namespace n on n.oid = p.pronamespace
             where n.nspname in ('public', 'trean') and p.proowner = 'postgres'::regrole and p.prokind in ('f', 'p')
            """;

    private EmbeddedRoles() {
    }

    static void setUp(Connection superuser, DatabaseCredentials credentials) throws SQLException, IOException {
        PGConnection postgres = superuser.unwrap(PGConnection.class);
        // sent as a SCRAM verifier computed here, so the password itself never reaches the server's logs
        postgres.alterUserPassword(SUPERUSER, credentials.superuser().toCharArray(), "scram-sha-256");
        PasswordOnlyAccess.enforce(superuser);

        superuser.setAutoCommit(false);
        try (Statement statement = superuser.createStatement()) {
            statement.execute(ROLES_AND_SCHEMAS);
            postgres.alterUserPassword(APP_ROLE, credentials.app().toCharArray(), "scram-sha-256");
            for (String handOver : legacyOwnership(statement)) {
                statement.execute(handOver);
            }
            statement.execute(auditSeal());
            statement.execute("select trean_admin.seal_audit_log()");
            superuser.commit();
        } catch (SQLException | RuntimeException e) {
            superuser.rollback();
            throw e;
        }
    }

    private static List<String> legacyOwnership(Statement statement) throws SQLException {
        List<String> statements = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(LEGACY_OWNERSHIP)) {
            while (rows.next()) {
                statements.add(rows.getString(1));
            }
        }
        return statements;
    }

    private static String auditSeal() throws IOException {
        try (InputStream in = EmbeddedRoles.class.getResourceAsStream("/db/admin/audit-seal.sql")) {
            if (in == null) {
                throw new IllegalStateException("db/admin/audit-seal.sql is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
