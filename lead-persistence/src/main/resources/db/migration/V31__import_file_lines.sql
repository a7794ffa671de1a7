-- How many lines an upload has, counted when it arrives, so the mapping page can say how many rows to expect.
alter table import_job add column file_lines bigint;
