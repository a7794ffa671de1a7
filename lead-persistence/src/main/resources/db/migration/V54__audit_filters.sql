-- The audit log filtered by what was acted on (a lead's own trail: "lead 42") and by who acted (issue 29).
create index audit_event_target_idx on audit_event (target, at desc);
create index audit_event_actor_idx on audit_event (actor, at desc);
