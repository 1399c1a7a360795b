create table app_user (
    username        text primary key,
    password_hash   text not null,
    display_name    text not null,
    email           text,
    role            text not null,
    agency_id       text not null references agency (id),
    enabled         boolean not null default true,
    failed_logins   int not null default 0,
    locked_until    timestamptz
);
create index app_user_agency on app_user (agency_id);
