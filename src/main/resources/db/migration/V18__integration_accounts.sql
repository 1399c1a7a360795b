-- Issue 8, item 5: integrations (the hotline's system, later others) sign in as services with API tokens,
-- not as people with a password checked by BCrypt on every call.

-- An integration is a principal of its own: no password, never on the login form, never a member who is
-- notified, not in the engine's users. It acts with a role and an agency exactly as a person would.
create table integration_account (
    id           uuid primary key,
    name         text not null unique,
    display_name text not null,
    role         text not null,
    agency_id    text not null references agency (id),
    scopes       text[] not null,
    created_at   timestamptz not null,
    created_by   text not null
);

-- A token is stored only as the SHA-256 of its value: a 256-bit random value needs no slow hash, and a
-- copy of the table lets nobody call the API. The hint (its first characters) lets an administrator
-- tell tokens apart in a list.
create table api_token (
    id           uuid primary key,
    account_id   uuid not null references integration_account (id),
    token_hash   bytea not null unique,
    hint         text not null,
    created_at   timestamptz not null,
    created_by   text not null,
    expires_at   timestamptz,
    revoked_at   timestamptz,
    revoked_by   text,
    last_used_at timestamptz
);
create index api_token_account on api_token (account_id);

-- The audit log names its actor by name only: a person and an integration may never share one.
create function principal_name_is_free() returns trigger language plpgsql as $$
begin
    if tg_table_name = 'app_user' then
        if exists (select 1 from integration_account where name = new.username) then
            raise exception 'name % is taken by an integration', new.username using errcode = 'unique_violation';
        end if;
    elsif exists (select 1 from app_user where username = new.name) then
        raise exception 'name % is taken by a user', new.name using errcode = 'unique_violation';
    end if;
    return new;
end;
$$;
create trigger app_user_name_is_free before insert or update of username on app_user
    for each row execute function principal_name_is_free();
create trigger integration_name_is_free before insert or update of name on integration_account
    for each row execute function principal_name_is_free();
