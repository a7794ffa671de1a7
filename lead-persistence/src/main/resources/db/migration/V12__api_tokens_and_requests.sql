-- API tokens: created and revoked by admins, stored as the SHA-256 of the token (the token itself is shown once).
create table api_token (
    id           bigint generated always as identity primary key,
    name         varchar(100) not null,
    role         varchar(20)  not null check (role in ('MARKETER', 'SALES', 'ADMIN')),
    token_hash   char(64)     not null unique,
    token_prefix varchar(16)  not null,
    created_by   varchar(100) not null,
    created_at   timestamptz  not null,
    last_used_at timestamptz,
    revoked_by   varchar(100),
    revoked_at   timestamptz,
    constraint api_token_name_not_blank check (btrim(name) <> '')
);
create unique index api_token_active_name_key on api_token (lower(name)) where revoked_at is null;

-- One row per idempotency key and token: the request's fingerprint and the answer given, replayed on a re-send.
create table api_request (
    token_id        bigint       not null references api_token (id) on delete cascade,
    idempotency_key varchar(255) not null,
    request_hash    char(64)     not null,
    status          integer,
    response_body   text,
    created_at      timestamptz  not null,
    primary key (token_id, idempotency_key)
);
create index api_request_created_idx on api_request (created_at);
