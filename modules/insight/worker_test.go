package insight

import (
	"context"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/riverqueue/river"

	"emma/modules/facts"
	"emma/modules/group"
)

// sentenceOf returns the facts sentence of an integer result.
func sentenceOf(t *testing.T, n int64) string {
	t.Helper()
	return facts.Compute(context.Background(), "", big.NewRat(n, 1)).Sentence()
}

func TestWorkerScriptedModel(t *testing.T) {
	t.Parallel()
	const valid = "28 is a perfect number."
	tests := []struct {
		name       string
		script     []step
		timeout    time.Duration
		wantText   string // "" means the facts sentence of 28
		wantSource string
		wantNote   string
		wantCalls  int
		wantStats  Stats
	}{
		{
			name: "normal reply", script: []step{{reply: valid}},
			wantText: valid, wantSource: testModel, wantCalls: 1,
			wantStats: Stats{ModelCalls: 1, PromptTokens: 120, CompletionTokens: 15},
		},
		{
			name: "two 500s then success",
			script: []step{
				{status: 500, body: apiError("server_error", "boom")},
				{status: 500, body: apiError("server_error", "boom")},
				{reply: valid},
			},
			wantText: valid, wantSource: testModel, wantCalls: 3,
			wantStats: Stats{ModelCalls: 3, Failures: 2, PromptTokens: 120, CompletionTokens: 15},
		},
		{
			name:       "payment required",
			script:     []step{{status: 402, body: apiError("payment_required", "pay")}},
			wantSource: SourceFacts, wantCalls: 1,
			wantNote:  "the model service rejected the request (http_402); this insight comes from computed facts",
			wantStats: Stats{ModelCalls: 1, Failures: 1, Fallbacks: 1},
		},
		{
			name:       "unauthorized",
			script:     []step{{status: 401, body: apiError("invalid_api_key", "bad key")}},
			wantSource: SourceFacts, wantCalls: 1,
			wantNote:  "the model service rejected the request (http_401); this insight comes from computed facts",
			wantStats: Stats{ModelCalls: 1, Failures: 1, Fallbacks: 1},
		},
		{
			name: "insufficient quota",
			script: []step{{status: 429, header: map[string]string{"Retry-After": "1"},
				body: apiError("insufficient_quota", "quota")}},
			wantSource: SourceFacts, wantCalls: 1,
			wantNote:  "the model service rejected the request (insufficient_quota); this insight comes from computed facts",
			wantStats: Stats{ModelCalls: 1, Failures: 1, Fallbacks: 1},
		},
		{
			name: "server never answers", script: []step{{hang: true}}, timeout: 300 * time.Millisecond,
			wantSource: SourceFacts, wantCalls: 3,
			wantNote:  "the model service failed 3 times (timeout); this insight comes from computed facts",
			wantStats: Stats{ModelCalls: 3, Failures: 3, Fallbacks: 1},
		},
		{
			name: "reply claims a wrong number", script: []step{{reply: "28 is the square root of 3822."}},
			wantSource: SourceFacts, wantCalls: 1, wantNote: "model reply rejected: unknown_number 3822",
			wantStats: Stats{ModelCalls: 1, Rejections: 1, Fallbacks: 1, PromptTokens: 120, CompletionTokens: 15},
		},
		{
			name: "reply contains html", script: []step{{reply: "<b>28</b> is a perfect number."}},
			wantSource: SourceFacts, wantCalls: 1, wantNote: "model reply rejected: markup",
			wantStats: Stats{ModelCalls: 1, Rejections: 1, Fallbacks: 1, PromptTokens: 120, CompletionTokens: 15},
		},
		{
			name: "empty reply", script: []step{{reply: ""}},
			wantSource: SourceFacts, wantCalls: 1, wantNote: "model reply rejected: empty",
			wantStats: Stats{ModelCalls: 1, Rejections: 1, Fallbacks: 1, PromptTokens: 120, CompletionTokens: 15},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			env := newTestEnv(t)
			model := newFakeModel(t, tt.script...)
			cfg := env.config(model)
			if tt.timeout > 0 {
				cfg.Timeout = tt.timeout
			}
			w := env.newWorker(cfg)
			id := env.addJob(env.addUser("a@example.com"), completedJob{result: "28", exact: "28"})

			ev := env.startRiver(w).runToEnd(id)

			if ev.Kind != river.EventKindJobCompleted {
				t.Errorf("river event = %s (state %s), want %s", ev.Kind, ev.Job.State, river.EventKindJobCompleted)
			}
			want := tt.wantText
			if want == "" {
				want = sentenceOf(t, 28)
			}
			j := env.job(id)
			if j.InsightStatus != group.InsightCompleted {
				t.Errorf("insight status = %q, want %q", j.InsightStatus, group.InsightCompleted)
			}
			if got := deref(j.InsightText); got != want {
				t.Errorf("insight text = %q, want %q", got, want)
			}
			if got := deref(j.InsightSource); got != tt.wantSource {
				t.Errorf("insight source = %q, want %q", got, tt.wantSource)
			}
			if got := deref(j.InsightNote); tt.wantNote != "" && got != tt.wantNote {
				t.Errorf("insight note = %q, want %q", got, tt.wantNote)
			}
			if tt.wantNote == "" && j.InsightNote != nil {
				t.Errorf("insight note = %q, want none", *j.InsightNote)
			}
			if got := deref(j.Result); got != "28" {
				t.Errorf("result = %q, want it unchanged at 28", got)
			}
			if got := len(model.Requests()); got != tt.wantCalls {
				t.Errorf("model requests = %d, want %d", got, tt.wantCalls)
			}
			if got := w.Stats(); got != tt.wantStats {
				t.Errorf("stats = %+v, want %+v", got, tt.wantStats)
			}
			if strings.Contains(env.logs.String(), testKey) {
				t.Errorf("logs contain the API key")
			}
		})
	}
}

