-- First-party website tracking (issue 25): the sites that paste the snippet, their anonymous visitors (each one
-- attached to a lead once they identify), and every hit, in one partition per month so retention drops whole months.

create table tracked_site (
    id                   bigint generated always as identity primary key,
    name                 varchar(100) not null,
    -- The public key in the snippet; it names the site, it grants nothing.
    site_key             varchar(40)  not null unique,
    allowed_origins      text[]       not null,
    consent_required     boolean      not null default false,
    honour_privacy       boolean      not null default true,
    -- Signs the site's visitor ids and checks its identify tokens; never leaves Leadline but to the site's owner.
    secret               varchar(80)  not null,
    created_by           varchar(100) not null,
    created_at           timestamptz  not null
);

create table tracked_visitor (
    id          uuid        primary key,
    site_id     bigint      not null references tracked_site (id) on delete cascade,
    lead_id     bigint      references lead (id) on delete set null,
    first_seen  timestamptz not null,
    last_seen   timestamptz not null,
    stitched_at timestamptz
);
create index tracked_visitor_lead_idx on tracked_visitor (lead_id) where lead_id is not null;

create table tracking_hit (
    received_at  timestamptz  not null,
    site_id      bigint       not null,
    visitor_id   uuid         not null,
    -- page_view, page_time (time on a page, sent when it is hidden) or event.
    kind         varchar(10)  not null,
    page_view    varchar(24),
    url          text,
    title        text,
    referrer     text,
    utm_source   text,
    utm_medium   text,
    utm_campaign text,
    millis       integer,
    event_key    varchar(50)
) partition by range (received_at);
-- Partitions (tracking_hit_yYYYYmMM) are made ahead and dropped after the retention by TrackingPartitions.
create index tracking_hit_visitor_idx on tracking_hit (visitor_id, received_at);

-- Secrets that sign links living outside Leadline (email opens and clicks): one generated row per purpose.
create table signing_key (
    purpose varchar(40) primary key,
    secret  bytea       not null
);
