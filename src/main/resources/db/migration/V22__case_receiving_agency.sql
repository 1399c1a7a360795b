-- Issue 8 item 9 (commune without staff): the agency the province department chose to carry the commune
-- steps of one case whose commune has no child-protection officer. One per case, kept for the case's
-- life (the routing of its later steps reads it); who chose it and when is also in the audit log.
create table case_receiving_agency (
    case_id     uuid primary key references case_file (id),
    agency_id   text not null references agency (id),
    assigned_by text not null,
    assigned_at timestamptz not null
);
create index case_receiving_agency_agency on case_receiving_agency (agency_id);
