-- A step that missed its legal deadline. Unique, so a timer that runs twice records the breach once.
create table deadline_breach (
    id          bigserial primary key,
    case_id     uuid not null references case_file (id),
    step_key    text not null,
    task_id     text not null,
    deadline_at timestamptz not null,
    detected_at timestamptz not null,
    resolved_at timestamptz,
    unique (task_id, deadline_at)
);
create index deadline_breach_case on deadline_breach (case_id);
