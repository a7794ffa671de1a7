-- Rescoring in proportion to the change (#28). A job queued by a model change may read only the leads the change can
-- move (model_change); once it runs it records the model it scored with and what it read (scope, in words), so the
-- next model change knows which model the stored scores came from.
alter table rescore_job add column model_change boolean not null default false;
alter table rescore_job add column model_version integer;
alter table rescore_job add column scope text;
alter table rescore_job add column mqls_in bigint not null default 0;
alter table rescore_job add column mqls_out bigint not null default 0;
