-- Saved searches of the lead list ("paid_search, fit A-B, last 30 days"), shared by the team. The filters are
-- kept as the list's query string, so a segment opens, pages and exports exactly like the search it came from.
create table segment (
    id         bigint generated always as identity primary key,
    name       varchar(100) not null,
    query      text         not null,
    created_by varchar(100) not null,
    created_at timestamptz  not null,
    constraint segment_name_key unique (name),
    constraint segment_name_not_blank check (btrim(name) <> '')
);
