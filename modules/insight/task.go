package insight

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"emma/modules/facts"
	"emma/modules/group"
)

// maxRateJitter spreads the jobs that the rate limit snoozed over the
// first seconds of the next minute.
const maxRateJitter = 2 * time.Second

// task is one run of an insight job.
type task struct {
	w   *Worker
	job *river.Job[group.InsightArgs]
	row *group.Job
	log *slog.Logger
	// facts is valid once hasFacts is set.
	facts    facts.Facts
	hasFacts bool
	key      string
}

// run computes the facts and stores the insight from the cache, the
// facts or the model, in that order of preference.
func (t *task) run(ctx context.Context) error {
	v, err := resultValue(t.row)
	if err != nil {
		t.log.Warn("insight failed: result unreadable", "error", err)
		return t.store(ctx, group.InsightUpdate{Status: group.InsightFailed,
			Note: "the result is not a number that facts can describe"})
	}
	t.facts = computeFacts(ctx, v)
	t.hasFacts = !t.facts.Invalid
	if t.facts.Invalid || t.facts.Sentence() == "" {
		t.log.Warn("insight failed: no facts", "invalid", t.facts.Invalid)
		return t.store(ctx, group.InsightUpdate{Status: group.InsightFailed,
			Note: "no verified facts are known for this result"})
	}
	if t.w.cfg.APIKey == "" {
		return t.storeFacts(ctx, "")
	}

	t.key = v.cacheKey()
	hit, ok, err := t.w.cached(ctx, t.key)
	if err != nil {
		return err
	}
	if ok {
		t.w.stats.cacheHits.Add(1)
		t.log.Info("insight cache hit", "source", hit.Source)
		return t.store(ctx, group.InsightUpdate{Status: group.InsightCompleted,
			Text: hit.Text, Source: hit.Source, PromptVersion: PromptVersion})
	}
	return t.reserve(ctx)
}

// lastAttempt reports whether err from run ends the job's last attempt
// with an error that the facts sentence can replace. Snoozes, cancels and
// interruptions by River are not failures of this attempt.
func (t *task) lastAttempt(ctx context.Context, err error) bool {
	var snooze *rivertype.JobSnoozeError
	var cancel *rivertype.JobCancelError
	if errors.As(err, &snooze) || errors.As(err, &cancel) || ctx.Err() != nil {
		return false
	}
	return t.hasFacts && t.job.Attempt >= attemptLimit(t.job.MaxAttempts)
}

// computeFacts runs facts.Compute within factsBudget.
func computeFacts(ctx context.Context, v value) facts.Facts {
	ctx, cancel := context.WithTimeout(ctx, factsBudget)
	defer cancel()
	return facts.Compute(ctx, v.text, v.exact)
}

// reserve takes one call from the user's daily budget and one from the
// global rate, then calls the model. Over the budget the facts sentence is
// stored, and over the rate the job waits for the next minute.
func (t *task) reserve(ctx context.Context) error {
	u, ok, err := t.w.reserveDaily(ctx, t.row.UserID)
	if err != nil {
		return err
	}
	if !ok {
		return t.fallback(ctx, fmt.Sprintf(
			"daily model insight budget of %d reached; this insight comes from computed facts",
			t.w.cfg.DailyLimit))
	}

	ok, err = t.w.reserveRate(ctx)
	if err != nil || !ok {
		t.refund(ctx, u)
	}
	if err != nil {
		return err
	}
	if !ok {
		wait, err := t.w.untilNextMinute(ctx)
		if err != nil {
			return err
		}
		return t.snooze(ctx, wait+rand.N(maxRateJitter), "rate_limit")
	}
	return t.call(ctx, u)
}

// refund returns a daily call that no model call used. A failed refund
// only costs the user one call, so it is logged, not returned.
func (t *task) refund(ctx context.Context, u usage) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), writeTimeout)
	defer cancel()
	if err := t.w.refundDaily(ctx, t.row.UserID, u); err != nil {
		t.log.Warn("refund daily insight", "user_id", t.row.UserID, "error", err)
	}
}

// snooze postpones the job by d, which does not count as an attempt in
// River. After maxSnoozes it stores the facts sentence instead.
func (t *task) snooze(ctx context.Context, d time.Duration, reason string) error {
	if n := snoozeCount(t.job); n >= maxSnoozes {
		t.log.Warn("insight snoozed too often", "snoozes", n, "reason", reason)
		return t.fallback(ctx, "model insights are rate limited; this insight comes from computed facts")
	}
	t.w.stats.snoozes.Add(1)
	t.log.Info("insight snoozed", "delay", d, "reason", reason)
	return river.JobSnooze(d)
}

// snoozeCount returns how often River snoozed the job before this run, from
// the "snoozes" key that River keeps in the job's metadata.
func snoozeCount(job *river.Job[group.InsightArgs]) int {
	if job.JobRow == nil || len(job.Metadata) == 0 {
		return 0
	}
	var m struct {
		Snoozes int `json:"snoozes"`
	}
	if err := json.Unmarshal(job.Metadata, &m); err != nil {
		return 0
	}
	return m.Snoozes
}

// fallback stores the facts sentence with a note on why the model was not
// used, and counts it.
func (t *task) fallback(ctx context.Context, note string) error {
	t.w.stats.fallbacks.Add(1)
	return t.storeFacts(ctx, note)
}

func (t *task) storeFacts(ctx context.Context, note string) error {
	return t.store(ctx, group.InsightUpdate{Status: group.InsightCompleted,
		Text: t.facts.Sentence(), Source: SourceFacts, Note: note})
}

// store writes the insight, even when the job's context is done, so that
// an outcome that was decided is not lost to a cancellation.
func (t *task) store(ctx context.Context, in group.InsightUpdate) error {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), writeTimeout)
	defer cancel()
	_, err := t.w.store.SetInsight(ctx, t.row.ID, in)
	if errors.Is(err, group.ErrFinal) {
		t.log.Info("insight dropped: job no longer completed or its insight stored already")
		return nil
	}
	if err != nil {
		return fmt.Errorf("store insight of job %d: %w", t.row.ID, err)
	}
	t.log.Info("insight stored", "insight_status", in.Status, "source", in.Source, "note", in.Note)
	return nil
}
