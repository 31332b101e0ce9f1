-- Insights cached by canonical result value and prompt version, shared
-- across users, so the same number never costs a second model call.
CREATE TABLE insight_cache (
    value_key      text NOT NULL,
    prompt_version text NOT NULL,
    text           text NOT NULL,
    source         text NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (value_key, prompt_version)
);

-- Model insights used per user and UTC day, for the daily budget.
CREATE TABLE insight_usage (
    user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    day     date NOT NULL,
    calls   int NOT NULL DEFAULT 0,
    PRIMARY KEY (user_id, day)
);

-- Model calls per minute across every worker process, for the global rate
-- limit.
CREATE TABLE insight_rate (
    minute timestamptz PRIMARY KEY,
    calls  int NOT NULL DEFAULT 0
);
