-- The application's role must not own the audit log, or it could drop or disable the trigger that keeps
-- it append-only. Where an administrator installed trean_admin.seal_audit_log() (db/admin/audit-seal.sql:
-- the embedded database, docker-compose.yml), the log is handed to the role trean_audit now. On a server
-- without it, everything keeps working as before and the log stays the application's role's, with a
-- warning (README, "How the database is secured").
do $$
begin
    if to_regprocedure('trean_admin.seal_audit_log()') is not null then
        execute 'select trean_admin.seal_audit_log()';
    else
        raise warning 'trean.audit_event stays owned by %, which can therefore drop its append-only trigger: install db/admin/audit-seal.sql as an administrator (README, "How the database is secured")', current_user;
    end if;
end;
$$;
