-- The SLA report counts working hours when the admin set them (as the queue's badge and the SLA notices do): the
-- snapshot keeps when each MQL entered (to the minute) and when it was claimed, instead of wall-clock hours to claim,
-- so the report can measure either. Rows are still grouped: leads sharing both minutes (an import's) are one row.
drop materialized view report_sla_day;
create materialized view report_sla_day as
with mqls as (
    select (l.created_at at time zone 'UTC')::date as day, coalesce(l.source, '(none)') as source,
           (select min(c.changed_at) from stage_change c where c.lead_id = l.id and c.to_stage = 'MQL'
                and not exists (select 1 from import_job j where j.id = l.import_job_id and not j.sla_clock
                                and c.changed_at <= j.requested_at)) as mql_at,
           (select min(c.changed_at) from stage_change c where c.lead_id = l.id and c.to_stage = 'ACCEPTED') as claimed_at
    from lead l)
select day, source, date_trunc('minute', mql_at) as mql_at,
       case when claimed_at is null then 'infinity'::timestamptz                -- still waiting
            else date_trunc('minute', greatest(claimed_at, mql_at)) end as claimed_at,
       count(*) as leads
from mqls where mql_at is not null
group by 1, 2, 3, 4;
create unique index report_sla_day_key on report_sla_day (day, source, mql_at, claimed_at);
