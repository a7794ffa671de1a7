-- Rescoring every lead after a model change, as a background job with progress.
create table rescore_job (
    id           bigint generated always as identity primary key,
    requested_by varchar(100) not null,
    requested_at timestamptz  not null,
    reason       text         not null default '',
    status       varchar(20)  not null check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    leads_total  bigint       not null default 0,
    leads_done   bigint       not null default 0,
    changed      bigint       not null default 0,
    moved        bigint       not null default 0,
    started_at   timestamptz,
    finished_at  timestamptz,
    worker       varchar(100),
    error        text
);
create index rescore_job_queued_idx on rescore_job (requested_at) where status = 'QUEUED';

-- Checking a million imported leads one by one against their single import_job row costs more than it
-- protects: import jobs are never deleted. The column stays, without the foreign key.
alter table lead drop constraint lead_import_job_id_fkey;
