-- The mapping page's choices for the values of a stage (status, lifecycle) column: value -> lifecycle stage, or no
-- stage when the value is to be ignored. Values not listed are read by their words (lead-core StageWords).
create table import_stage_value (
    job_id bigint      not null references import_job (id) on delete cascade,
    value  text        not null,
    stage  varchar(20) check (stage in ('NEW', 'MQL', 'ACCEPTED', 'SQL', 'OPPORTUNITY', 'WON', 'LOST', 'DISQUALIFIED', 'RECYCLED')),
    primary key (job_id, value)
);
