-- Issue 10, speed: the breakdowns by the dimension tables (StatisticsDimension: abuse sub-types, environment,
-- perpetrator, special-circumstance groups and those helped) counted per commune and month of receipt, as
-- statistics_month keeps the other figures, so that a province's years add up months instead of joining every case
-- to every dimension table (21 s for five years of 1,000,000 cases, bench/README.md). A month keeps the cases per
-- value; the children (each once) are the cases less the repeats of a child, read for each report from the few cases
-- with an earlier case of the same child (StatisticsQueries).
create table statistics_dimension_month (
    commune_code  text not null,
    month         date not null,
    province_code text not null,
    dimension     text not null,
    value         text not null,
    cases         int not null,
    primary key (commune_code, month, dimension, value)
);
create index statistics_dimension_month_province on statistics_dimension_month (province_code, dimension, month);

-- A change of a dimension table marks the months of the cases it concerns, to be counted again by the next report.
-- A new StatisticsDimension reading another table needs these triggers on it too.
create function statistics_mark_dimension_months() returns trigger language plpgsql as $$
begin
    if tg_op in ('INSERT', 'UPDATE') then
        insert into statistics_dirty
        select distinct s.commune_code, s.received_month from changed_rows r join statistics_case s on s.case_id = r.case_id;
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        insert into statistics_dirty
        select distinct s.commune_code, s.received_month from former_rows r join statistics_case s on s.case_id = r.case_id;
    end if;
    return null;
end;
$$;

do $$
declare
    dimension_table text;
begin
    foreach dimension_table in array array['case_classification', 'case_abuse_subtype', 'case_special_circumstance',
                                           'plan_measure'] loop
        execute format('create trigger statistics_%1$s_inserted after insert on %1$s referencing new table as changed_rows'
                       ' for each statement execute function statistics_mark_dimension_months()', dimension_table);
        execute format('create trigger statistics_%1$s_updated after update on %1$s referencing old table as former_rows'
                       ' new table as changed_rows for each statement execute function statistics_mark_dimension_months()',
                       dimension_table);
        execute format('create trigger statistics_%1$s_deleted after delete on %1$s referencing old table as former_rows'
                       ' for each statement execute function statistics_mark_dimension_months()', dimension_table);
    end loop;
end;
$$;
