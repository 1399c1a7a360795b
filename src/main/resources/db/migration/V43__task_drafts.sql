-- Issue 11 item 3: what a person has typed into a task's form and not yet submitted, saved when they pause,
-- so that a lost tab, a dead phone or an expired session does not lose it. One draft per (task, person);
-- readable only by that person while they may work the task; deleted when the task ends (TaskDrafts).
create table task_draft (
    task_id      varchar(64)  not null,
    username     varchar(100) not null,
    draft_values text         not null,
    updated_at   timestamptz  not null,
    constraint task_draft_pk primary key (task_id, username)
);
