-- Notices when an unclaimed MQL's response time is about to run out, and when it has; and when a lead a rep
-- recycled comes back from nurture as an MQL.
alter table inbox_item drop constraint inbox_item_kind_check;
alter table inbox_item add constraint inbox_item_kind_check
    check (kind in ('ASSIGNED', 'HAND_RAISED', 'SLA_AT_RISK', 'SLA_BREACHED', 'BACK_FROM_NURTURE'));
create index lead_score_queued_at_idx on lead_score (queued_at) where queued_at is not null;
