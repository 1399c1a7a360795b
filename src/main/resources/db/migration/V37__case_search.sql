-- Issue 11 item 1: the case list and its search, fast at 1,000,000 cases.
--
-- The last activity of a case (what the list is sorted by): its receipt, a step opened or completed, a report linked,
-- its closing. Kept by triggers, so that every writer (the app, a migration, a bench seeding with SQL) keeps it.
alter table case_file add column last_activity_at timestamptz;

update case_file c
   set last_activity_at = greatest(c.received_at, c.created_at, c.closed_at,
                                   (select max(greatest(s.opened_at, s.completed_at)) from step_record s
                                     where s.case_id = c.id),
                                   (select max(r.received_at) from report r where r.case_id = c.id));

alter table case_file alter column last_activity_at set not null;

create function case_activity_of_case() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        new.last_activity_at := greatest(new.last_activity_at, new.received_at, new.created_at, new.closed_at);
    else
        new.last_activity_at := greatest(old.last_activity_at, new.last_activity_at, new.closed_at);
    end if;
    return new;
end $$;

create trigger case_activity_case before insert or update on case_file
    for each row execute function case_activity_of_case();

-- a step or a linked report moves its case's last activity forward, never back
create function case_activity_of_part() returns trigger language plpgsql as $$
declare
    moment timestamptz;
begin
    if tg_table_name = 'step_record' then
        moment := greatest(new.opened_at, new.completed_at);
    else
        moment := new.received_at;
    end if;
    update case_file set last_activity_at = moment where id = new.case_id and last_activity_at < moment;
    return null;
end $$;

create trigger case_activity_step after insert or update of opened_at, completed_at on step_record
    for each row execute function case_activity_of_part();
create trigger case_activity_report after insert on report
    for each row execute function case_activity_of_part();

-- the list, newest activity first: over a province (the supervisor), a commune, or the whole table
create index case_file_activity on case_file (last_activity_at desc, id);
create index case_file_province_activity on case_file (province_code, last_activity_at desc);
-- a case number typed from its start ("00004-2026-00"), whatever the database's collation
create index case_file_number_prefix on case_file (case_number text_pattern_ops);

-- The words of each child's folded name (child.name_normalized: "nguyen van an"), so that a word typed from its
-- start finds the child without reading every name: pg_trgm would do it too, yet creating an extension needs
-- rights the application's role does not have (see EmbeddedRoles); a btree on words needs none.
create table child_name_word (
    word    text not null,
    case_id uuid not null references case_file (id)
);
create index child_name_word_prefix on child_name_word (word text_pattern_ops, case_id);
create index child_name_word_case on child_name_word (case_id);

create function child_name_words() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' then
        delete from child_name_word where case_id = old.case_id;
    end if;
    insert into child_name_word (word, case_id)
    select distinct w, new.case_id from unnest(string_to_array(new.name_normalized, ' ')) w where w <> '';
    return null;
end $$;

create trigger child_name_words after insert or update of name_normalized, case_id on child
    for each row execute function child_name_words();

insert into child_name_word (word, case_id)
select distinct w, ch.case_id from child ch, unnest(string_to_array(ch.name_normalized, ' ')) w where w <> '';
