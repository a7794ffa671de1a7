-- Who did what, when: sign-ins (successful or not), user and role changes, disqualifications, assignments,
-- model activations, imports and exports. Append-only.
create table audit_event (
    id      bigint generated always as identity primary key,
    at      timestamptz  not null,
    actor   varchar(100) not null,
    action  varchar(40)  not null,
    target  varchar(200),
    detail  text         not null default '',
    client  varchar(100)
);
create index audit_event_at_idx on audit_event (at desc);
create index audit_event_action_idx on audit_event (action, at desc);
