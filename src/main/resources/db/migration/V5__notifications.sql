-- Messages to the people of an agency; the dedupe key makes sending idempotent.
create table notification (
    id          bigserial primary key,
    case_id     uuid not null references case_file (id),
    kind        text not null,
    agency_id   text not null references agency (id),
    created_at  timestamptz not null,
    dedupe_key  text not null unique
);
create index notification_agency on notification (agency_id, created_at);
