-- The SLA report's "waiting" leads are the ones the queue flags: unclaimed MQLs in the queue whose response clock runs
-- (lead_score.queued_at, which history imports and the demo's seed leave empty), waiting since that clock started.
-- A lead that left the queue unclaimed (its score fell, a rule disqualified it) waits for nobody, and an MQL Leadline
-- never watched is no late answer. Claimed leads are counted as before: from their first watched MQL move to the claim.
drop materialized view report_sla_day;
create materialized view report_sla_day as
with mqls as (
    select (l.created_at at time zone 'UTC')::date as day, coalesce(l.source, '(none)') as source,
           (select min(c.changed_at) from stage_change c where c.lead_id = l.id and c.to_stage = 'ACCEPTED') as claimed_at,
           (select min(c.changed_at) from stage_change c where c.lead_id = l.id and c.to_stage = 'MQL'
                and not exists (select 1 from import_job j where j.id = l.import_job_id and not j.sla_clock
                                and c.changed_at <= j.requested_at)) as mql_at,
           case when l.stage = 'MQL' and l.owner is null then s.queued_at end as waiting_since
    from lead l left join lead_score s on s.lead_id = l.id)
select day, source,
       date_trunc('minute', case when claimed_at is null then waiting_since else mql_at end) as mql_at,
       case when claimed_at is null then 'infinity'::timestamptz                -- still waiting
            else date_trunc('minute', greatest(claimed_at, mql_at)) end as claimed_at,
       count(*) as leads
from mqls
where case when claimed_at is null then waiting_since is not null else mql_at is not null end
group by 1, 2, 3, 4;
create unique index report_sla_day_key on report_sla_day (day, source, mql_at, claimed_at);