func TestWorkerSnoozesOnRetryAfter(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		step      step
		wantDelay time.Duration
	}{
		{name: "seconds", step: step{header: map[string]string{"Retry-After": "30"}}, wantDelay: 30 * time.Second},
		{name: "http date", step: step{retryAt: 20 * time.Second}, wantDelay: 20 * time.Second},
		{name: "capped", step: step{header: map[string]string{"Retry-After": "3600"}}, wantDelay: maxRetryAfter},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			env := newTestEnv(t)
			tt.step.status, tt.step.body = 429, apiError("rate_limit_exceeded", "slow down")
			model := newFakeModel(t, tt.step)
			w := env.newWorker(env.config(model))
			user := env.addUser("a@example.com")
			id := env.addJob(user, completedJob{result: "28", exact: "28"})
			r := env.startRiver(w)

			before := time.Now()
			ev := r.wait(r.enqueue(id, ""), river.EventKindJobSnoozed, river.EventKindJobCompleted)
			after := time.Now()

			if ev.Kind != river.EventKindJobSnoozed {
				t.Fatalf("river event = %s, want %s", ev.Kind, river.EventKindJobSnoozed)
			}
			// An HTTP date has whole seconds, so it may fall up to 1 s early.
			lo, hi := before.Add(tt.wantDelay-1500*time.Millisecond), after.Add(tt.wantDelay+time.Second)
			if at := ev.Job.ScheduledAt; at.Before(lo) || at.After(hi) {
				t.Errorf("scheduled at %s after the call, want %s", at.Sub(before), tt.wantDelay)
			}
			if j := env.job(id); j.InsightStatus != group.InsightPending {
				t.Errorf("insight status = %q, want %q while snoozed", j.InsightStatus, group.InsightPending)
			}
			if got := w.Stats().Snoozes; got != 1 {
				t.Errorf("snoozes = %d, want 1", got)
			}
			if got := env.dailyCalls(user); got != 0 {
				t.Errorf("daily calls after a 429 = %d, want 0 (refunded)", got)
			}
		})
	}
}

func TestWorkerSnoozeLimitFallsBack(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t)
	model := newFakeModel(t, step{status: 429, header: map[string]string{"Retry-After": "5"},
		body: apiError("rate_limit_exceeded", "slow down")})
	w := env.newWorker(env.config(model))
	id := env.addJob(env.addUser("a@example.com"), completedJob{result: "28", exact: "28"})
	r := env.startRiver(w)

	ev := r.wait(r.enqueue(id, `{"snoozes": 5}`), river.EventKindJobSnoozed, river.EventKindJobCompleted)

	if ev.Kind != river.EventKindJobCompleted {
		t.Errorf("river event = %s, want %s", ev.Kind, river.EventKindJobCompleted)
	}
	j := env.job(id)
	if got := deref(j.InsightSource); got != SourceFacts {
		t.Errorf("insight source = %q, want %q", got, SourceFacts)
	}
	wantNote := "model insights are rate limited; this insight comes from computed facts"
	if got := deref(j.InsightNote); got != wantNote {
		t.Errorf("insight note = %q, want %q", got, wantNote)
	}
}
