-- Issue 10 item 2: the statistics page. One narrow row per case, kept by triggers from the case record
-- (case_file, child, the opening report, the steps that the figures read), so that a province's figures for a
-- period are one scan of this table instead of joins over the case tables and their timelines (1,000,000 cases:
-- bench/README.md). Nothing but these triggers writes it; statistics_sync(case) rebuilds a case's row from the
-- record, whatever changed.

-- The 12-hour steps, as CaseProcess.TWELVE_HOUR_STEP_KEYS names them (StatisticsIntegrationTests checks the two
-- agree): the window is met when all of a case's are done within 12 hours of receipt, as the board counts it.
create function statistics_window_steps() returns text[] language sql immutable as $$
    select array['assign_receiving_agency', 'verify_report', 'emergency_intervention', 'police_response',
                 'health_response']
$$;

-- The steps whose records the figures read: the window's, verification, the ordinary plan's two steps.
create function statistics_step_keys() returns text[] language sql immutable as $$
    select statistics_window_steps() || array['draft_plan', 'approve_plan']
$$;

-- Who a child is, for counting children rather than cases: until a person key exists, the folded name, the date
-- of birth and the commune; a child without a date of birth is known within its own case only (never merged
-- with a namesake). The one place to change when the child gets a person key: redefine this function, then
-- rebuild the rows (select statistics_rebuild()). Immutable indeed (the date as a number of days, not as text,
-- which would follow the session's DateStyle), so that PostgreSQL inlines it.
create function statistics_child_key(c child, commune_code text) returns uuid language sql immutable as $$
    select case when c.date_of_birth is null then c.case_id
                else cast(md5(c.name_normalized || '|' || cast(c.date_of_birth - date '2000-01-01' as text) || '|'
                              || commune_code) as uuid) end
$$;

create table statistics_case (
    case_id              uuid primary key references case_file (id),
    province_code        text not null,
    commune_code         text not null,
    received_at          timestamptz not null,
    -- the Vietnam date of receipt, which a period selects on, and its month (the trend)
    received_on          date not null,
    received_month       date not null,
    category             text not null,
    status               text not null,
    protection_level     text,
    emergency            boolean not null,
    closing_outcome      text,
    handling_outcome     text,
    verified_at          timestamptz,
    abuse_confirmed      text,
    -- a report that verification found unfounded and the chairman closed is "verified, not a case"
    is_case              boolean generated always as (closing_outcome is distinct from 'VERIFIED_NOT_A_CASE') stored,
    -- a child abused: as verification found it (yes/no), else as the report classified it
    abused               boolean generated always as (closing_outcome is distinct from 'VERIFIED_NOT_A_CASE'
                             and case abuse_confirmed when 'yes' then true when 'no' then false
                                 else category = 'ABUSED' end) stored,
    child_key            uuid,
    child_sex            text,
    -- age in whole years at receipt: from the date of birth, else the estimate
    child_age            smallint,
    abuse_forms          text[] not null,
    -- Counting a child once in a period without count(distinct): the receipt date of the same child's previous
    -- case (of all counted cases; of its abused cases; of its abused cases with each form of abuse_forms, in that
    -- order). A child counts in a period at its first case there: the one whose previous case is older or absent.
    child_prev_on        date,
    abused_prev_on       date,
    form_prev_on         date[] not null default '{}',
    -- the moments deadline compliance is judged on, as the board's milestones
    window_done_at       timestamptz,
    plan_draft_opened_at timestamptz,
    plan_approved_at     timestamptz
) with (fillfactor = 85);
create index statistics_case_province on statistics_case (province_code, received_on);
create index statistics_case_commune on statistics_case (commune_code, received_on);
create index statistics_case_child on statistics_case (child_key);
-- the cases with an earlier case of the same child, read for every report (StatisticsQueries)
create index statistics_case_repeats on statistics_case (province_code, received_on)
    where child_prev_on is not null or abused_prev_on is not null;
-- the plans, whose compliance is judged against the working-day calendar of the day of the report
create index statistics_case_plans on statistics_case (province_code, received_on)
    include (commune_code, received_month, plan_draft_opened_at, plan_approved_at)
    where plan_approved_at is not null and plan_draft_opened_at is not null and emergency is not true;

-- The counts of a commune's month, kept so that a report over years adds up months instead of reading every case:
-- counts[] in the order StatisticsQueries.COUNTS gives (statistics_counts.signature names that order; when it
-- changes, every month is counted again). A month is counted again at the next report after its cases changed: the
-- triggers below mark it in statistics_dirty (rows only added, so that writers never wait for each other).
create table statistics_month (
    commune_code  text not null,
    month         date not null,
    province_code text not null,
    counts        int[] not null,
    primary key (commune_code, month)
);
create index statistics_month_province on statistics_month (province_code, month);
create table statistics_breach_month (
    commune_code  text not null,
    month         date not null,
    province_code text not null,
    agency_id     text not null, -- '' for breaches recorded before agencies were kept
    breaches      int not null,
    open          int not null,
    cases         int not null,
    primary key (commune_code, month, agency_id)
);
create index statistics_breach_month_province on statistics_breach_month (province_code, month);
create table statistics_dirty (
    commune_code text not null,
    month        date not null
);
create table statistics_counts (
    id        int primary key check (id = 1),
    signature text not null
);

create function statistics_mark_months() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into statistics_dirty select distinct commune_code, received_month from changed_rows;
    elsif tg_op = 'UPDATE' then
        insert into statistics_dirty select commune_code, received_month from changed_rows
                                     union select commune_code, received_month from former_rows;
    else
        insert into statistics_dirty select distinct commune_code, received_month from former_rows;
    end if;
    return null;
end;
$$;
create trigger statistics_months_inserted after insert on statistics_case
    referencing new table as changed_rows for each statement execute function statistics_mark_months();
create trigger statistics_months_updated after update on statistics_case
    referencing old table as former_rows new table as changed_rows for each statement execute function statistics_mark_months();
create trigger statistics_months_deleted after delete on statistics_case
    referencing old table as former_rows for each statement execute function statistics_mark_months();

create function statistics_mark_breach_months() returns trigger language plpgsql as $$
begin
    insert into statistics_dirty
    select distinct s.commune_code, s.received_month from changed_breaches b join statistics_case s on s.case_id = b.case_id;
    return null;
end;
$$;
create trigger statistics_breaches_inserted after insert on deadline_breach
    referencing new table as changed_breaches for each statement execute function statistics_mark_breach_months();
create trigger statistics_breaches_updated after update on deadline_breach
    referencing new table as changed_breaches for each statement execute function statistics_mark_breach_months();

-- A case's row as the case record gives it (all but the previous-case dates): its child (the first), its opening
-- report, and what the steps the figures read recorded. Selected for one case by statistics_sync, for all at once by
-- statistics_rebuild (PostgreSQL pushes the case id down into each part).
create view statistics_source as
select c.id as case_id, c.province_code, c.commune_code, c.received_at, d.received_on,
       cast(date_trunc('month', d.received_on) as date) as received_month, c.category, c.status, c.protection_level,
       coalesce(c.emergency, false) as emergency, c.closing_outcome, c.handling_outcome,
       steps.verified_at, steps.abuse_confirmed,
       statistics_child_key(ch.child_row, c.commune_code) as child_key, (ch.child_row).sex as child_sex,
       coalesce(cast(extract(year from age(d.received_on, (ch.child_row).date_of_birth)) as smallint),
                cast((ch.child_row).estimated_age as smallint)) as child_age,
       coalesce(r.abuse_forms, '{}') as abuse_forms,
       steps.window_done_at, steps.plan_draft_opened_at, steps.plan_approved_at
  from case_file c
  cross join lateral (select cast(c.received_at at time zone 'Asia/Ho_Chi_Minh' as date) as received_on) d
  left join (select distinct on (x.case_id) x.case_id, x as child_row from child x order by x.case_id, x.id) ch
         on ch.case_id = c.id
  left join (select distinct on (case_id) case_id, abuse_forms from report where not linked
              order by case_id, received_at) r on r.case_id = c.id
  left join (
      select case_id,
             max(completed_at) filter (where step_key = 'verify_report') as verified_at,
             (array_agg(data ->> 'abuseConfirmed' order by opened_at desc)
                 filter (where step_key = 'verify_report' and data is not null))[1] as abuse_confirmed,
             case when bool_and(completed_at is not null) filter (where step_key = any(statistics_window_steps()))
                  then max(completed_at) filter (where step_key = any(statistics_window_steps())) end as window_done_at,
             min(opened_at) filter (where step_key = 'draft_plan') as plan_draft_opened_at,
             min(completed_at) filter (where step_key = 'approve_plan' and data ->> 'planApproved' = 'yes')
                 as plan_approved_at
        from step_record where step_key = any(statistics_step_keys())
       group by case_id) steps on steps.case_id = c.id;

-- The previous-case dates of every case, per child (selected for one child by statistics_relink, for all by
-- statistics_rebuild). A case without a child row has none.
create view statistics_chain as
select c.case_id, c.child_key,
       case when c.is_case then lag(c.received_on) over (partition by c.child_key, c.is_case
                                                         order by c.received_at, c.case_id) end as child_prev_on,
       case when c.abused then lag(c.received_on) over (partition by c.child_key, c.abused
                                                        order by c.received_at, c.case_id) end as abused_prev_on,
       coalesce(f.form_prev_on, '{}') as form_prev_on
  from statistics_case c
  left join (
      select case_id, child_key, array_agg(prev order by ord) as form_prev_on
        from (select s.case_id, s.child_key, f.ord,
                     lag(s.received_on) over (partition by s.child_key, f.form order by s.received_at, s.case_id) as prev
                from statistics_case s cross join lateral unnest(s.abuse_forms) with ordinality as f(form, ord)
               where s.abused) per_form
       group by case_id, child_key) f on f.case_id = c.case_id and f.child_key = c.child_key;

-- (PL/pgSQL, so that the statement's plan is kept for the session: it runs on every change of a case.)
create function statistics_relink(child uuid) returns void language plpgsql as $$
begin
    update statistics_case s
       set child_prev_on = ch.child_prev_on, abused_prev_on = ch.abused_prev_on, form_prev_on = ch.form_prev_on
      from statistics_chain ch
     where ch.child_key = statistics_relink.child and s.case_id = ch.case_id
       and (s.child_prev_on, s.abused_prev_on, s.form_prev_on)
           is distinct from (ch.child_prev_on, ch.abused_prev_on, ch.form_prev_on);
end;
$$;

-- Serialises the changes to one child's cases: two cases of the same child filed at once both see each other.
create function statistics_lock_child(child uuid) returns void language sql as $$
    select pg_advisory_xact_lock(hashtext('statistics-child:' || child::text))
$$;

-- Rebuilds one case's row from the case record, and the previous-case dates of its child (old and new) when
-- what they depend on changed. One change of a case at a time (a lock per case, then per child, always in that
-- order): a change waits for the other's commit and then reads the record as it committed.
create function statistics_sync(target uuid) returns void language plpgsql as $$
declare
    old_row statistics_case;
    new_row statistics_case;
    src     statistics_source;
begin
    perform pg_advisory_xact_lock(hashtext('statistics-case:' || target::text));
    select * into old_row from statistics_case where case_id = target;
    select * into src from statistics_source where case_id = target;
    if src.case_id is null then
        return;
    end if;
    perform statistics_lock_child(k)
       from (select distinct k from unnest(array[old_row.child_key, src.child_key]) as k where k is not null order by k) keys;

    insert into statistics_case as s (case_id, province_code, commune_code, received_at, received_on, received_month,
                                      category, status, protection_level, emergency, closing_outcome, handling_outcome,
                                      verified_at, abuse_confirmed, child_key, child_sex, child_age, abuse_forms,
                                      window_done_at, plan_draft_opened_at, plan_approved_at)
    select (src).*
    on conflict (case_id) do update set
        province_code = excluded.province_code, commune_code = excluded.commune_code,
        received_at = excluded.received_at, received_on = excluded.received_on,
        received_month = excluded.received_month, category = excluded.category, status = excluded.status,
        protection_level = excluded.protection_level, emergency = excluded.emergency,
        closing_outcome = excluded.closing_outcome, handling_outcome = excluded.handling_outcome,
        verified_at = excluded.verified_at, abuse_confirmed = excluded.abuse_confirmed,
        child_key = excluded.child_key, child_sex = excluded.child_sex, child_age = excluded.child_age,
        abuse_forms = excluded.abuse_forms, window_done_at = excluded.window_done_at,
        plan_draft_opened_at = excluded.plan_draft_opened_at, plan_approved_at = excluded.plan_approved_at
    where (s.province_code, s.commune_code, s.received_at, s.category, s.status, s.protection_level, s.emergency,
           s.closing_outcome, s.handling_outcome, s.verified_at, s.abuse_confirmed, s.child_key, s.child_sex, s.child_age,
           s.abuse_forms, s.window_done_at, s.plan_draft_opened_at, s.plan_approved_at)
          is distinct from
          (excluded.province_code, excluded.commune_code, excluded.received_at, excluded.category, excluded.status,
           excluded.protection_level, excluded.emergency, excluded.closing_outcome, excluded.handling_outcome,
           excluded.verified_at, excluded.abuse_confirmed, excluded.child_key, excluded.child_sex, excluded.child_age,
           excluded.abuse_forms, excluded.window_done_at, excluded.plan_draft_opened_at, excluded.plan_approved_at)
    returning * into new_row;

    if not found or new_row.child_key is null then
        return; -- nothing changed, or no child yet
    end if;
    if old_row.case_id is null or (old_row.child_key, old_row.received_at, old_row.is_case, old_row.abused, old_row.abuse_forms)
            is distinct from (new_row.child_key, new_row.received_at, new_row.is_case, new_row.abused, new_row.abuse_forms) then
        if old_row.child_key is not null and old_row.child_key <> new_row.child_key then
            perform statistics_relink(old_row.child_key);
        end if;
        perform statistics_relink(new_row.child_key);
    end if;
end;
$$;

-- Every row again, set-based: after a bulk load with the triggers off, or when the child's identity changes
-- (statistics_child_key). Takes a lock that keeps the case tables' writers waiting meanwhile.
create function statistics_rebuild() returns void language sql as $$
    lock table statistics_case in exclusive mode;
    delete from statistics_case;
    delete from statistics_month;
    delete from statistics_breach_month;
    insert into statistics_case (case_id, province_code, commune_code, received_at, received_on, received_month,
                                 category, status, protection_level, emergency, closing_outcome, handling_outcome,
                                 verified_at, abuse_confirmed, child_key, child_sex, child_age, abuse_forms,
                                 window_done_at, plan_draft_opened_at, plan_approved_at)
    select * from statistics_source;
    update statistics_case s
       set child_prev_on = ch.child_prev_on, abused_prev_on = ch.abused_prev_on, form_prev_on = ch.form_prev_on
      from statistics_chain ch
     where s.case_id = ch.case_id and ch.child_key is not null
       and (s.child_prev_on, s.abused_prev_on, s.form_prev_on)
           is distinct from (ch.child_prev_on, ch.abused_prev_on, ch.form_prev_on);
$$;

create function statistics_case_changed() returns trigger language plpgsql as $$
begin
    perform statistics_sync(new.id);
    return null;
end;
$$;
create function statistics_part_changed() returns trigger language plpgsql as $$
begin
    perform statistics_sync(new.case_id);
    return null;
end;
$$;

create trigger statistics_case_opened after insert on case_file
    for each row execute function statistics_case_changed();
create trigger statistics_case_updated
    after update of province_code, commune_code, received_at, category, status, protection_level, emergency,
                    closing_outcome, handling_outcome on case_file
    for each row execute function statistics_case_changed();
create trigger statistics_child after insert or update of name_normalized, date_of_birth, estimated_age, sex on child
    for each row execute function statistics_part_changed();
create trigger statistics_report after insert or update of abuse_forms on report
    for each row when (not new.linked) execute function statistics_part_changed();
create trigger statistics_step after insert or update of opened_at, completed_at, data on step_record
    for each row when (new.step_key = any(statistics_step_keys())) execute function statistics_part_changed();

-- The cases already on record.
select statistics_rebuild();

-- Reports linked to an existing case count among the reports received in their period.
create index report_linked_received on report (received_at) where linked;
-- Breaches by agency for a province's period: the breaches of the cases the period selects.
create index deadline_breach_case_agency on deadline_breach (case_id, agency_id);
