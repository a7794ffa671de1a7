-- Bulk actions on selected leads (issue 29): assign, disqualify or recycle many leads as a background job on the one
-- JobRunner (leased, taken over when an instance dies), each lead moved through the same service as a single action.
create table bulk_action (
    id           bigint generated always as identity primary key,
    kind         varchar(20)  not null check (kind in ('ASSIGN', 'DISQUALIFY', 'RECYCLE')),
    rep          varchar(100),
    reason_code  varchar(50),
    note         text         not null default '',
    revisit_on   date,
    lead_ids     bigint[]     not null,
    total        integer      not null,
    done         integer      not null default 0,
    changed      integer      not null default 0,
    refused      integer      not null default 0,
    requested_by varchar(100) not null,
    admin        boolean      not null,
    requested_at timestamptz  not null,
    status       varchar(20)  not null default 'QUEUED' check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    started_at   timestamptz,
    finished_at  timestamptz,
    worker       varchar(100),
    heartbeat_at timestamptz,
    attempts     integer      not null default 0,
    error        text
);
create index bulk_action_open_idx on bulk_action (id) where status in ('QUEUED', 'RUNNING');

create table bulk_action_refusal (
    bulk_id bigint not null references bulk_action (id) on delete cascade,
    lead_id bigint not null,
    reason  text   not null
);
create index bulk_action_refusal_bulk_idx on bulk_action_refusal (bulk_id);
