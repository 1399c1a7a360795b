-- Issue 8, item 7: the holiday calendar as data, edited by administrators instead of a file shipped
-- with the app. A year counts as configured once it has a holiday_year row (saved by an administrator,
-- or seeded from calendar/vn-holidays.yaml at the first start); a year without a row is not, and
-- working-day deadlines that reach into it are marked as computed without its holidays.
create table holiday_year (
    year          integer primary key check (year between 2000 and 2100),
    configured_by text not null,
    configured_at timestamptz not null,
    reason        text not null
);

-- A day is a holiday or a make-up working day, never both (the primary key), and lies in its year.
create table holiday_day (
    day   date primary key,
    year  integer not null references holiday_year (year) on delete cascade,
    kind  text not null check (kind in ('HOLIDAY', 'MAKE_UP_WORKING_DAY')),
    label text,
    check (extract(year from day) = year)
);
create index holiday_day_year on holiday_day (year);

-- Bumped by every change: each node compares it with the version its cached calendar was read at
-- and reloads when it differs (also after a rolled-back change).
create table holiday_calendar_version (
    id      integer primary key check (id = 1),
    version bigint not null
);
insert into holiday_calendar_version (id, version) values (1, 0);

-- The working-day deadline of an open task that reaches into a year without configured holidays:
-- that year, shown beside the deadline; null when every year it spans is configured.
alter table work_item add column due_without_holidays_of integer;
