-- Run once by the postgres:17 image when its volume is empty (docker-entrypoint-initdb.d), as the
-- administrator (POSTGRES_USER) in the database trean. The same roles as the embedded database
-- (src/main/java/vn/trean/database/EmbeddedRoles.java):
--   trean_app    the application: logs in, not a superuser, owns the engine's and the application's tables
--   trean_audit  owns the audit log (02-audit-seal.sql); nobody logs in as it
-- The schemas stay the administrator's, so trean_app cannot drop the audit log with its schema.
-- TREAN_APP_DB_PASSWORD unset: the script stops on a syntax error, and so does the container's first start
\getenv app_password TREAN_APP_DB_PASSWORD

create role trean_app login password :'app_password';
create role trean_audit nologin;

create schema trean;
grant usage, create on schema public to trean_app;
grant usage, create on schema trean to trean_app;
