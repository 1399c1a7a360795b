-- Issue 8 item 1: the national administrative units, reloadable when a new official list comes out.

-- A unit is never deleted (agencies and cases keep pointing at it): a unit missing from a newer list is
-- retired instead, and comes back to life if a later list has it again.
alter table locality add column retired_at timestamptz;

-- What a unit was called (and of which type and parent it was) until a reload changed it.
create table locality_name_history (
    list          text not null,
    code          text not null,
    name          text not null,
    name_en       text not null,
    type          text not null,
    parent_code   text,
    province_code text not null,
    valid_until   timestamptz not null,
    primary key (list, code, valid_until),
    foreign key (list, code) references locality (list, code)
);

-- One row per load that changed something; the newest checksum lets an unchanged restart skip the load.
create table reference_data_load (
    checksum  text primary key,
    loaded_at timestamptz not null,
    added     int not null,
    renamed   int not null,
    retired   int not null,
    revived   int not null
);

-- Which commune of today's list took over a legacy (pre-1 July 2025) commune: lets reports roll pre-reform
-- cases up to today's commune. One successor per legacy commune (the one that took over its seat); the
-- shipped data has no such mapping, so rows come from the province's own decisions.
create table locality_succession (
    legacy_list  text not null default 'LEGACY' check (legacy_list = 'LEGACY'),
    legacy_code  text not null,
    current_list text not null default 'V2025' check (current_list = 'V2025'),
    current_code text not null,
    primary key (legacy_list, legacy_code),
    foreign key (legacy_list, legacy_code) references locality (list, code),
    foreign key (current_list, current_code) references locality (list, code)
);
create index locality_succession_current on locality_succession (current_code);
