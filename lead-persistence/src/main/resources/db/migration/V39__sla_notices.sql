-- Notices when an unclaimed MQL's response time is about to run out, and when it has.
alter table inbox_item drop constraint inbox_item_kind_check;
alter table inbox_item add constraint inbox_item_kind_check
    check (kind in ('ASSIGNED', 'HAND_RAISED', 'SLA_AT_RISK', 'SLA_BREACHED'));
create index lead_score_queued_at_idx on lead_score (queued_at) where queued_at is not null;
