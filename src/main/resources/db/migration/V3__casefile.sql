create table case_number_counter (
    commune_code text not null,
    year         int not null,
    last_value   int not null,
    primary key (commune_code, year)
);

create table case_file (
    id                  uuid primary key,
    case_number         text not null unique,
    commune_code        text not null,
    province_code       text not null,
    category            text not null,
    status              text not null default 'OPEN' check (status in ('OPEN', 'CLOSED')),
    protection_level    text,
    emergency           boolean,
    received_at         timestamptz not null,
    created_at          timestamptz not null,
    created_by          text not null,
    closed_at           timestamptz,
    reopened_from       uuid references case_file (id),
    process_instance_id text
);
create index case_file_commune on case_file (commune_code, status);
create index case_file_province on case_file (province_code, status);

create table child (
    id              uuid primary key,
    case_id         uuid not null references case_file (id),
    full_name       text not null,
    name_normalized text not null,
    date_of_birth   date,
    estimated_age   int,
    sex             text not null check (sex in ('MALE', 'FEMALE', 'UNKNOWN'))
);
create index child_case on child (case_id);
create index child_name on child (name_normalized);

-- Form 01: what the receiving point recorded.
create table report (
    case_id             uuid primary key references case_file (id),
    receiving_agency_id text not null references agency (id),
    receiving_officer   text not null,
    channel             text not null,
    place               text not null,
    current_condition   text not null,
    likely_consequence  text,
    family_situation    text,
    parents             jsonb,
    actions_taken       text,
    informant           jsonb,
    abuse_forms         text[] not null default '{}',
    hotline_reference   text
);

-- Need to know: every agency a task of the case is or was routed to.
create table case_access (
    case_id    uuid not null references case_file (id),
    agency_id  text not null references agency (id),
    granted_at timestamptz not null,
    primary key (case_id, agency_id)
);
create index case_access_agency on case_access (agency_id);

-- The timeline: every step that was opened and what was recorded when it was completed.
create table step_record (
    id           bigserial primary key,
    case_id      uuid not null references case_file (id),
    step_key     text not null,
    task_id      text not null unique,
    agency_id    text,
    opened_at    timestamptz not null,
    due_at       timestamptz,
    completed_at timestamptz,
    completed_by text,
    data         jsonb,
    late_seconds bigint
);
create index step_record_case on step_record (case_id, opened_at);

create table plan_measure (
    id                uuid primary key,
    case_id           uuid not null references case_file (id),
    plan_cycle        int not null,
    measure_type      text not null,
    responsible_role  text not null,
    description       text not null,
    start_date        date not null,
    end_date          date not null,
    provider          text,
    cost_estimate     numeric(14, 0),
    status            text not null default 'DRAFT' check (status in ('DRAFT', 'ACTIVE', 'DONE', 'PARTLY_DONE', 'NOT_DONE', 'WITHDRAWN'))
);
create index plan_measure_case on plan_measure (case_id, plan_cycle);
