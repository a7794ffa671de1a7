-- Stage history for the 1,000,000 seeded leads (bench/queue/seed.sql): every lead standing at MQL or later has its
-- moves, a few hours apart, so that the reports have real history to read.
insert into stage_change (lead_id, from_stage, to_stage, actor, reason, changed_at)
select id, 'NEW', 'MQL', 'system', 'bench', created_at + interval '1 hour'
from lead where stage in ('MQL', 'ACCEPTED', 'SQL', 'WON');
insert into stage_change (lead_id, from_stage, to_stage, actor, reason, changed_at)
select id, 'MQL', 'ACCEPTED', 'bench-rep', 'bench', created_at + make_interval(hours => 1 + (id % 48)::int)
from lead where stage in ('ACCEPTED', 'SQL', 'WON');
insert into stage_change (lead_id, from_stage, to_stage, actor, reason, changed_at)
select id, 'ACCEPTED', 'SQL', 'bench-rep', 'bench', created_at + interval '3 days'
from lead where stage in ('SQL', 'WON');
insert into stage_change (lead_id, from_stage, to_stage, actor, reason, changed_at)
select id, 'SQL', 'WON', 'bench-rep', 'bench', created_at + interval '20 days'
from lead where stage = 'WON';
analyze stage_change;
