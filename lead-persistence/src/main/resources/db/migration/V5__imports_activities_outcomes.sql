-- Imports: a lead may come with an external id and no email or name (the Olist export has neither), so both
-- become optional and the database insists on one of email or external id. Import jobs with their counts,
-- rejected rows and the leads they created; activities for engagement scoring; won/lost outcomes.

alter table lead alter column full_name drop not null;
alter table lead alter column email drop not null;
alter table lead add constraint lead_has_email_or_external_id check (email is not null or external_id is not null);
alter table lead add column outcome varchar(10) check (outcome in ('WON', 'LOST'));
alter table lead add column outcome_at timestamptz;
alter table lead add column outcome_reason text;

create table import_job (
    id               bigint generated always as identity primary key,
    kind             varchar(20)  not null check (kind in ('LEADS', 'OUTCOMES')),
    file_name        varchar(255) not null,
    stored_file      text         not null,
    requested_by     varchar(100) not null,
    requested_at     timestamptz  not null,
    dry_run          boolean      not null,
    duplicate_policy varchar(20)  not null check (duplicate_policy in ('SKIP', 'UPDATE', 'FILL_BLANKS')),
    status           varchar(20)  not null check (status in ('DRAFT', 'QUEUED', 'RUNNING', 'DONE', 'FAILED', 'UNDONE')),
    phase            varchar(40)  not null default '',
    rows_read        bigint       not null default 0,
    imported         bigint       not null default 0,
    updated          bigint       not null default 0,
    merged           bigint       not null default 0,
    rejected         bigint       not null default 0,
    file_bytes       bigint       not null default 0,
    bytes_read       bigint       not null default 0,
    started_at       timestamptz,
    finished_at      timestamptz,
    worker           varchar(100),
    error            text
);
create index import_job_queued_idx on import_job (requested_at) where status = 'QUEUED';

-- The column mapping of a job, one row per column of the file, in file order.
create table import_column (
    job_id   bigint       not null references import_job (id) on delete cascade,
    position integer      not null,
    header   text         not null,
    field    varchar(20)  not null,
    primary key (job_id, position)
);

create table import_rejection (
    job_id     bigint not null references import_job (id) on delete cascade,
    row_number bigint not null,
    raw        text   not null,
    reason     text   not null,
    primary key (job_id, row_number)
);

-- The leads an import created (undo deletes them) and the ones it changed (undo lists them).
alter table lead add column import_job_id bigint references import_job (id);
create index lead_import_job_idx on lead (import_job_id) where import_job_id is not null;
create table import_update (
    job_id  bigint not null references import_job (id) on delete cascade,
    lead_id bigint not null references lead (id) on delete cascade,
    before  jsonb  not null,
    primary key (job_id, lead_id)
);

create table activity (
    id          bigint generated always as identity primary key,
    lead_id     bigint       not null references lead (id) on delete cascade,
    type        varchar(50)  not null,
    occurred_at timestamptz  not null,
    detail      text
);
create index activity_lead_idx on activity (lead_id, occurred_at);
