-- The funnel by source as the reports computed it before the snapshots (live from lead and stage_change).
select coalesce(source, '(none)') as grp, count(*) as leads,
       count(*) filter (where exists (select 1 from stage_change c where c.lead_id = l.id
                                      and c.to_stage in ('MQL', 'ACCEPTED', 'SQL', 'OPPORTUNITY', 'WON'))
                           or l.stage in ('MQL', 'ACCEPTED', 'SQL', 'OPPORTUNITY', 'WON')) as mqls,
       count(*) filter (where exists (select 1 from stage_change c where c.lead_id = l.id and c.to_stage in ('SQL', 'OPPORTUNITY'))
                           or l.stage in ('SQL', 'OPPORTUNITY')) as sqls,
       count(*) filter (where l.outcome = 'WON' or l.stage = 'WON') as won
from lead l group by 1 order by 2 desc;
