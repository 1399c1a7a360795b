-- Issue 11 item 1 at 1,000,000 cases: an agency's people list their cases newest activity first. Their cases are
-- their access rows (a commune's few thousand); with the case's last activity beside each row, a page is a range of
-- one index, instead of walking every case of the installation by activity and testing its access (0.5-0.8 s for a
-- page far in, bench/README.md) or fetching all of the agency's cases to sort them (0.3 s).
alter table case_access add column last_activity_at timestamptz;

update case_access a set last_activity_at = c.last_activity_at from case_file c where c.id = a.case_id;

create index case_access_agency_activity on case_access (agency_id, last_activity_at desc, case_id);

-- a new access row takes its case's last activity; a case's new activity reaches its access rows
create function case_access_activity_of_case() returns trigger language plpgsql as $$
begin
    if new.last_activity_at is null then
        new.last_activity_at := (select c.last_activity_at from case_file c where c.id = new.case_id);
    end if;
    return new;
end $$;

create trigger case_access_activity before insert on case_access
    for each row execute function case_access_activity_of_case();

create function case_activity_to_access() returns trigger language plpgsql as $$
begin
    update case_access set last_activity_at = new.last_activity_at where case_id = new.id;
    return null;
end $$;

create trigger case_activity_to_access after update of last_activity_at on case_file
    for each row when (old.last_activity_at is distinct from new.last_activity_at)
    execute function case_activity_to_access();
