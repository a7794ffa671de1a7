-- The working hours the response-time SLA counts (all null: around the clock).
alter table handoff_setting
    add column work_zone  text,
    add column work_days  text[],
    add column work_start time,
    add column work_end   time;
