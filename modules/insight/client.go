package insight

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/option"
)

// DefaultBaseURL is the OpenAI API, used when Config.BaseURL is empty.
const DefaultBaseURL = "https://api.openai.com/v1/"

// Bounds of the delay taken from a 429 reply's Retry-After header.
const (
	defaultRetryAfter = 10 * time.Second
	minRetryAfter     = time.Second
	maxRetryAfter     = 60 * time.Second
)

// failureKind is the handling that a failed model call gets.
type failureKind int

const (
	// failRetry is a timeout, a network error, 408, 409 or 5xx: River
	// runs the job again, up to the attempt limit.
	failRetry failureKind = iota
	// failRateLimited is a 429: the job is snoozed for the Retry-After
	// delay, up to the snooze limit.
	failRateLimited
	// failPermanent is any other 4xx, or a 429 for insufficient_quota:
	// another try would fail the same way, so the facts sentence is stored.
	failPermanent
)

// callFailure describes a failed model call.
type callFailure struct {
	kind failureKind
	// reason is a short code for notes and logs: "timeout",
	// "network_error", "insufficient_quota" or "http_" and the status.
	reason string
	// retryAfter is the delay that a 429 reply requested, within
	// [minRetryAfter, maxRetryAfter].
	retryAfter time.Duration
}

// reply is a model's completion text with the token counts that the
// service reported.
type reply struct {
	text             string
	promptTokens     int64
	completionTokens int64
}

// newClient returns a chat client that makes exactly one HTTP request per
// call: the SDK's own retries are off because River retries the job.
func newClient(cfg Config) openai.Client {
	base := cfg.BaseURL
	if base == "" {
		base = DefaultBaseURL
	}
	return openai.NewClient(
		option.WithAPIKey(cfg.APIKey),
		option.WithBaseURL(base),
		option.WithMaxRetries(0),
		option.WithRequestTimeout(cfg.Timeout),
	)
}

// complete sends the prompt and returns the first choice's text.
func (w *Worker) complete(ctx context.Context, prompt string) (reply, error) {
	ctx, cancel := context.WithTimeout(ctx, w.cfg.Timeout)
	defer cancel()
	res, err := w.client.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{
		Model: w.cfg.Model,
		Messages: []openai.ChatCompletionMessageParamUnion{
			openai.SystemMessage(systemPrompt),
			openai.UserMessage(prompt),
		},
		MaxCompletionTokens: openai.Int(maxCompletionTokens),
	})
	if err != nil {
		return reply{}, fmt.Errorf("chat completion: %w", err)
	}
	r := reply{promptTokens: res.Usage.PromptTokens, completionTokens: res.Usage.CompletionTokens}
	if len(res.Choices) > 0 {
		r.text = strings.TrimSpace(res.Choices[0].Message.Content)
	}
	return r, nil
}

// classify decides how to handle err from complete. now is the time used
// to turn an HTTP date in Retry-After into a delay.
func classify(err error, now time.Time) callFailure {
	var apiErr *openai.Error
	if !errors.As(err, &apiErr) {
		if errors.Is(err, context.DeadlineExceeded) || isTimeout(err) {
			return callFailure{kind: failRetry, reason: "timeout"}
		}
		return callFailure{kind: failRetry, reason: "network_error"}
	}
	status := apiErr.StatusCode
	reason := "http_" + strconv.Itoa(status)
	switch {
	case apiErr.Code == "insufficient_quota":
		return callFailure{kind: failPermanent, reason: "insufficient_quota"}
	case status == http.StatusTooManyRequests:
		return callFailure{kind: failRateLimited, reason: reason, retryAfter: retryAfter(apiErr.Response, now)}
	case status == http.StatusRequestTimeout, status == http.StatusConflict, status >= 500:
		return callFailure{kind: failRetry, reason: reason}
	default:
		return callFailure{kind: failPermanent, reason: reason}
	}
}

// isTimeout reports whether err is a network timeout, such as the SDK's
// per-request timeout.
func isTimeout(err error) bool {
	var t interface{ Timeout() bool }
	return errors.As(err, &t) && t.Timeout()
}

// retryAfter reads the delay from a 429 response: retry-after-ms, which
// OpenAI sends, or Retry-After in seconds or as an HTTP date. A missing or
// malformed value gives defaultRetryAfter, and the result is clamped to
// [minRetryAfter, maxRetryAfter].
func retryAfter(res *http.Response, now time.Time) time.Duration {
	d := defaultRetryAfter
	if res != nil {
		if parsed, ok := parseRetryAfter(res.Header, now); ok {
			d = parsed
		}
	}
	return min(max(d, minRetryAfter), maxRetryAfter)
}

func parseRetryAfter(h http.Header, now time.Time) (time.Duration, bool) {
	// Values are compared with the cap before conversion, because a huge
	// number would overflow time.Duration.
	if ms, err := strconv.ParseFloat(h.Get("Retry-After-Ms"), 64); err == nil && ms >= 0 {
		if ms > float64(maxRetryAfter/time.Millisecond) {
			return maxRetryAfter, true
		}
		return time.Duration(ms * float64(time.Millisecond)), true
	}
	raw := strings.TrimSpace(h.Get("Retry-After"))
	if secs, err := strconv.Atoi(raw); err == nil && secs >= 0 {
		if secs > int(maxRetryAfter/time.Second) {
			return maxRetryAfter, true
		}
		return time.Duration(secs) * time.Second, true
	}
	if at, err := http.ParseTime(raw); err == nil {
		return at.Sub(now), true
	}
	return 0, false
}
