-- Segments that are lists (issue 29): leads added by hand or by a bulk action from the lead list. A list segment's
-- saved query is "segment=<its id>", so it opens like any segment: as the lead list, here filtered to its members.
create table segment_member (
    segment_id bigint       not null references segment (id) on delete cascade,
    lead_id    bigint       not null references lead (id) on delete cascade,
    added_by   varchar(100) not null,
    added_at   timestamptz  not null,
    primary key (segment_id, lead_id)
);
create index segment_member_lead_idx on segment_member (lead_id);

alter table bulk_action drop constraint bulk_action_kind_check;
alter table bulk_action add constraint bulk_action_kind_check
    check (kind in ('ASSIGN', 'DISQUALIFY', 'RECYCLE', 'ADD_TO_SEGMENT', 'REMOVE_FROM_SEGMENT'));
alter table bulk_action add column segment_id bigint references segment (id) on delete set null;

-- An account's score over time (issue 29): the roll-up keeps the day's last score per account, so the account page
-- draws the last months without a snapshot job.
create table account_score_day (
    account_id bigint  not null references account (id) on delete cascade,
    day        date    not null,
    score      integer not null,
    mqa        boolean not null,
    primary key (account_id, day)
);
