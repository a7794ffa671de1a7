-- The reports read pre-aggregated snapshots, so that they answer in well under a second at a million leads:
-- one row per creation day and source (and score band, or claim delay), refreshed every few minutes and on demand
-- (REFRESH MATERIALIZED VIEW CONCURRENTLY: readers are never blocked). A lead reached MQL (or SQL) when its history
-- has a move into that stage or a later one, or it stands there now; it is won when its outcome or stage says so.
create materialized view report_funnel_day as
select (l.created_at at time zone 'UTC')::date as day, coalesce(l.source, '(none)') as source,
       count(*) as leads,
       count(*) filter (where exists (select 1 from stage_change c where c.lead_id = l.id
                                      and c.to_stage in ('MQL', 'ACCEPTED', 'SQL', 'OPPORTUNITY', 'WON'))
                           or l.stage in ('MQL', 'ACCEPTED', 'SQL', 'OPPORTUNITY', 'WON')) as mqls,
       count(*) filter (where exists (select 1 from stage_change c where c.lead_id = l.id and c.to_stage in ('SQL', 'OPPORTUNITY'))
                           or l.stage in ('SQL', 'OPPORTUNITY')) as sqls,
       count(*) filter (where l.outcome = 'WON' or l.stage = 'WON') as won
from lead l
group by 1, 2;
create unique index report_funnel_day_key on report_funnel_day (day, source);

create materialized view report_score_day as
select (l.created_at at time zone 'UTC')::date as day, coalesce(l.source, '(none)') as source,
       floor(s.score / 10.0)::int * 10 as band, count(*) as leads
from lead l join lead_score s on s.lead_id = l.id
group by 1, 2, 3;
create unique index report_score_day_key on report_score_day (day, source, band);

-- For the response-time SLA, whatever its hours: claimed MQLs by whole hours from MQL to claim (rounded up), and
-- MQLs not claimed yet by the minute they became MQL (-1 and epoch stand for "not that kind").
create materialized view report_sla_day as
with mqls as (
    select l.id, (l.created_at at time zone 'UTC')::date as day, coalesce(l.source, '(none)') as source,
           (select min(c.changed_at) from stage_change c where c.lead_id = l.id and c.to_stage = 'MQL') as mql_at,
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

create table report_refresh (
    id           integer     primary key check (id = 1),
    refreshed_at timestamptz not null
);
insert into report_refresh (id, refreshed_at) values (1, now());
