-- Each user's inbox: new assignments, hand-raises on their leads. One row per event (key), so a second delivery of
-- the same event adds nothing.
create table inbox_item (
    id        bigint generated always as identity primary key,
    username  varchar(100) not null references app_user (username) on update cascade on delete cascade,
    kind      varchar(20)  not null check (kind in ('ASSIGNED', 'HAND_RAISED')),
    lead_id   bigint       not null references lead (id) on delete cascade,
    text      varchar(500) not null,
    at        timestamptz  not null,
    read_at   timestamptz,
    key       varchar(200) not null,
    constraint inbox_item_key unique (key)
);
create index inbox_item_user_idx on inbox_item (username, id desc);
create index inbox_item_unread_idx on inbox_item (username) where read_at is null;
