-- Issue 10 item 4: the ad-hoc serious-case report sent upward to the province department. It names the child by
-- initials, age and sex only; content is the structured report, text_vi/text_en what was sent (mail and app).
create table serious_case_report (
    id                  uuid primary key,
    case_id             uuid not null references case_file (id),
    sent_by             text not null,
    sent_by_agency_id   text not null references agency (id),
    sent_at             timestamptz not null,
    recipient_agency_id text not null references agency (id),
    content             jsonb not null,
    text_vi             text not null,
    text_en             text not null
);
create index serious_case_report_case on serious_case_report (case_id, sent_at);

-- Issue 10 item 5: the key of the child pseudonyms in the open-data export when the installation configures none
-- (trean.export.pseudonym-secret): generated once, so that a child keeps its pseudonym from one export to the next.
create table export_pseudonym_key (
    id         int primary key check (id = 1),
    secret     text not null,
    created_at timestamptz not null default now()
);

-- the export reads closed cases by their closing date
create index case_file_closed on case_file (province_code, closed_at) where status = 'CLOSED';
