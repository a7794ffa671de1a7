-- The leads of an import lie together in the table (one INSERT wrote them in id order), so a block-range index
-- finds them for undo as well as the b-tree did, at a fraction of its upkeep: the b-tree took an entry per imported
-- lead, about a second of a million-row import.
drop index lead_import_job_idx;
create index lead_import_job_idx on lead using brin (import_job_id) with (pages_per_range = 32);
