-- Rows an import kept although one of their fields could not be used (an unknown country, a bad email beside an
-- external id, an email address in a name column): the lead is stored without that field, and the row is listed with
-- what was left out. Kept, like rejections, when a dry run rolls back.
create table import_warning (
    job_id     bigint not null references import_job (id) on delete cascade,
    row_number bigint not null,
    reason     text   not null,
    primary key (job_id, row_number)
);

-- How each date column writes its dates (DateFormat), chosen on the mapping page; null: any form Leadline reads.
alter table import_column add column date_format varchar(20);
-- The same per column of a template ('' where the column holds no date).
alter table import_template add column date_formats text[];
