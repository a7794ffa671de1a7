-- Accounts as first-class (issue 29): every account's score stored and kept current, an owner, and the history of its
-- MQA status.
--
-- account_score is one row per account with leads, written only by AccountRollup (lead-persistence) from lead-core's
-- AccountScore.rollUp. What it reads — a lead's score, stage, account and job title — is written by many paths (forms,
-- API, COPY imports, rescoring, sales moves, merges, erasure), so the database itself notes which accounts are touched:
-- statement-level triggers with transition tables append the account ids a statement changed to account_change (one
-- insert per statement, set-based for a million-row import; append-only, so concurrent writers never wait on each
-- other), and the roll-up drains it. No rule lives here: the triggers only say "look at this account again".

alter table account add column owner varchar(100) references app_user (username);
create index account_owner_idx on account (owner) where owner is not null;

create table account_change (
    account_id bigint not null
);

create table account_score (
    account_id       bigint      primary key references account (id) on delete cascade,
    owner            varchar(100),
    score            integer     not null,
    mqa              boolean     not null,
    contacts         integer     not null,
    engaged_contacts integer     not null,
    roles            text[]      not null default '{}',
    sources          text[]      not null default '{}',
    best_lead_id     bigint,
    mqa_since        timestamptz,
    updated_at       timestamptz not null
);
-- The accounts view pages by (score, account) from the best down; MQA only on its own partial index.
create index account_score_rank_idx on account_score (score, account_id);
create index account_score_mqa_idx on account_score (score, account_id) where mqa;
-- The account's owner is copied here (by the roll-up and by every owner change) so one rep's accounts page by score.
create index account_score_owner_idx on account_score (owner, score, account_id) where owner is not null;

create table account_mqa_change (
    id         bigint generated always as identity primary key,
    account_id bigint      not null references account (id) on delete cascade,
    mqa        boolean     not null,
    score      integer     not null,
    reason     text        not null,
    changed_at timestamptz not null
);
create index account_mqa_change_account_idx on account_mqa_change (account_id, changed_at desc);

create function leadline_note_scored_accounts() returns trigger language plpgsql as $$
begin
    insert into account_change (account_id)
    select distinct l.account_id from changed c join lead l on l.id = c.lead_id where l.account_id is not null;
    return null;
end $$;

create trigger lead_score_inserted_notes_account after insert on lead_score
    referencing new table as changed for each statement execute function leadline_note_scored_accounts();
create trigger lead_score_updated_notes_account after update on lead_score
    referencing new table as changed for each statement execute function leadline_note_scored_accounts();

-- A lead that leaves an account, joins one, changes stage or job title (its buying role), or is deleted.
create function leadline_note_moved_accounts() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        insert into account_change (account_id)
        select distinct account_id from before_rows where account_id is not null;
    else
        insert into account_change (account_id)
        select distinct a.account_id
        from before_rows o join after_rows n on n.id = o.id
        cross join lateral (values (o.account_id), (n.account_id)) as a (account_id)
        where a.account_id is not null
          and (o.account_id is distinct from n.account_id or o.stage is distinct from n.stage
               or o.job_title is distinct from n.job_title);
    end if;
    return null;
end $$;

create trigger lead_updated_notes_account after update on lead
    referencing old table as before_rows new table as after_rows
    for each statement execute function leadline_note_moved_accounts();
create trigger lead_deleted_notes_account after delete on lead
    referencing old table as before_rows
    for each statement execute function leadline_note_moved_accounts();

-- Every account already holding leads is rolled up once after this version.
insert into account_change (account_id) select distinct account_id from lead where account_id is not null;

-- The owner of an account hears when it becomes an MQA.
alter table inbox_item drop constraint inbox_item_kind_check;
alter table inbox_item add constraint inbox_item_kind_check
    check (kind in ('ASSIGNED', 'HAND_RAISED', 'SLA_AT_RISK', 'SLA_BREACHED', 'BACK_FROM_NURTURE', 'WEBHOOK_OFF', 'ACCOUNT_MQA'));
