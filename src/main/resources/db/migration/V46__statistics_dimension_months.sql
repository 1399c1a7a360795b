-- Issue 10, speed: the breakdowns by the dimension tables (StatisticsDimension: abuse sub-types, environment,
-- perpetrator, special-circumstance groups and those helped) kept per commune and month of receipt, as
-- statistics_month keeps the other figures, so that a province's years add up months instead of joining every case
-- to every dimension table (21 s for five years of 1,000,000 cases, bench/README.md).
--
-- A child counts once per value in a period, at their first case there with that value: the one whose previous case
-- with the same value (prev_on) is older than the period or absent — as statistics_case's *_prev_on do for the other
-- figures. A month keeps, per value, its cases and those without a previous case ("firsts"); the cases with one are
-- kept one row each in statistics_dimension_repeat (one in ten at most), which a report reads for the period.
create table statistics_dimension_month (
    commune_code  text not null,
    month         date not null,
    province_code text not null,
    dimension     text not null,
    value         text not null,
    cases         int not null,
    firsts        int not null,
    primary key (commune_code, month, dimension, value)
);
create index statistics_dimension_month_province on statistics_dimension_month (province_code, dimension, month);

create table statistics_dimension_repeat (
    case_id        uuid not null,
    dimension      text not null,
    value          text not null,
    province_code  text not null,
    commune_code   text not null,
    received_on    date not null,
    received_month date not null,
    prev_on        date not null,
    primary key (case_id, dimension, value)
);
create index statistics_dimension_repeat_province on statistics_dimension_repeat (province_code, dimension, received_on)
    include (commune_code, value, prev_on);
create index statistics_dimension_repeat_month on statistics_dimension_repeat (commune_code, received_month);

-- A change of a dimension table marks the months of the cases it concerns, and of the other cases of the same child
-- (whose previous case with a value may change), to be counted again by the next report. A new StatisticsDimension
-- reading another table needs these triggers on it too.
create function statistics_mark_dimension_months() returns trigger language plpgsql as $$
begin
    if tg_op in ('INSERT', 'UPDATE') then
        insert into statistics_dirty
        select s.commune_code, s.received_month from changed_rows r join statistics_case s on s.case_id = r.case_id
        union
        select o.commune_code, o.received_month from changed_rows r join statistics_case s on s.case_id = r.case_id
                                                    join statistics_case o on o.child_key = s.child_key;
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        insert into statistics_dirty
        select s.commune_code, s.received_month from former_rows r join statistics_case s on s.case_id = r.case_id
        union
        select o.commune_code, o.received_month from former_rows r join statistics_case s on s.case_id = r.case_id
                                                    join statistics_case o on o.child_key = s.child_key;
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
