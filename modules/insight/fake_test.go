package insight

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

// step is one scripted response of the fake model server.
type step struct {
	// status is the HTTP status; 0 means 200 with a completion of reply.
	status int
	header map[string]string
	// retryAt, when set, sends Retry-After as the HTTP date this long
	// after the request arrives.
	retryAt time.Duration
	// body is the JSON body of an error status.
	body  string
	reply string
	// hang accepts the request and never responds.
	hang bool
}

// fakeModel is a loopback server that speaks the chat completions
// protocol. It responds to request n with script[n], repeating the last step,
// and records every request body.
type fakeModel struct {
	srv     *httptest.Server
	script  []step
	release chan struct{}

	mu     sync.Mutex
	bodies []string
}

func newFakeModel(t *testing.T, script ...step) *fakeModel {
	t.Helper()
	f := &fakeModel{script: script, release: make(chan struct{})}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(func() {
		close(f.release)
		f.srv.Close()
	})
	return f
}

// URL returns the base URL to put in Config.BaseURL.
func (f *fakeModel) URL() string { return f.srv.URL + "/v1" }

// Requests returns the bodies of the requests received so far.
func (f *fakeModel) Requests() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.bodies...)
}

func (f *fakeModel) serve(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost || r.URL.Path != "/v1/chat/completions" {
		http.Error(w, `{"error":{"message":"not found","code":"not_found"}}`, http.StatusNotFound)
		return
	}
	body, _ := io.ReadAll(r.Body)
	f.mu.Lock()
	n := len(f.bodies)
	f.bodies = append(f.bodies, string(body))
	f.mu.Unlock()

	s := f.script[min(n, len(f.script)-1)]
	switch {
	case s.hang:
		select {
		case <-r.Context().Done():
		case <-f.release:
		}
	case s.status != 0 && s.status != http.StatusOK:
		for k, v := range s.header {
			w.Header().Set(k, v)
		}
		if s.retryAt > 0 {
			w.Header().Set("Retry-After", time.Now().Add(s.retryAt).UTC().Format(http.TimeFormat))
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(s.status)
		_, _ = io.WriteString(w, s.body)
	default:
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(completion(s.reply))
	}
}

// completion returns a chat completion body with one choice and usage.
func completion(reply string) map[string]any {
	return map[string]any{
		"id": "chatcmpl-test", "object": "chat.completion", "created": 1700000000,
		"model": testModel,
		"choices": []map[string]any{{
			"index": 0, "finish_reason": "stop", "logprobs": nil,
			"message": map[string]any{"role": "assistant", "content": reply, "refusal": nil},
		}},
		"usage": map[string]any{"prompt_tokens": 120, "completion_tokens": 15, "total_tokens": 135},
	}
}

// apiError returns an OpenAI error body.
func apiError(code, message string) string {
	b, _ := json.Marshal(map[string]any{"error": map[string]any{
		"message": message, "type": code, "code": code, "param": nil,
	}})
	return string(b)
}
