-- How a file is read when the user overrides the detection (null: detected), and when its upload was deleted:
-- uploads hold personal data and are kept only until their import ends, fails, is undone, or leadline.import.retention.
alter table import_job add column encoding text;
alter table import_job add column delimiter text check (length(delimiter) = 1);
alter table import_job add column file_deleted_at timestamptz;
