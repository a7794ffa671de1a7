-- Scheduled jobs carry a key (e.g. 'nightly 2026-11-25'): every instance's scheduler queues the job, the unique key
-- lets exactly one of them in.
alter table rescore_job add column schedule_key varchar(100);
create unique index rescore_job_schedule_key on rescore_job (schedule_key) where schedule_key is not null;

-- Likelihood-to-close models: each training is a job (leased like imports and rescoring) and, once done, a version
-- with its figures on the held-out leads, its columns and weights, its calibration and its leakage check.
create table likelihood_model (
    id             bigint generated always as identity primary key,
    requested_by   varchar(100) not null,
    requested_at   timestamptz  not null,
    include_fields text[]       not null default '{}',
    schedule_key   varchar(100),
    status         varchar(20)  not null check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    phase          varchar(40)  not null default '',
    worker         varchar(100),
    heartbeat_at   timestamptz,
    attempts       integer      not null default 0,
    started_at     timestamptz,
    finished_at    timestamptz,
    error          text,
    training_leads integer,
    held_out_leads integer,
    won_leads      integer,
    auc            double precision,
    brier          double precision,
    points_auc     double precision,
    intercept      double precision
);
create unique index likelihood_model_schedule_key on likelihood_model (schedule_key) where schedule_key is not null;
create index likelihood_model_running_idx on likelihood_model (heartbeat_at) where status = 'RUNNING';

create table likelihood_column (
    model_id bigint           not null references likelihood_model (id) on delete cascade,
    position integer          not null,
    field    text             not null,
    kind     varchar(10)      not null check (kind in ('CATEGORY', 'NUMBER')),
    value    text,
    weight   double precision not null,
    low      double precision not null,
    high     double precision not null,
    mean     double precision not null,
    sd       double precision not null,
    primary key (model_id, position)
);

create table likelihood_decile (
    model_id  bigint           not null references likelihood_model (id) on delete cascade,
    decile    integer          not null,
    leads     integer          not null,
    predicted double precision not null,
    observed  double precision not null,
    primary key (model_id, decile)
);

create table likelihood_field (
    model_id     bigint           not null references likelihood_model (id) on delete cascade,
    field        text             not null,
    alone_auc    double precision not null,
    filled_won   double precision not null,
    filled_other double precision not null,
    leaking      boolean          not null,
    why          text,
    used         boolean          not null,
    primary key (model_id, field)
);
