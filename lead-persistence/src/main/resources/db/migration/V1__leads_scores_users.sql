-- Leadline schema, version 1: users, leads, their current score (narrow, for the queue) and stage history.

create table app_user (
    id            bigint generated always as identity primary key,
    username      varchar(100) not null,
    password_hash varchar(200) not null,
    role          varchar(20)  not null check (role in ('MARKETER', 'SALES', 'ADMIN')),
    enabled       boolean      not null default true,
    created_at    timestamptz  not null default now(),
    constraint app_user_username_key unique (username),
    constraint app_user_username_is_trimmed check (username = btrim(username) and username <> '')
);

-- Hibernate allocates lead ids 50 at a time (pooled optimiser), which keeps JDBC batching on.
create sequence lead_seq start with 1 increment by 50;

create table lead (
    id           bigint       primary key,
    version      bigint       not null,
    full_name    varchar(200) not null check (full_name <> ''),
    email        varchar(254) not null,
    company      varchar(200),
    job_title    varchar(200),
    company_size integer      check (company_size >= 0),
    country      varchar(2)   check (country ~ '^[A-Z]{2}$'),
    source       varchar(100),
    external_id  varchar(100),
    attributes   jsonb        not null default '{}'::jsonb,
    stage        varchar(20)  not null check (stage in
                     ('NEW', 'MQL', 'ACCEPTED', 'SQL', 'OPPORTUNITY', 'WON', 'LOST', 'DISQUALIFIED', 'RECYCLED')),
    owner        varchar(100) references app_user (username),
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null,
    constraint lead_email_is_normalised check (email = lower(btrim(email)))
);
-- One lead per address: the application lower-cases, the database makes sure.
create unique index lead_email_key on lead (email);
create unique index lead_external_id_key on lead (external_id) where external_id is not null;
create index lead_owner_idx on lead (owner) where owner is not null;

-- The current score of each lead. Narrow and with free space in its pages, so rescoring rewrites
-- little; the stage is copied here so the sales queue reads one index.
create table lead_score (
    lead_id           bigint      primary key references lead (id) on delete cascade,
    model_version     integer     not null,
    score             integer     not null,
    fit_points        integer     not null,
    engagement_points integer     not null,
    grade             char(1)     not null check (grade in ('A', 'B', 'C', 'D')),
    priority          integer     not null,
    stage             varchar(20) not null,
    scored_at         timestamptz not null
) with (fillfactor = 80);
create index lead_score_queue_idx on lead_score (priority desc, lead_id desc)
    where stage in ('MQL', 'ACCEPTED', 'SQL');

create table stage_change (
    id         bigint generated always as identity primary key,
    lead_id    bigint       not null references lead (id) on delete cascade,
    from_stage varchar(20)  not null,
    to_stage   varchar(20)  not null,
    actor      varchar(100) not null,
    reason     text         not null,
    changed_at timestamptz  not null
);
create index stage_change_lead_idx on stage_change (lead_id, changed_at);
