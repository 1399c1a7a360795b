-- Localities of both administrative lists: the two-tier list in force since 1 Jul 2025 and the legacy
-- three-tier list (with districts). The same code can mean different units in the two lists, so the
-- list is part of the key.
create table locality (
    list          text not null check (list in ('V2025', 'LEGACY')),
    code          text not null,
    level         text not null check (level in ('PROVINCE', 'DISTRICT', 'COMMUNE')),
    name          text not null,
    name_en       text not null,
    type          text not null,
    parent_code   text,
    province_code text not null,
    primary key (list, code)
);
create index locality_parent on locality (list, parent_code);

-- An agency is a unit that people work in and that tasks are routed to. Its id is also the
-- engine's group id.
create table agency (
    id            text primary key,
    kind          text not null,
    name          text not null,
    locality_list text not null default 'V2025',
    locality_code text,            -- null for national agencies (hotline 111)
    valid_from    date not null,
    valid_to      date,
    foreign key (locality_list, locality_code) references locality (list, code)
);
create index agency_locality on agency (locality_code, kind);

-- Which kind of agency carries a role of the process, and from when to when. The 2025 reform moved
-- child affairs from the labour to the health sector: that is two rows here, not code.
create table routing_rule (
    id          bigserial primary key,
    role_key    text not null,
    agency_kind text not null,
    scope       text not null check (scope in ('COMMUNE', 'PROVINCE', 'NATIONAL')),
    valid_from  date not null,
    valid_to    date
);
create index routing_rule_role on routing_rule (role_key);
