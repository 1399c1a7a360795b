-- The overdue board pages its lists in SQL (issue 11, item 8): each order and filter it offers reads an index
-- that already holds the order, so a page of 50 is found without sorting the area's open tasks.
-- (province_code, due_at) and (commune_code, due_at) from V8 serve the default order (due, late).

-- by step (order and filter), and the cases without a receiving agency
create index work_item_province_step_due on work_item (province_code, step_key, due_at);
create index work_item_commune_step_due on work_item (commune_code, step_key, due_at);
-- the open cases and tasks per step: (step, case) groups read in order from the index alone, no hash of every row
create index work_item_province_step_case on work_item (province_code, step_key, case_id);
create index work_item_commune_step_case on work_item (commune_code, step_key, case_id);
-- by commune within a province
create index work_item_province_commune_due on work_item (province_code, commune_code, due_at);
-- by case number
create index work_item_province_case_number on work_item (province_code, case_number);
-- the 12-hour window: only the tasks of a running window's steps carry an end
create index work_item_province_window on work_item (province_code, window_ends_at) where window_ends_at is not null;
create index work_item_commune_window on work_item (commune_code, window_ends_at) where window_ends_at is not null;
-- open emergencies
create index work_item_province_emergency on work_item (province_code, step_key) where emergency;
-- deadlines computed without a year's holidays
create index work_item_province_without_holidays on work_item (province_code, due_without_holidays_of)
    where due_without_holidays_of is not null;
