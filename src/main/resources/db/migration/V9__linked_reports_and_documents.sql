-- A case can gather several reports: the one it was opened from, and later reports about the same
-- child that the receiving point linked to it instead of opening a duplicate case.
alter table report drop constraint report_pkey;
alter table report add column id uuid not null default gen_random_uuid() primary key;
alter table report add column received_at timestamptz;
alter table report add column linked boolean not null default false;
create index report_case on report (case_id);

-- Documents of a case (PDF and images), kept in the database under the same access rules as the case.
create table document (
    id           uuid primary key,
    case_id      uuid not null references case_file (id),
    filename     text not null,
    content_type text not null,
    size_bytes   int not null,
    content      bytea not null,
    uploaded_by  text not null,
    uploaded_at  timestamptz not null
);
create index document_case on document (case_id, uploaded_at);
