-- Issue 10, item 3: reminders of a periodic report's due date, 10 and 3 days before, to the unit that owes it.
-- One row per unit, report and reminder: the unique key makes a retried run, or a second node, send nothing twice.
create table report_reminder (
    level       text not null check (level in ('COMMUNE', 'PROVINCE')),
    -- the commune's code for a commune, the province's for a province (2025 list)
    unit_code   text not null,
    kind        text not null,
    year        integer not null,
    days_before integer not null,
    sent_at     timestamptz not null,
    primary key (level, unit_code, kind, year, days_before)
);

-- A reminder of a report due concerns no case: a notification may stand without one, and says what it is about
-- in a line of its own (the report and its due date, never anything about a child).
alter table notification alter column case_id drop not null;
alter table notification add column detail text;
