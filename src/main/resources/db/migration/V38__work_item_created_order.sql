-- Issue 11 item 2: "My tasks" sorts by when a task was created (newest or oldest first) as well as by deadline,
-- a page at a time in the query; this index lets a page of a long list be read in that order without sorting it.
create index work_item_created on work_item (created_at, task_id);
