package insight

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/openai/openai-go/v3"
)

func TestClassify(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	apiErr := func(status int, code string, header http.Header) error {
		return fmt.Errorf("chat completion: %w", &openai.Error{StatusCode: status, Code: code,
			Response: &http.Response{StatusCode: status, Header: header}})
	}
	tests := []struct {
		name string
		err  error
		want callFailure
	}{
		{name: "deadline", err: fmt.Errorf("post: %w", context.DeadlineExceeded),
			want: callFailure{kind: failRetry, reason: "timeout"}},
		{name: "network", err: errors.New("connection refused"),
			want: callFailure{kind: failRetry, reason: "network_error"}},
		{name: "server error", err: apiErr(503, "", nil), want: callFailure{kind: failRetry, reason: "http_503"}},
		{name: "request timeout", err: apiErr(408, "", nil), want: callFailure{kind: failRetry, reason: "http_408"}},
		{name: "unauthorized", err: apiErr(401, "invalid_api_key", nil),
			want: callFailure{kind: failPermanent, reason: "http_401"}},
		{name: "payment required", err: apiErr(402, "", nil), want: callFailure{kind: failPermanent, reason: "http_402"}},
		{name: "forbidden", err: apiErr(403, "", nil), want: callFailure{kind: failPermanent, reason: "http_403"}},
		{name: "bad request", err: apiErr(400, "", nil), want: callFailure{kind: failPermanent, reason: "http_400"}},
		{name: "insufficient quota", err: apiErr(429, "insufficient_quota", http.Header{"Retry-After": {"5"}}),
			want: callFailure{kind: failPermanent, reason: "insufficient_quota"}},
		{name: "rate limited", err: apiErr(429, "rate_limit_exceeded", http.Header{"Retry-After": {"5"}}),
			want: callFailure{kind: failRateLimited, reason: "http_429", retryAfter: 5 * time.Second}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := classify(tt.err, now); got != tt.want {
				t.Errorf("classify = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestRetryAfter(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	tests := []struct {
		name   string
		header http.Header
		want   time.Duration
	}{
		{name: "seconds", header: http.Header{"Retry-After": {"12"}}, want: 12 * time.Second},
		{name: "milliseconds first", header: http.Header{"Retry-After-Ms": {"2500"}, "Retry-After": {"9"}},
			want: 2500 * time.Millisecond},
		{name: "http date", header: http.Header{"Retry-After": {now.Add(40 * time.Second).Format(http.TimeFormat)}},
			want: 40 * time.Second},
		{name: "date in the past", header: http.Header{"Retry-After": {now.Add(-time.Hour).Format(http.TimeFormat)}},
			want: minRetryAfter},
		{name: "zero", header: http.Header{"Retry-After": {"0"}}, want: minRetryAfter},
		{name: "capped", header: http.Header{"Retry-After": {"86400"}}, want: maxRetryAfter},
		{name: "huge seconds", header: http.Header{"Retry-After": {"99999999999999"}}, want: maxRetryAfter},
		{name: "huge milliseconds", header: http.Header{"Retry-After-Ms": {"1e300"}}, want: maxRetryAfter},
		{name: "missing", header: http.Header{}, want: defaultRetryAfter},
		{name: "malformed", header: http.Header{"Retry-After": {"soon"}}, want: defaultRetryAfter},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := retryAfter(&http.Response{Header: tt.header}, now); got != tt.want {
				t.Errorf("retryAfter = %s, want %s", got, tt.want)
			}
		})
	}
}

func TestAttemptLimit(t *testing.T) {
	t.Parallel()
	tests := []struct{ riverMax, want int }{{0, maxAttempts}, {1, 1}, {3, 3}, {25, maxAttempts}}
	for _, tt := range tests {
		if got := attemptLimit(tt.riverMax); got != tt.want {
			t.Errorf("attemptLimit(%d) = %d, want %d", tt.riverMax, got, tt.want)
		}
	}
}
