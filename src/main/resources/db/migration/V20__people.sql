-- Issue 8, item 4 (people): a one-time password (a new user's, a reset one, the generated first
-- administrator's) must be replaced before the account may do anything else through the API.
alter table app_user add column must_change_password boolean not null default false;
