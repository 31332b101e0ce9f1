package insight

import (
	"context"
	"errors"
	"fmt"
	"time"

	"emma/modules/facts"
	"emma/modules/group"
)

// call requests the sentence from the model, checks the reply against the
// facts and stores it, or handles the failure. u is the daily call
// reserved for it.
func (t *task) call(ctx context.Context, u usage) error {
	prompt, dropped := userPrompt(t.facts)
	if dropped > 0 {
		t.log.Warn("facts lines left out of the prompt", "count", dropped)
	}
	start := time.Now()
	r, err := t.w.complete(ctx, prompt)
	elapsed := time.Since(start)
	t.w.stats.modelCalls.Add(1)
	if err != nil {
		return t.callFailed(ctx, u, err, elapsed)
	}

	t.w.stats.promptTokens.Add(r.promptTokens)
	t.w.stats.completionTokens.Add(r.completionTokens)
	log := t.log.With("duration", elapsed, "prompt_tokens", r.promptTokens,
		"completion_tokens", r.completionTokens)
	if err := facts.CheckReply(t.facts, r.text); err != nil {
		reason := rejectionReason(err)
		t.w.stats.rejections.Add(1)
		log.Warn("model call", "outcome", "rejected", "reason", reason)
		return t.fallback(ctx, "model reply rejected: "+reason)
	}
	log.Info("model call", "outcome", "accepted")

	entry := cacheEntry{Text: r.text, Source: t.w.cfg.Model}
	if err := t.w.cache(ctx, t.key, entry); err != nil {
		// The insight is still stored for this job, and a later job with
		// the same value calls the model again.
		t.log.Warn("cache insight", "error", err)
	}
	return t.store(ctx, group.InsightUpdate{Status: group.InsightCompleted,
		Text: r.text, Source: entry.Source, PromptVersion: PromptVersion})
}

// rejectionReason returns the reason code of a facts.CheckReply error,
// followed by the offending number when there is one.
func rejectionReason(err error) string {
	var r *facts.Rejection
	if !errors.As(err, &r) {
		return err.Error()
	}
	if r.Number != "" {
		return r.Reason + " " + r.Number
	}
	return r.Reason
}

// callFailed handles a model call that returned err: a 429 snoozes the
// job, a permanent error stores the facts sentence, and other errors
// return to River for a retry until the last attempt.
func (t *task) callFailed(ctx context.Context, u usage, err error, elapsed time.Duration) error {
	if ctx.Err() != nil {
		// River is stopping or the job ran out of time. Neither is a
		// failure of the model service, so the job runs again.
		t.refund(ctx, u)
		t.log.Warn("model call interrupted", "duration", elapsed, "error", err)
		return err
	}

	t.w.stats.failures.Add(1)
	f := classify(err, t.w.now())
	log := t.log.With("duration", elapsed, "outcome", f.reason)
	switch f.kind {
	case failRateLimited:
		log.Warn("model call", "retry_after", f.retryAfter)
		t.refund(ctx, u)
		return t.snooze(ctx, f.retryAfter, f.reason)
	case failPermanent:
		log.Error("model call", "error", err)
		return t.fallback(ctx, fmt.Sprintf(
			"the model service rejected the request (%s); this insight comes from computed facts", f.reason))
	}

	if limit := attemptLimit(t.job.MaxAttempts); t.job.Attempt >= limit {
		log.Error("model call failed on the last attempt", "error", err)
		return t.fallback(ctx, fmt.Sprintf(
			"the model service failed %d times (%s); this insight comes from computed facts",
			t.job.Attempt, f.reason))
	}
	log.Warn("model call failed, will retry", "error", err)
	return fmt.Errorf("model call for job %d (%s): %w", t.row.ID, f.reason, err)
}

// attemptLimit returns the attempt that stores the facts sentence after a
// retryable failure: River's limit for the job or maxAttempts, whichever
// is lower. River discards the job after its last attempt, so a later
// attempt would never run.
func attemptLimit(riverMax int) int {
	if riverMax <= 0 {
		return maxAttempts
	}
	return min(riverMax, maxAttempts)
}
