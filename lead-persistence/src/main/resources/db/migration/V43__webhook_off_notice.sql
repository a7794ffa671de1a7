-- Admins are told in their inbox when a webhook endpoint is turned off after a day of failed deliveries.
alter table inbox_item drop constraint inbox_item_kind_check;
alter table inbox_item add constraint inbox_item_kind_check
    check (kind in ('ASSIGNED', 'HAND_RAISED', 'SLA_AT_RISK', 'SLA_BREACHED', 'BACK_FROM_NURTURE', 'WEBHOOK_OFF'));
