-- Issue 12 item 3: a plan changes while it runs. The officer proposes adding, changing or stopping measures, the
-- chairman approves within 2 working days, and an approval is applied at once. Each approved amendment is a new
-- version of the plan (the approved plan is version 1); `changes` holds what was proposed and, once applied, each
-- measure before and after.
create table plan_amendment (
    id               uuid primary key,
    case_id          uuid not null references case_file (id),
    plan_cycle       int not null,
    proposal_task_id text not null unique,
    proposed_by      text not null,
    proposed_at      timestamptz not null,
    reason           text not null,
    changes          jsonb not null,
    status           text not null default 'PROPOSED' check (status in ('PROPOSED', 'APPROVED', 'NOT_APPROVED')),
    version          int check (version >= 2),
    decision_task_id text unique,
    decided_by       text,
    decided_at       timestamptz,
    unique (case_id, plan_cycle, version)
);
create index plan_amendment_case on plan_amendment (case_id, proposed_at);

-- the version of the plan in which a measure was added or last changed
alter table plan_measure add column plan_version int not null default 1;

-- Issue 12 item 6: closing records the child's situation; a child in alternative care is followed after closing
-- (the carer reports every 6 months and when the arrangement changes).
alter table case_file
    add column closing_situation text
        check (closing_situation in ('safe_at_home', 'alternative_care', 'moved_away', 'reached_adulthood', 'other')),
    add column care_arrangement text
        check (care_arrangement in ('relatives', 'foster_family', 'adoption', 'social_assistance_facility'));

-- A step the process ended without its being done (a measure stopped by an amendment or ended with its plan's
-- review, a window step closed by the emergency path): the timeline says so instead of "in progress" for ever.
alter table step_record add column ended_at timestamptz;
