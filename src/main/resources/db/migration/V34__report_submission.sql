-- Issue 10, item 3: the figures a unit submits for a periodic report, frozen as submitted. A correction is a
-- new version beside the earlier ones, with its reason; no row is ever changed or removed.
create table report_submission (
    id              uuid primary key,
    level           text not null check (level in ('COMMUNE', 'PROVINCE')),
    -- the commune's code for a commune, the province's for a province (2025 list)
    unit_code       text not null,
    province_code   text not null,
    period_from     date not null,
    period_to       date not null,
    version         integer not null check (version >= 1),
    -- PeriodicFigures as JSON: {"values": {code: count}, "communes": [...]}
    figures         jsonb not null,
    correction_note text,
    submitted_by    text not null,
    submitted_at    timestamptz not null,
    check (period_to >= period_from),
    check (version = 1 or correction_note is not null),
    unique (level, unit_code, period_from, period_to, version)
);
create index report_submission_province on report_submission (province_code, period_from, period_to);

-- for any table whose rows, once written, stand as they are
create function refuse_change_of_frozen_rows() returns trigger language plpgsql as $$
begin
    raise exception '% is frozen: rows are added, never changed or removed', tg_table_name;
end;
$$;
create trigger report_submission_no_update before update or delete on report_submission
    for each statement execute function refuse_change_of_frozen_rows();
create trigger report_submission_no_truncate before truncate on report_submission
    for each statement execute function refuse_change_of_frozen_rows();
