-- How long before the SLA runs out the reps are warned (null: when three quarters of it have passed).
alter table handoff_setting add column sla_warn_minutes integer check (sla_warn_minutes between 1 and 43200);
