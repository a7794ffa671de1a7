-- A user's language (BCP 47 tag: en, pt-BR) and time zone (IANA name), each null to follow the browser.
alter table app_user add column language varchar(10);
alter table app_user add column time_zone varchar(60);
