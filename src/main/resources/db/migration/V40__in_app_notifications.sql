-- Issue 11 item 5: notifications in the app. A notification is written once per agency (its dedupe key, V5);
-- tasks are routed to agencies, but having read one is a person's state, not the agency's: one officer opening a
-- new-task notice must not clear the bell of the chairman beside them. So each notification is copied into the
-- inbox of every enabled member of the agency when it is written (as the mail outbox is), and read there. A
-- person's unread count is then one count over a partial index of their own unread rows, whatever the agency's
-- history holds, and "mark all read" touches only their rows.
--
-- What the app shows, in words from the message bundles: the case number, the step, the commune; never anything
-- about a child, since the bell and the list may show on a shared screen. The link is resolved when opened.
alter table notification add column case_number text;
alter table notification add column step_key text;
alter table notification add column step_name text;
alter table notification add column commune_name text;
-- the task a new-task notice opens (while it is open; else its case)
alter table notification add column task_id text;
-- a notice for an agency without a part in the case (a legacy district office): it opens nothing of the case
alter table notification add column notice_only boolean not null default false;

create table user_notification (
    id              bigserial primary key,
    notification_id bigint not null references notification (id),
    username        text not null references app_user (username),
    created_at      timestamptz not null,
    read_at         timestamptz,
    unique (notification_id, username)
);
-- a person's list, newest first, paged
create index user_notification_inbox on user_notification (username, created_at desc, id desc);
-- the bell: a person's unread rows only
create index user_notification_unread on user_notification (username) where read_at is null;

-- The notifications of the last 30 days before this version reach the inboxes of the agencies' present members, as
-- read: history to look back on, not a bell that rings for everything at once on the day of the upgrade.
insert into user_notification (notification_id, username, created_at, read_at)
select n.id, u.username, n.created_at, now()
from notification n join app_user u on u.agency_id = n.agency_id and u.enabled
where n.created_at > now() - interval '30 days';
