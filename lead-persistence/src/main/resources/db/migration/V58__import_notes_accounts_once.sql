-- A lead import notes its accounts once, set-based, at its end (LeadFileImport): inside its transaction the score
-- rows' trigger notes nothing (the setting leadline.account_notes = 'import', transaction-local). Measured on
-- bench/importing: the per-statement notes cost a million-row import about 3 s of ~40 s.
create or replace function leadline_note_scored_accounts() returns trigger language plpgsql as $$
begin
    if current_setting('leadline.account_notes', true) = 'import' then
        return null;
    end if;
    insert into account_change (lead_id) select lead_id from changed;
    return null;
end $$;
