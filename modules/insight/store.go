package insight

import (
	"context"
	"fmt"
	"time"
)

// cacheEntry is a row of insight_cache.
type cacheEntry struct {
	Text   string
	Source string
}

// usage is the insight_usage row that a reservation counted against.
type usage struct {
	Calls int
	Day   string
}

// cached returns the cached insight of key for PromptVersion, and false
// when there is none.
func (w *Worker) cached(ctx context.Context, key string) (cacheEntry, bool, error) {
	var rows []cacheEntry
	err := w.db.WithContext(ctx).Raw(
		`SELECT text, source FROM insight_cache WHERE value_key = ? AND prompt_version = ?`,
		key, PromptVersion).Scan(&rows).Error
	if err != nil {
		return cacheEntry{}, false, fmt.Errorf("select cached insight: %w", err)
	}
	if len(rows) == 0 {
		return cacheEntry{}, false, nil
	}
	return rows[0], true, nil
}

// cache stores a model insight under key. The first insight stored for a
// key wins, so concurrent workers cannot overwrite each other.
func (w *Worker) cache(ctx context.Context, key string, e cacheEntry) error {
	err := w.db.WithContext(ctx).Exec(
		`INSERT INTO insight_cache (value_key, prompt_version, text, source) VALUES (?, ?, ?, ?)
		 ON CONFLICT (value_key, prompt_version) DO NOTHING`,
		key, PromptVersion, e.Text, e.Source).Error
	if err != nil {
		return fmt.Errorf("insert cached insight: %w", err)
	}
	return nil
}

// reserveDaily counts one model call against the user's budget for the
// current UTC day. It returns false, and counts nothing, when the user has
// used DailyLimit calls already. The check and the increment are one
// statement, so concurrent workers cannot both take the last call.
func (w *Worker) reserveDaily(ctx context.Context, userID int64) (usage, bool, error) {
	if w.cfg.DailyLimit <= 0 {
		return usage{}, false, nil
	}
	var rows []usage
	err := w.db.WithContext(ctx).Raw(
		`INSERT INTO insight_usage (user_id, day, calls)
		 VALUES (?, (now() AT TIME ZONE 'UTC')::date, 1)
		 ON CONFLICT (user_id, day) DO UPDATE SET calls = insight_usage.calls + 1
		 WHERE insight_usage.calls < ?
		 RETURNING calls, day::text AS day`,
		userID, w.cfg.DailyLimit).Scan(&rows).Error
	if err != nil {
		return usage{}, false, fmt.Errorf("reserve daily insight of user %d: %w", userID, err)
	}
	if len(rows) == 0 {
		return usage{}, false, nil
	}
	return rows[0], true, nil
}

// refundDaily gives back a call that reserveDaily counted but that the
// model service never served.
func (w *Worker) refundDaily(ctx context.Context, userID int64, u usage) error {
	err := w.db.WithContext(ctx).Exec(
		`UPDATE insight_usage SET calls = calls - 1 WHERE user_id = ? AND day = ?::date AND calls > 0`,
		userID, u.Day).Error
	if err != nil {
		return fmt.Errorf("refund daily insight of user %d: %w", userID, err)
	}
	return nil
}

// reserveRate counts one model call against the current minute of the
// database clock, shared by every worker process. It returns false, and
// counts nothing, when PerMinute calls were made in this minute already.
// PerMinute <= 0 turns the limit off.
func (w *Worker) reserveRate(ctx context.Context) (bool, error) {
	if w.cfg.PerMinute <= 0 {
		return true, nil
	}
	var calls []int
	err := w.db.WithContext(ctx).Raw(
		`INSERT INTO insight_rate (minute, calls) VALUES (date_trunc('minute', now()), 1)
		 ON CONFLICT (minute) DO UPDATE SET calls = insight_rate.calls + 1
		 WHERE insight_rate.calls < ?
		 RETURNING calls`, w.cfg.PerMinute).Scan(&calls).Error
	if err != nil {
		return false, fmt.Errorf("reserve insight rate: %w", err)
	}
	if len(calls) == 0 {
		return false, nil
	}
	if calls[0] == 1 {
		// The first call of a minute removes old minutes, so the table
		// stays at about an hour of rows.
		err := w.db.WithContext(ctx).Exec(
			`DELETE FROM insight_rate WHERE minute < now() - interval '1 hour'`).Error
		if err != nil {
			w.log.Warn("prune insight rate", "error", err)
		}
	}
	return true, nil
}

// untilNextMinute returns the time left in the current minute of the
// database clock, which reserveRate counts by.
func (w *Worker) untilNextMinute(ctx context.Context) (time.Duration, error) {
	var seconds float64
	err := w.db.WithContext(ctx).Raw(
		`SELECT extract(epoch FROM date_trunc('minute', now()) + interval '1 minute' - clock_timestamp())::float8`).
		Scan(&seconds).Error
	if err != nil {
		return 0, fmt.Errorf("read database clock: %w", err)
	}
	return time.Duration(seconds * float64(time.Second)), nil
}
