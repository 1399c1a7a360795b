-- Issue 12 item 1: a breach for every legal deadline. The deadline watcher (oversight's DeadlineWatcher) records a
-- breach for every open work item past its due date; the agency that held the step gives a reason on a short form
-- (a code of a handful, a note of at most 500 characters, required for OTHER); the province supervisor is told
-- once (escalated_at) when no reason came within trean.deadlines.escalate-after.
alter table deadline_breach
    add column reason_code  text,
    add column reason_note  text,
    add column reason_by    text,
    add column reason_at    timestamptz,
    add column escalated_at timestamptz,
    add constraint deadline_breach_reason_code check (reason_code in ('WORKLOAD', 'WAITING_FOR_OTHER_AGENCY',
        'CHILD_OR_FAMILY_UNREACHABLE', 'NEEDS_COURT_OR_EXPERT', 'DATA_ENTRY_LATE', 'OTHER')),
    add constraint deadline_breach_reason_note check (char_length(reason_note) <= 500),
    add constraint deadline_breach_reason_whole check ((reason_code is null) = (reason_at is null)
        and (reason_code is null) = (reason_by is null));

-- The 12-hour breaches recorded so far were escalated when they were recorded: the model's breach path tells the
-- province supervisor at once and gives it the escalation step. Marked so, they are not escalated a second time.
update deadline_breach set escalated_at = detected_at where escalated_at is null;

-- The watcher's escalation reads the breaches still waiting for a reason, oldest first: a small partial index,
-- since a breach leaves it as soon as it has a reason or was escalated. (Finding the work items past due uses
-- work_item_due; "no breach yet" is a probe of the unique (task_id, deadline_at) index of V4.)
create index deadline_breach_awaiting_reason on deadline_breach (detected_at)
    where reason_at is null and escalated_at is null;
