-- The sales queue: best priority first, then the longest waiting (oldest lead id); when each lead entered the
-- queue (for the response-time SLA); and each rep's capacity for round-robin assignment.

drop index lead_score_queue_idx;
-- One ascending b-tree on (-priority, lead_id): the queue order, and keyset pagination with a plain row
-- comparison ((-priority, lead_id) > (?, ?)).
create index lead_score_queue_idx on lead_score ((-priority), lead_id) where stage in ('MQL', 'ACCEPTED', 'SQL');

alter table lead_score add column queued_at timestamptz;
update lead_score s set queued_at = coalesce(
        (select max(c.changed_at) from stage_change c where c.lead_id = s.lead_id and c.to_stage = 'MQL'),
        s.scored_at)
    where s.stage in ('MQL', 'ACCEPTED', 'SQL');

alter table app_user add column capacity integer not null default 25 check (capacity >= 0);
alter table app_user add column last_assigned_at timestamptz;
