-- Sales qualification: BANT answers per lead, the revisit date of recycled leads, and the reason code of a
-- stage change (so disqualification reasons can be counted).

create table bant_answer (
    lead_id            bigint       not null references lead (id) on delete cascade,
    criterion          varchar(20)  not null check (criterion in ('BUDGET', 'AUTHORITY', 'NEED', 'TIMELINE')),
    status             varchar(20)  not null check (status in ('UNKNOWN', 'MET', 'NOT_MET')),
    evidence           text         not null default '',
    months_to_decision integer      check (months_to_decision >= 0),
    answered_by        varchar(100) not null,
    answered_at        timestamptz  not null,
    primary key (lead_id, criterion),
    constraint bant_answer_months_only_for_timeline check (months_to_decision is null or criterion = 'TIMELINE'),
    constraint bant_answer_evidence_when_known check (status = 'UNKNOWN' or evidence <> '')
);

alter table lead add column revisit_on date;
alter table lead add constraint lead_revisit_only_when_recycled check (revisit_on is null or stage = 'RECYCLED');

alter table stage_change add column reason_code varchar(40);
create index stage_change_reason_idx on stage_change (reason_code) where reason_code is not null;
