-- Versions of the scoring model, one row each, and their rules, one row each. Exactly one version is active;
-- every version is kept (who saved it, when, why) so an admin can compare and roll back.
create table scoring_model (
    version            integer      primary key check (version >= 1),
    active             boolean      not null default false,
    created_by         varchar(100) not null,
    created_at         timestamptz  not null,
    note               text         not null default '',
    fit_cap            integer      check (fit_cap >= 0),
    engagement_cap     integer      check (engagement_cap >= 0),
    total_cap          integer      check (total_cap >= 0),
    half_life_days     integer      check (half_life_days >= 1),
    grade_a            integer      not null,
    grade_b            integer      not null,
    grade_c            integer      not null,
    mql_threshold      integer      not null,
    mql_minimum_grade  char(1)      not null check (mql_minimum_grade in ('A', 'B', 'C', 'D')),
    constraint scoring_model_grades_fall check (grade_a > grade_b and grade_b > grade_c)
);
create unique index scoring_model_one_active on scoring_model (active) where active;

create table scoring_rule (
    version        integer      not null references scoring_model (version) on delete cascade,
    position       integer      not null,
    kind           varchar(12)  not null check (kind in ('FIT', 'ENGAGEMENT', 'DISQUALIFY')),
    name           varchar(100) not null,
    condition_type varchar(20)  check (condition_type in ('ONE_OF', 'CONTAINS', 'RANGE', 'EMAIL_DOMAIN', 'MISSING', 'MATCHES')),
    field          varchar(100),
    term_list      text[]       not null default '{}',
    range_min      bigint,
    range_max      bigint,
    points         integer,
    activity_type  varchar(50),
    cap            integer      check (cap >= 0),
    within_days    integer      check (within_days >= 1),
    reason_code    varchar(40),
    primary key (version, position)
);
