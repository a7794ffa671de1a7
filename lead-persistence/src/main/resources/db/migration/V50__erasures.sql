-- A person's data erased on their request (issue 26): who erased and when, and how many rows each table lost;
-- never whom (no address, name or id of the person).
create table erasure (
    id        bigint generated always as identity primary key,
    erased_by varchar(100) not null,
    erased_at timestamptz  not null,
    removed   jsonb        not null
);
