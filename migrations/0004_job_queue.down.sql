DROP INDEX jobs_running_user_idx;
ALTER TABLE jobs DROP COLUMN queue;
