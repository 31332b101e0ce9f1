package insight

import "sync/atomic"

// Stats is a snapshot of a Worker's counters since it was created.
type Stats struct {
	// ModelCalls is the number of chat completion requests sent, whatever
	// their outcome.
	ModelCalls int64
	// PromptTokens and CompletionTokens are the token counts that the model
	// service reported in successful replies.
	PromptTokens     int64
	CompletionTokens int64
	// Failures is the number of model calls that returned an error: HTTP
	// errors including 429, timeouts and network errors.
	Failures int64
	// Rejections is the number of model replies that failed the facts
	// check and were replaced by the facts sentence.
	Rejections int64
	// CacheHits is the number of insights taken from the cache.
	CacheHits int64
	// Fallbacks is the number of facts insights stored although an API key
	// is set: over the daily budget, after a rejected reply, after a
	// permanent error, or after the last attempt or snooze.
	Fallbacks int64
	// Snoozes is the number of times a job was postponed by the global rate
	// limit or by a 429 reply.
	Snoozes int64
}

// counters are the live values behind Stats.
type counters struct {
	modelCalls       atomic.Int64
	promptTokens     atomic.Int64
	completionTokens atomic.Int64
	failures         atomic.Int64
	rejections       atomic.Int64
	cacheHits        atomic.Int64
	fallbacks        atomic.Int64
	snoozes          atomic.Int64
}

func (c *counters) snapshot() Stats {
	return Stats{
		ModelCalls:       c.modelCalls.Load(),
		PromptTokens:     c.promptTokens.Load(),
		CompletionTokens: c.completionTokens.Load(),
		Failures:         c.failures.Load(),
		Rejections:       c.rejections.Load(),
		CacheHits:        c.cacheHits.Load(),
		Fallbacks:        c.fallbacks.Load(),
		Snoozes:          c.snoozes.Load(),
	}
}
