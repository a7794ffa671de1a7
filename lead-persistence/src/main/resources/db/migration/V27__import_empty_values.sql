-- A file's own words for "nothing" (TBD, -, 0000), read as empty beside the built-in placeholders; kept with the job
-- and with a template, so the next export of the same CRM is read the same way.
alter table import_job add column empty_values text[] not null default '{}';
alter table import_template add column empty_values text[] not null default '{}';
