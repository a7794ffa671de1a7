-- The likelihood to close is stored per lead (no model evaluation per request): the list, the queue, the API and the
-- export read it, sort and filter by it. computed_at beside lead_score.scored_at says whether it is current.
create table lead_likelihood (
    lead_id     bigint           primary key references lead (id) on delete cascade,
    model_id    bigint           not null references likelihood_model (id) on delete cascade,
    probability double precision not null check (probability between 0 and 1),
    computed_at timestamptz      not null
);
create index lead_likelihood_probability_idx on lead_likelihood (probability desc, lead_id desc);

-- Trained models are versions; the admin picks which one is live. A model trained with a flagged field included
-- goes live only with a confirmation. Until now the newest finished version was the one in use: it stays live.
alter table likelihood_model add column live_since timestamptz;
update likelihood_model set live_since = finished_at
 where id = (select max(id) from likelihood_model where status = 'DONE');

-- Win rates over resolved leads: the funnel snapshot counts the leads resolved without a win (lost or disqualified)
-- beside the won ones; open leads are the rest.
drop materialized view report_funnel_day;
create materialized view report_funnel_day as
select (l.created_at at time zone 'UTC')::date as day, coalesce(l.source, '(none)') as source,
       count(*) as leads,
       count(*) filter (where exists (select 1 from stage_change c where c.lead_id = l.id
                                      and c.to_stage in ('MQL', 'ACCEPTED', 'SQL', 'OPPORTUNITY', 'WON'))
                           or l.stage in ('MQL', 'ACCEPTED', 'SQL', 'OPPORTUNITY', 'WON')) as mqls,
       count(*) filter (where exists (select 1 from stage_change c where c.lead_id = l.id and c.to_stage in ('SQL', 'OPPORTUNITY'))
                           or l.stage in ('SQL', 'OPPORTUNITY')) as sqls,
       count(*) filter (where l.outcome = 'WON' or l.stage = 'WON') as won,
       count(*) filter (where (l.outcome = 'LOST' or l.stage in ('LOST', 'DISQUALIFIED'))
                          and l.outcome is distinct from 'WON' and l.stage <> 'WON') as lost
from lead l
group by 1, 2;
create unique index report_funnel_day_key on report_funnel_day (day, source);

-- Numbers in ranges: a likelihood column can be a range of a number's values.
alter table likelihood_column drop constraint likelihood_column_kind_check;
alter table likelihood_column add constraint likelihood_column_kind_check check (kind in ('CATEGORY', 'NUMBER', 'BIN'));
