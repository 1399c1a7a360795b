-- The work lists: one row per open task of a case, kept in step with the engine by its task
-- listeners inside the engine's transaction. Lists and boards read this indexed table instead of
-- querying the engine with authorization checks (STACK.md, trap 8).
create table work_item (
    task_id        text primary key,
    case_id        uuid not null references case_file (id),
    case_number    text not null,
    commune_code   text not null,
    province_code  text not null,
    step_key       text not null,
    step_name      text not null,
    agencies       text[] not null,
    assignee       text,
    created_at     timestamptz not null,
    due_at         timestamptz,
    measure_id     uuid,
    window_ends_at timestamptz,
    emergency      boolean not null default false
);
create index work_item_agencies on work_item using gin (agencies);
create index work_item_assignee on work_item (assignee) where assignee is not null;
create index work_item_due on work_item (due_at);
create index work_item_commune_due on work_item (commune_code, due_at);
create index work_item_province_due on work_item (province_code, due_at);
create index work_item_case on work_item (case_id);
