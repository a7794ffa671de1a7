-- Background jobs are leased: the instance running a job renews heartbeat_at every few seconds; a job whose
-- heartbeat is older than the lease (its instance died) is taken over by another instance and run again, at most
-- three attempts in all.
alter table import_job add column heartbeat_at timestamptz;
alter table import_job add column attempts integer not null default 0;
alter table rescore_job add column heartbeat_at timestamptz;
alter table rescore_job add column attempts integer not null default 0;
create index import_job_running_idx on import_job (heartbeat_at) where status = 'RUNNING';
create index rescore_job_running_idx on rescore_job (heartbeat_at) where status = 'RUNNING';
