-- The River queue each job was sent to. Workers count a user's running
-- heavy jobs from it, to share the heavy queue fairly between users.
ALTER TABLE jobs ADD COLUMN queue text NOT NULL DEFAULT 'compute';
CREATE INDEX jobs_running_user_idx ON jobs (user_id, queue) WHERE status = 'running';
