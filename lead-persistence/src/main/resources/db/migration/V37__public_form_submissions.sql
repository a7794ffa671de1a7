-- A public-form token serves one submission: its nonce is stored when used (kept for the token's lifetime).
create table form_token_use (
    nonce   text primary key,
    used_at timestamptz not null
);
create index form_token_use_used_at_idx on form_token_use (used_at);

-- An anonymous submission for a known email, from a browser that is not that lead's: held until a marketer accepts
-- (its blanks filled and its form_submission recorded then) or dismisses it. Nothing of it touches the lead before.
create table pending_submission (
    id           bigserial primary key,
    lead_id      bigint      not null references lead (id) on delete cascade,
    campaign     text        not null,
    submitted_at timestamptz not null,
    full_name    text,
    company      text,
    job_title    text,
    company_size integer,
    country      text,
    source       text,
    attributes   jsonb       not null default '{}'::jsonb,
    decided_at   timestamptz,
    decided_by   text,
    accepted     boolean
);
create index pending_submission_open_idx on pending_submission (lead_id) where decided_at is null;
