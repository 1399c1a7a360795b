-- Append-only: every read and change of a case. Rows can be added, never changed or removed.
create table audit_event (
    id       bigserial primary key,
    at       timestamptz not null default now(),
    actor    text not null,
    action   text not null,
    case_id  uuid,
    detail   jsonb
);
create index audit_event_case on audit_event (case_id, at);

create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only';
end;
$$;
create trigger audit_event_no_update before update or delete on audit_event
    for each statement execute function audit_event_is_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_is_append_only();
