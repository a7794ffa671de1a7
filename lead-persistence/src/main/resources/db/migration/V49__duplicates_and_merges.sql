-- Possible duplicates and merges (issue 26). pg_trgm is a trusted extension (PostgreSQL 13+), as unaccent is.
create extension if not exists pg_trgm with schema public;

-- The keys two records of one person share although their stored values differ. Computed when the row is written
-- (imports and edits alike, as search_text is), so finding a lead's possible duplicates is three index lookups.

-- An address as its mailbox receives it: the +tag dropped (ana+news@x.com is ana@x.com), and at Gmail, which ignores
-- dots, without them (ana.lima@gmail.com is analima@gmail.com; googlemail.com is gmail.com).
create or replace function leadline_email_key(email text) returns text
    language sql immutable parallel safe strict
    as $$
    select case when box = '' or host = '' then null
                when host in ('gmail.com', 'googlemail.com') then replace(box, '.', '') || '@gmail.com'
                else box || '@' || host end
      from (select split_part(split_part(email, '@', 1), '+', 1) as box, split_part(email, '@', 2) as host) address
    $$;

-- A phone number by its last nine digits, from the first phone-like attribute: +55 11 98765-4321, (11) 98765-4321 and
-- 0055 11 987654321 share 987654321. Fewer than eight digits make no key (an extension, a placeholder).
create or replace function leadline_phone_key(attributes jsonb) returns text
    language sql immutable parallel safe strict
    as $$
    select case when length(digits) >= 8 then right(digits, 9) end
      from (select regexp_replace(coalesce(attributes ->> 'phone', attributes ->> 'phone_number', attributes ->> 'mobile',
                   attributes ->> 'mobile_phone', attributes ->> 'mobile_number', attributes ->> 'telephone',
                   attributes ->> 'work_phone', attributes ->> 'whatsapp'), '[^0-9]', '', 'g') as digits) phone
    $$;

-- A name folded and its words sorted: "Teixeira, Mariana" and "mariana teixeira" share "mariana teixeira".
create or replace function leadline_name_key(full_name text) returns text
    language sql immutable parallel safe strict
    as $$
    select nullif(array_to_string(array(
               select word from unnest(regexp_split_to_array(leadline_fold(full_name), '[^[:alnum:]]+')) word
                where word <> '' order by word collate "C"), ' '), '')
    $$;

alter table lead add column email_key text generated always as (leadline_email_key(email)) stored,
                 add column phone_key text generated always as (leadline_phone_key(attributes)) stored,
                 add column name_key text generated always as (leadline_name_key(full_name)) stored;
create index lead_email_key_idx on lead (email_key) where email_key is not null;
create index lead_phone_key_idx on lead (phone_key) where phone_key is not null;
create index lead_name_key_idx on lead (name_key) where name_key is not null;

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
create table merged_lead (
    merged_id   bigint       primary key,
    survivor_id bigint       not null references lead (id) on delete cascade,
    merged_at   timestamptz  not null,
    merged_by   varchar(100) not null
);
create index merged_lead_survivor_idx on merged_lead (survivor_id);

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
