-- Which kinds of notice a user wants by mail (null: every kind); the others stay in the inbox.
alter table app_user add column alert_kinds text[];
