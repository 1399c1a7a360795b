-- The append-only audit log (trean.audit_event, V6) belongs to trean_audit, a role nobody logs in as.
-- The application's role may only read it and add to it: it can neither drop nor disable the trigger
-- that refuses changes, nor change, delete or truncate a row, even if someone runs SQL as it.
--
-- Flyway runs as the application's role, so the table is first created owned by it; this function,
-- which runs with the rights of the administrator who installed it (security definer), then hands the
-- table over. Calling it only ever takes rights away from the application, so the application's role
-- may call it: migration V13 does, and the embedded database does at every start. Idempotent.
--
-- Installed by the embedded database at every start (EmbeddedRoles) and, for docker-compose.yml, as
-- an init script of the PostgreSQL container. Needs the roles trean_app and trean_audit.
create schema if not exists trean_admin;
revoke all on schema trean_admin from public;
grant usage on schema trean_admin to trean_app;

create or replace function trean_admin.seal_audit_log() returns void
    language plpgsql security definer
    set search_path = pg_catalog, pg_temp
as $$
begin
    if to_regclass('trean.audit_event') is null then
        return;
    end if;
    -- also hands over the table's indexes, its id sequence and its triggers
    alter table trean.audit_event owner to trean_audit;
    alter function trean.audit_event_is_append_only() owner to trean_audit;
    grant select, insert on trean.audit_event to trean_app;
    grant usage on sequence trean.audit_event_id_seq to trean_app;
end;
$$;

revoke all on function trean_admin.seal_audit_log() from public;
grant execute on function trean_admin.seal_audit_log() to trean_app;
