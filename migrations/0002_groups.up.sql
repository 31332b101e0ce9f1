-- A group is one submission: either the pair a, b (four jobs) or a list of
-- expressions (one job each). History lives here, not in River's tables,
-- because River deletes finished jobs after its retention period.
CREATE TABLE groups (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id    bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind       text NOT NULL CHECK (kind IN ('pair', 'expressions')),
    a          text,
    b          text,
    created_at timestamptz NOT NULL DEFAULT now()
);
-- Serves the history page: newest first per user, paged by (created_at, id).
CREATE INDEX groups_user_created_idx ON groups (user_id, created_at DESC, id DESC);

-- Results are exact decimal text, never floating point: a result can have
-- many thousands of digits.
CREATE TABLE jobs (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    group_id         bigint NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    user_id          bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    position         int NOT NULL,
    operation        text NOT NULL,
    expression       text,
    status           text NOT NULL DEFAULT 'queued'
                     CHECK (status IN ('queued', 'running', 'completed', 'failed', 'cancelled')),
    result           text,
    result_exact     text,
    approximate      boolean NOT NULL DEFAULT false,
    error_code       text,
    error_message    text,
    progress_percent real,
    progress_phase   text,
    river_job_id     bigint,
    insight_status   text NOT NULL DEFAULT 'none'
                     CHECK (insight_status IN ('none', 'pending', 'completed', 'failed')),
    insight_text     text,
    insight_source   text,
    insight_prompt_version text,
    insight_note     text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    started_at       timestamptz,
    finished_at      timestamptz,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (group_id, position)
);
CREATE INDEX jobs_user_id_idx ON jobs (user_id);
