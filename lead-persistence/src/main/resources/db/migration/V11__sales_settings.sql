-- Settings admins change on the settings page: the BANT policy, the response-time SLA, and the list of
-- disqualification reasons reps choose from.
create table sales_setting (
    id                     integer      primary key check (id = 1),
    sla_hours              integer      not null check (sla_hours between 1 and 720),
    bant_required          text[]       not null,
    bant_minimum_met       integer      not null check (bant_minimum_met between 0 and 4),
    bant_timeline_months   integer      check (bant_timeline_months >= 0),
    updated_by             varchar(100) not null,
    updated_at             timestamptz  not null
);

create table disqualification_reason (
    code       varchar(40)  primary key check (code ~ '^[a-z0-9_]{1,40}$'),
    label      varchar(100) not null check (btrim(label) <> ''),
    needs_note boolean      not null default false,
    position   integer      not null,
    active     boolean      not null default true
);
insert into disqualification_reason (code, label, needs_note, position) values
    ('competitor', 'Competitor', false, 1), ('vendor', 'Vendor or partner', false, 2),
    ('student', 'Student or job seeker', false, 3), ('no_budget', 'No budget', false, 4),
    ('no_need', 'No need', false, 5), ('no_authority', 'No authority', false, 6),
    ('bad_timing', 'Bad timing', false, 7), ('unreachable', 'Unreachable', false, 8),
    ('invalid_contact', 'Invalid contact data', false, 9), ('duplicate', 'Duplicate', false, 10),
    ('other', 'Other', true, 11);
