package config

import (
	"strings"
	"testing"
	"time"
)

func env(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func TestLoadDefaults(t *testing.T) {
	cfg, err := Load(env(map[string]string{"HOME": "/home/x"}))
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	if !cfg.Embedded() {
		t.Error("got external database, want embedded without DATABASE_URL")
	}
	if cfg.HTTPAddr != DefaultHTTPAddr {
		t.Errorf("got addr %q, want %q", cfg.HTTPAddr, DefaultHTTPAddr)
	}
	if cfg.Origin() != "http://localhost:8080" {
		t.Errorf("got origin %q, want http://localhost:8080", cfg.Origin())
	}
	if cfg.SecureCookies() {
		t.Error("got secure cookies for an http URL")
	}
	if cfg.FetchCooldown != time.Millisecond || cfg.FetchPollInterval != 50*time.Millisecond {
		t.Errorf("got fetch %v/%v, want 1ms/50ms", cfg.FetchCooldown, cfg.FetchPollInterval)
	}
	if cfg.OpenAIModel != "gpt-4o-mini" {
		t.Errorf("got model %q, want gpt-4o-mini", cfg.OpenAIModel)
	}
}

func TestLoadNamesMalformedVariables(t *testing.T) {
	cases := []struct {
		name, key, value string
	}{
		{"concurrency not a number", "EMMA_WORKER_CONCURRENCY", "many"},
		{"concurrency zero", "EMMA_WORKER_CONCURRENCY", "0"},
		{"public url without scheme", "EMMA_PUBLIC_URL", "emma.example.com"},
		{"log level", "EMMA_LOG_LEVEL", "loud"},
		{"log format", "EMMA_LOG_FORMAT", "xml"},
		{"timeout", "EMMA_JOB_TIMEOUT_SECONDS", "-3"},
		{"openai url", "OPENAI_BASE_URL", "ftp://x"},
		{"short secret", "EMMA_TICKET_SECRET", "short"},
		{"database url scheme", "DATABASE_URL", "mysql://u@h/db"},
		{"timeout overflow", "EMMA_JOB_TIMEOUT_SECONDS", "10000000000"},
		{"cooldown above poll interval", "EMMA_FETCH_COOLDOWN_MS", "500"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Load(env(map[string]string{tc.key: tc.value}))
			if err == nil {
				t.Fatalf("got no error for %s=%q", tc.key, tc.value)
			}
			if !strings.Contains(err.Error(), tc.key) {
				t.Errorf("error %q does not name %s", err, tc.key)
			}
		})
	}
}

func TestLoadHTTPSPublicURL(t *testing.T) {
	cfg, err := Load(env(map[string]string{"EMMA_PUBLIC_URL": "https://emma.example.com/"}))
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	if !cfg.SecureCookies() {
		t.Error("got insecure cookies for an https URL")
	}
	if cfg.Origin() != "https://emma.example.com" {
		t.Errorf("got origin %q", cfg.Origin())
	}
}

func TestLogAttrsHideSecrets(t *testing.T) {
	cfg, err := Load(env(map[string]string{
		"OPENAI_API_KEY": "sk-secret-value", "EMMA_TICKET_SECRET": strings.Repeat("s", 40),
	}))
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	for _, a := range cfg.LogAttrs() {
		if s, ok := a.(string); ok && (strings.Contains(s, "sk-secret") || strings.Contains(s, "sssss")) {
			t.Errorf("log attributes contain a secret: %q", s)
		}
	}
}
