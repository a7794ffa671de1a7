-- Alert mails: where a user gets them and how often (INSTANT, HOURLY digest, OFF); which notices were mailed.
alter table app_user add column email varchar(254);
alter table app_user add column alert_mode varchar(10) not null default 'INSTANT'
    check (alert_mode in ('INSTANT', 'HOURLY', 'OFF'));
alter table inbox_item add column mailed_at timestamptz;
alter table inbox_item add column mail_lease_until timestamptz;
create index inbox_item_unmailed_idx on inbox_item (username, id) where mailed_at is null;
