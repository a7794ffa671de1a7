-- The leak guard reads fill rates on open leads too; an admin may leave out any field, flagged or not.
alter table likelihood_field add column filled_open double precision;
alter table likelihood_model add column exclude_fields text[] not null default '{}';
