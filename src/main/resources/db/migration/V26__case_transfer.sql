-- Issue 9 item 4: a case transferred to another commune (the child moved, or lives elsewhere than the
-- incident). The row keeps the commune the case came from; the case keeps its number and timeline.
create table case_transfer (
    id             uuid primary key,
    case_id        uuid not null references case_file (id),
    from_commune   text not null,
    to_commune     text not null,
    requested_by   text not null,
    reason         text not null check (length(reason) between 1 and 1000),
    requested_at   timestamptz not null,
    state          text not null default 'REQUESTED' check (state in ('REQUESTED', 'ACCEPTED', 'REFUSED')),
    decided_by     text,
    decided_at     timestamptz,
    refusal_reason text check (refusal_reason is null or length(refusal_reason) between 1 and 1000),
    check (from_commune <> to_commune)
);
-- one open request per case: a second is a conflict, not a queue
create unique index case_transfer_one_open on case_transfer (case_id) where state = 'REQUESTED';
create index case_transfer_incoming on case_transfer (to_commune, requested_at) where state = 'REQUESTED';
create index case_transfer_case on case_transfer (case_id, requested_at);
