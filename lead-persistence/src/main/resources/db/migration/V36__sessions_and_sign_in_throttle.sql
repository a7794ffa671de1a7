-- A session is good only while the user's session stamp is the one it was signed in with: a role change, a
-- deactivation, a password change or reset and "sign out everywhere" bump it, and every instance ends the old
-- sessions on their next request.
alter table app_user add column session_stamp integer not null default 0;

-- Failed sign-ins per key (a username, an address, or the pair), shared by every instance. The delay before the
-- next attempt grows with the failures; a quiet hour forgets them.
create table sign_in_throttle (
    key             text primary key,
    failures        integer     not null,
    last_failure_at timestamptz not null,
    blocked_until   timestamptz
);

-- Addresses a user has signed in from: failures of others elsewhere (or a spray from a shared office address) do not
-- keep the owner of such an address out.
create table sign_in_address (
    username        text        not null,
    address         text        not null,
    last_success_at timestamptz not null,
    primary key (username, address)
);
