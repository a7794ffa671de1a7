-- Possible duplicates and merges (issue 26). pg_trgm is a trusted extension (PostgreSQL 13+), as unaccent is.
create extension if not exists pg_trgm with schema public;

-- The keys two records of one person share although their stored addresses or numbers differ, computed when the row is
-- written (imports and edits alike). Most rows need none, and pay only the cheap test that says so: a million-row
-- insert measured 5 s without the keys and about 10 s with both (half the rows with a phone); a sorted-words name key
-- cost 12 s more and was dropped (names are compared by trigrams within an account, which ignore word order).

-- The mailbox a +tag or Gmail's dots hide: ana+news@x.com is ana@x.com, ana.lima@googlemail.com is analima@gmail.com.
-- Null when the address is its own mailbox already (most are): matching compares coalesce(email_key, email).
create or replace function leadline_email_key(email text) returns text
    language sql immutable parallel safe strict
    as $$
    select case when strpos(email, '+') = 0 and right(email, 10) <> '@gmail.com' and right(email, 15) <> '@googlemail.com' then null
                when split_part(split_part(email, '@', 1), '+', 1) = '' then null
                when split_part(email, '@', 2) in ('gmail.com', 'googlemail.com')
                     then nullif(replace(split_part(split_part(email, '@', 1), '+', 1), '.', '') || '@gmail.com', email)
                else nullif(split_part(split_part(email, '@', 1), '+', 1) || '@' || split_part(email, '@', 2), email) end
    $$;

-- A phone number by its last nine digits, from the first phone-like attribute: +55 11 98765-4321, (11) 98765-4321 and
-- 0055 11 987654321 share 987654321. Fewer than eight digits make no key (an extension, a placeholder).
create or replace function leadline_phone_key(attributes jsonb) returns text
    language plpgsql immutable parallel safe strict
    as $$
    declare digits text;
    begin
        if not attributes ?| array['phone', 'phone_number', 'mobile', 'mobile_phone', 'mobile_number', 'telephone', 'work_phone', 'whatsapp'] then
            return null;
        end if;
        digits := regexp_replace(coalesce(attributes ->> 'phone', attributes ->> 'phone_number', attributes ->> 'mobile',
                      attributes ->> 'mobile_phone', attributes ->> 'mobile_number', attributes ->> 'telephone',
                      attributes ->> 'work_phone', attributes ->> 'whatsapp'), '[^0-9]', '', 'g');
        return case when length(digits) >= 8 then right(digits, 9) end;
    end
    $$;

-- The email key is collated as the address is ("C"): coalesce(email_key, email) then compares by the key's index.
alter table lead add column email_key text collate "C" generated always as (leadline_email_key(email)) stored,
                 add column phone_key text generated always as (leadline_phone_key(attributes)) stored;
create index lead_email_key_idx on lead (email_key) where email_key is not null;
create index lead_phone_key_idx on lead (phone_key) where phone_key is not null;

-- The pairs the last scan found, the lower id first, with what they share (the confidence is lead-core's, from these).
create table duplicate_pair (
    lead_id         bigint      not null references lead (id) on delete cascade,
    other_id        bigint      not null references lead (id) on delete cascade,
    same_email      boolean     not null,
    same_phone      boolean     not null,
    same_name       boolean     not null,
    same_account    boolean     not null,
    name_similarity real        not null,
    confidence      real        not null,
    found_at        timestamptz not null,
    primary key (lead_id, other_id),
    check (lead_id < other_id)
);
create index duplicate_pair_review_idx on duplicate_pair (confidence desc, lead_id, other_id);
create index duplicate_pair_other_idx on duplicate_pair (other_id);

-- "Not a duplicate", remembered: the pair is never offered again.
create table duplicate_dismissal (
    lead_id      bigint       not null references lead (id) on delete cascade,
    other_id     bigint       not null references lead (id) on delete cascade,
    dismissed_by varchar(100) not null,
    dismissed_at timestamptz  not null,
    primary key (lead_id, other_id),
    check (lead_id < other_id)
);
create index duplicate_dismissal_other_idx on duplicate_dismissal (other_id);

-- A merged lead's id answers with its survivor's (pages and API redirect). Merging the survivor later moves these on.
-- Its address too: an activity, a form or the API naming the merged lead's address reaches the survivor.
create table merged_lead (
    merged_id    bigint       primary key,
    merged_email varchar(254) collate "C",
    survivor_id  bigint       not null references lead (id) on delete cascade,
    merged_at   timestamptz  not null,
    merged_by   varchar(100) not null
);
create index merged_lead_survivor_idx on merged_lead (survivor_id);
create index merged_lead_email_idx on merged_lead (merged_email) where merged_email is not null;

-- Scans of the whole base for possible duplicates, run as background jobs (JobRunner's lease columns).
create table duplicate_scan (
    id           bigint generated always as identity primary key,
    requested_by varchar(100) not null,
    requested_at timestamptz  not null,
    status       varchar(20)  not null default 'QUEUED' check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    pairs_found  bigint,
    started_at   timestamptz,
    finished_at  timestamptz,
    worker       varchar(100),
    heartbeat_at timestamptz,
    attempts     integer      not null default 0,
    error        text
);
create index duplicate_scan_open_idx on duplicate_scan (id) where status in ('QUEUED', 'RUNNING');
