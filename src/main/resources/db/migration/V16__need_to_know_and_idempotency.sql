-- Issue 7: linking, documents and retries no longer open a child's record to those who do not need it.

-- A possible duplicate shown to a receiving point: the reference it may link a report with. It names
-- the case for this user only and for a short while, so a listed match opens nothing else.
create table duplicate_match (
    ref        uuid primary key,
    case_id    uuid not null references case_file (id),
    username   text not null,
    created_at timestamptz not null
);
create index duplicate_match_created on duplicate_match (created_at);

-- Documents follow the case's need-to-know: agencies that see only their part of a case see the
-- documents their own agency added.
alter table document add column agency_id text references agency (id);
update document d set agency_id = u.agency_id from app_user u where u.username = d.uploaded_by;

-- A client's retry of a report (or a link) carries the same Idempotency-Key and gets the first answer.
create table idempotent_request (
    username      text not null,
    key           text not null,
    endpoint      text not null,
    request_hash  bytea not null,
    status        int not null,
    location      text,
    response_body text,
    created_at    timestamptz not null,
    primary key (username, key)
);
create index idempotent_request_created on idempotent_request (created_at);
