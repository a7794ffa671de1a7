-- The writers' share of keeping account scores current, made smaller (issue 29; measured on bench/importing: V52's
-- triggers joined every statement's rows to lead to find their accounts — a hash join over the whole table for each
-- rescoring chunk and a million-row join for an import — and took the import from 1.14–1.19× its floor to 1.51×).
-- Now a score row's statement notes only the lead ids it wrote (no join); the roll-up finds their accounts when it
-- drains the notes. A lead's own row notes its accounts only when its account, job title or stage changed, row by row
-- and only for those rows (a column-list trigger with a WHEN clause: other updates of lead never call it).
alter table account_change alter column account_id drop not null,
    add column lead_id bigint,
    add constraint account_change_names_one check (num_nonnulls(account_id, lead_id) = 1);

create or replace function leadline_note_scored_accounts() returns trigger language plpgsql as $$
begin
    insert into account_change (lead_id) select lead_id from changed;
    return null;
end $$;

drop trigger lead_updated_notes_account on lead;

create function leadline_note_moved_lead() returns trigger language plpgsql as $$
begin
    insert into account_change (account_id)
    select a from (values (old.account_id), (new.account_id)) as v (a) where a is not null;
    return null;
end $$;

create trigger lead_updated_notes_account after update of account_id, job_title, stage on lead
    for each row when (old.account_id is distinct from new.account_id or old.job_title is distinct from new.job_title
                       or old.stage is distinct from new.stage)
    execute function leadline_note_moved_lead();
