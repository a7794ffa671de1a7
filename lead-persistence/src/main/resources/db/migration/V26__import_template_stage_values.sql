-- A template keeps what each value of a status column means (value -> stage, '' for ignored), so the next export
-- from the same CRM maps its statuses the same way.
alter table import_template add column stage_values text[] not null default '{}';
alter table import_template add column stage_targets text[] not null default '{}';
alter table import_template add constraint import_template_stage_pairs check (cardinality(stage_values) = cardinality(stage_targets));
