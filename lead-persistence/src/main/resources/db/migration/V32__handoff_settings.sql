-- Hand-off settings (one row): which activities make a lead a hand-raiser and for how many days, how the rest of the
-- queue is ranked, and whether new MQLs no rule places go round-robin.
create table handoff_setting (
    id          integer      primary key check (id = 1),
    hot_types   text[]       not null,
    hot_days    integer      not null check (hot_days between 1 and 90),
    queue_order varchar(20)  not null check (queue_order in ('PRIORITY', 'SCORE', 'LIKELIHOOD', 'WAITING')),
    round_robin boolean      not null,
    updated_by  varchar(100) not null,
    updated_at  timestamptz  not null
);

-- The admin's assignment rules, tried in position order; the first matching one whose rep has room wins.
create table assignment_rule (
    position   integer      primary key check (position > 0),
    kind       varchar(20)  not null check (kind in ('SOURCE', 'COUNTRY', 'SCORE_AT_LEAST', 'ACCOUNT_OWNER')),
    value      varchar(200),
    rep        varchar(100) references app_user (username) on update cascade,
    updated_by varchar(100) not null,
    updated_at timestamptz  not null,
    constraint assignment_rule_has_rep check (kind = 'ACCOUNT_OWNER' or (value is not null and rep is not null))
);

-- Which reps the round-robin rotation gives leads to.
alter table app_user add column in_rotation boolean not null default true;

-- The hot lane: recent activities of the hand-raising types.
create index activity_type_time_idx on activity (type, occurred_at);

-- Whether the MQLs of an import start the response-time clock (leads sales should answer now) or are history.
alter table import_job add column sla_clock boolean not null default false;

-- The SLA report counts MQLs Leadline watched: a lead's move to MQL made by an import of history (an import that did
-- not start the clock, the move stamped at or before the import) is not a lead sales failed to answer.
drop materialized view report_sla_day;
create materialized view report_sla_day as
with mqls as (
    select l.id, (l.created_at at time zone 'UTC')::date as day, coalesce(l.source, '(none)') as source,
           (select min(c.changed_at) from stage_change c where c.lead_id = l.id and c.to_stage = 'MQL'
                and not exists (select 1 from import_job j where j.id = l.import_job_id and not j.sla_clock
                                and c.changed_at <= j.requested_at)) as mql_at,
           (select min(c.changed_at) from stage_change c where c.lead_id = l.id and c.to_stage = 'ACCEPTED') as claimed_at
    from lead l)
select day, source,
       case when claimed_at is null then -1
            else greatest(0, ceil(extract(epoch from claimed_at - mql_at) / 3600))::int end as claim_hours,
       case when claimed_at is null then date_trunc('minute', mql_at) else 'epoch'::timestamptz end as waiting_since,
       count(*) as leads
from mqls where mql_at is not null
group by 1, 2, 3, 4;
create unique index report_sla_day_key on report_sla_day (day, source, claim_hours, waiting_since);
