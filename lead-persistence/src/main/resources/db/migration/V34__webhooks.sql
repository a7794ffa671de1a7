-- Outbound webhooks: the endpoints admins register and the deliveries owed to them (one per endpoint and event).
create table webhook_endpoint (
    id              bigint generated always as identity primary key,
    url             varchar(2000) not null,
    events          text[]        not null,
    secret          varchar(200)  not null,
    enabled         boolean       not null default true,
    disabled_reason varchar(500),
    created_by      varchar(100)  not null,
    created_at      timestamptz   not null
);

create table webhook_delivery (
    id               bigint generated always as identity primary key,
    endpoint_id      bigint        not null references webhook_endpoint (id) on delete cascade,
    event_id         varchar(100)  not null,
    event            varchar(30)   not null,
    lead_id          bigint        not null,
    body             text          not null,
    status           varchar(10)   not null default 'PENDING' check (status in ('PENDING', 'DELIVERED', 'GAVE_UP')),
    attempts         integer       not null default 0,
    created_at       timestamptz   not null,
    first_tried_at   timestamptz,
    next_attempt_at  timestamptz   not null,
    locked_until     timestamptz,
    last_status_code integer,
    last_millis      bigint,
    last_excerpt     varchar(500),
    delivered_at     timestamptz,
    constraint webhook_delivery_once unique (endpoint_id, event_id)
);
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_lead_idx on webhook_delivery (endpoint_id, lead_id, id) where status = 'PENDING';
