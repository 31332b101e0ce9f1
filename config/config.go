// Package config loads Emma's settings from environment variables.
package config

import (
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// Defaults for every setting that has one.
const (
	DefaultHTTPAddr          = ":8080"
	DefaultPublicURL         = "http://localhost:8080"
	DefaultOpenAIModel       = "gpt-4o-mini"
	DefaultOpenAITimeout     = 10 * time.Second
	DefaultJobTimeout        = 60 * time.Second
	DefaultShutdownTimeout   = 30 * time.Second
	DefaultHeavyConcurrency  = 1
	DefaultHeavyPerUser      = 1
	DefaultInsightWorkers    = 20
	DefaultInsightDailyLimit = 200
	DefaultInsightPerMinute  = 60
	DefaultFetchCooldown     = time.Millisecond
	DefaultFetchPollInterval = 50 * time.Millisecond
	minTicketSecretLength    = 32
)

// Config is the complete runtime configuration. Every field comes from the
// environment variable named in its comment.
type Config struct {
	// DatabaseURL (DATABASE_URL) selects an external Postgres. When empty,
	// `serve --role=all` runs a private server in DataDir.
	DatabaseURL string
	// HTTPAddr (EMMA_HTTP_ADDR) is the listen address of the web role.
	HTTPAddr string
	// PublicURL (EMMA_PUBLIC_URL) is the address browsers use. WebSocket
	// upgrades and cookie-authenticated writes must come from its origin.
	PublicURL *url.URL
	// DataDir (EMMA_DATA_DIR) holds the private Postgres cluster and the
	// generated ticket secret.
	DataDir string
	// PGBinDir (EMMA_PG_BIN_DIR) names the directory with initdb and postgres.
	PGBinDir string
	// WorkerConcurrency (EMMA_WORKER_CONCURRENCY) is the number of light
	// compute jobs one worker process runs at once.
	WorkerConcurrency int
	// HeavyConcurrency (EMMA_HEAVY_CONCURRENCY) is the number of heavy
	// expression jobs (factorials, pi digits, factorisations) one worker
	// process runs at once.
	HeavyConcurrency int
	// HeavyPerUser (EMMA_HEAVY_PER_USER) is the number of heavy jobs of one
	// user that run at once across all worker processes; 0 means no limit.
	// Later heavy jobs of that user wait, so other users' heavy jobs go
	// first.
	HeavyPerUser int
	// InsightWorkers (EMMA_INSIGHT_WORKERS) is the number of insight jobs one
	// worker process runs at once. They mostly wait on the model API.
	InsightWorkers int
	// JobTimeout (EMMA_JOB_TIMEOUT_SECONDS) bounds one compute job.
	JobTimeout time.Duration
	// ShutdownTimeout (EMMA_SHUTDOWN_TIMEOUT_SECONDS) bounds a graceful stop.
	ShutdownTimeout time.Duration
	// FetchCooldown (EMMA_FETCH_COOLDOWN_MS) and FetchPollInterval
	// (EMMA_FETCH_POLL_INTERVAL_MS) tune how quickly River picks up jobs.
	FetchCooldown     time.Duration
	FetchPollInterval time.Duration
	// OpenAIKey (OPENAI_API_KEY) enables model-written insights.
	OpenAIKey string
	// OpenAIBaseURL (OPENAI_BASE_URL) points at an OpenAI-compatible server.
	OpenAIBaseURL string
	// OpenAIModel (EMMA_OPENAI_MODEL) is the chat model asked for insights.
	OpenAIModel string
	// OpenAITimeout (EMMA_OPENAI_TIMEOUT_SECONDS) bounds one model call.
	OpenAITimeout time.Duration
	// InsightDailyLimit (EMMA_INSIGHT_DAILY_LIMIT) is the number of model
	// insights one user gets per UTC day; later ones come from facts.
	InsightDailyLimit int
	// InsightPerMinute (EMMA_INSIGHT_PER_MINUTE) caps model calls per minute
	// across all users and processes.
	InsightPerMinute int
	// TicketSecret (EMMA_TICKET_SECRET) signs WebSocket tickets. It must be
	// at least 32 bytes and the same in every web process. When empty in
	// embedded mode, one is generated and kept in DataDir.
	TicketSecret []byte
	// LogLevel (EMMA_LOG_LEVEL) is debug, info, warn or error.
	LogLevel slog.Level
	// LogFormat (EMMA_LOG_FORMAT) is text or json.
	LogFormat string
}

// Embedded reports whether Emma runs its own Postgres.
func (c *Config) Embedded() bool { return c.DatabaseURL == "" }

// SecureCookies reports whether cookies get the Secure attribute.
func (c *Config) SecureCookies() bool { return c.PublicURL.Scheme == "https" }

// Origin returns the scheme and host that browsers send in Origin headers.
func (c *Config) Origin() string { return c.PublicURL.Scheme + "://" + c.PublicURL.Host }

// Load reads the configuration from getenv, usually os.Getenv. It returns
// every malformed variable in one error, each named with its fix.
func Load(getenv func(string) string) (*Config, error) {
	l := loader{getenv: getenv}
	cfg := &Config{
		DatabaseURL:       strings.TrimSpace(getenv("DATABASE_URL")),
		HTTPAddr:          l.str("EMMA_HTTP_ADDR", DefaultHTTPAddr),
		PublicURL:         l.publicURL("EMMA_PUBLIC_URL"),
		DataDir:           l.str("EMMA_DATA_DIR", defaultDataDir(getenv)),
		PGBinDir:          l.str("EMMA_PG_BIN_DIR", ""),
		WorkerConcurrency: l.positive("EMMA_WORKER_CONCURRENCY", defaultWorkers()),
		HeavyConcurrency:  l.positive("EMMA_HEAVY_CONCURRENCY", DefaultHeavyConcurrency),
		HeavyPerUser:      l.nonNegative("EMMA_HEAVY_PER_USER", DefaultHeavyPerUser),
		InsightWorkers:    l.positive("EMMA_INSIGHT_WORKERS", DefaultInsightWorkers),
		JobTimeout:        l.seconds("EMMA_JOB_TIMEOUT_SECONDS", DefaultJobTimeout),
		ShutdownTimeout:   l.seconds("EMMA_SHUTDOWN_TIMEOUT_SECONDS", DefaultShutdownTimeout),
		FetchCooldown:     l.millis("EMMA_FETCH_COOLDOWN_MS", DefaultFetchCooldown),
		FetchPollInterval: l.millis("EMMA_FETCH_POLL_INTERVAL_MS", DefaultFetchPollInterval),
		OpenAIKey:         strings.TrimSpace(getenv("OPENAI_API_KEY")),
		OpenAIBaseURL:     l.optionalURL("OPENAI_BASE_URL"),
		OpenAIModel:       l.str("EMMA_OPENAI_MODEL", DefaultOpenAIModel),
		OpenAITimeout:     l.seconds("EMMA_OPENAI_TIMEOUT_SECONDS", DefaultOpenAITimeout),
		InsightDailyLimit: l.nonNegative("EMMA_INSIGHT_DAILY_LIMIT", DefaultInsightDailyLimit),
		InsightPerMinute:  l.positive("EMMA_INSIGHT_PER_MINUTE", DefaultInsightPerMinute),
		TicketSecret:      l.secret("EMMA_TICKET_SECRET"),
		LogLevel:          l.level("EMMA_LOG_LEVEL"),
		LogFormat:         l.choice("EMMA_LOG_FORMAT", "text", "text", "json"),
	}
	if cfg.DatabaseURL != "" {
		l.checkDatabaseURL(cfg.DatabaseURL)
	}
	if cfg.FetchCooldown > cfg.FetchPollInterval {
		l.errs = append(l.errs, fmt.Errorf("EMMA_FETCH_COOLDOWN_MS (%d) must not exceed EMMA_FETCH_POLL_INTERVAL_MS (%d)",
			cfg.FetchCooldown.Milliseconds(), cfg.FetchPollInterval.Milliseconds()))
	}
	if len(l.errs) > 0 {
		return nil, fmt.Errorf("invalid configuration: %w", errors.Join(l.errs...))
	}
	return cfg, nil
}

// LogAttrs returns the settings worth logging at start, without secrets.
func (c *Config) LogAttrs() []any {
	return []any{
		"embedded_postgres", c.Embedded(),
		"http_addr", c.HTTPAddr,
		"public_url", c.PublicURL.String(),
		"data_dir", c.DataDir,
		"worker_concurrency", c.WorkerConcurrency,
		"heavy_concurrency", c.HeavyConcurrency,
		"insight_workers", c.InsightWorkers,
		"openai_key_set", c.OpenAIKey != "",
		"openai_model", c.OpenAIModel,
		"job_timeout", c.JobTimeout,
	}
}

// defaultWorkers is one light compute job per CPU: the work is CPU-bound,
// so more would only queue on the scheduler, and fewer would leave a core
// idle while jobs wait.
func defaultWorkers() int { return runtime.GOMAXPROCS(0) }

func defaultDataDir(getenv func(string) string) string {
	if dir := getenv("XDG_DATA_HOME"); dir != "" {
		return filepath.Join(dir, "emma")
	}
	if home, err := os.UserHomeDir(); err == nil {
		return filepath.Join(home, ".local", "share", "emma")
	}
	return "emma-data"
}

type loader struct {
	getenv func(string) string
	errs   []error
}

func (l *loader) fail(name, value, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	l.errs = append(l.errs, fmt.Errorf("%s=%q: %s", name, value, msg))
}

func (l *loader) str(name, def string) string {
	if v := strings.TrimSpace(l.getenv(name)); v != "" {
		return v
	}
	return def
}

func (l *loader) integer(name string, def, min int) int {
	raw := strings.TrimSpace(l.getenv(name))
	if raw == "" {
		return def
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n < min {
		l.fail(name, raw, "want a whole number of at least %d", min)
		return def
	}
	return n
}

func (l *loader) positive(name string, def int) int    { return l.integer(name, def, 1) }
func (l *loader) nonNegative(name string, def int) int { return l.integer(name, def, 0) }

// maxSeconds bounds duration settings at one week, far above any sensible
// value and far below where time.Duration overflows.
const maxSeconds = 7 * 24 * 3600

func (l *loader) seconds(name string, def time.Duration) time.Duration {
	n := l.bounded(name, int(def/time.Second), 1, maxSeconds)
	return time.Duration(n) * time.Second
}

func (l *loader) millis(name string, def time.Duration) time.Duration {
	n := l.bounded(name, int(def/time.Millisecond), 1, maxSeconds*1000)
	return time.Duration(n) * time.Millisecond
}

func (l *loader) bounded(name string, def, min, max int) int {
	n := l.integer(name, def, min)
	if n > max {
		l.fail(name, strconv.Itoa(n), "want at most %d", max)
		return def
	}
	return n
}

func (l *loader) choice(name, def string, allowed ...string) string {
	v := strings.ToLower(l.str(name, def))
	for _, a := range allowed {
		if v == a {
			return v
		}
	}
	l.fail(name, v, "want one of %s", strings.Join(allowed, ", "))
	return def
}

func (l *loader) level(name string) slog.Level {
	v := l.choice(name, "info", "debug", "info", "warn", "error")
	var lvl slog.Level
	_ = lvl.UnmarshalText([]byte(v)) // choice accepted only valid names
	return lvl
}

func (l *loader) publicURL(name string) *url.URL {
	raw := l.str(name, DefaultPublicURL)
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		l.fail(name, raw, "want an absolute http or https URL such as https://emma.example.com")
		u, _ = url.Parse(DefaultPublicURL)
	}
	return u
}

func (l *loader) optionalURL(name string) string {
	raw := strings.TrimSpace(l.getenv(name))
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		l.fail(name, raw, "want an absolute http or https URL such as https://api.openai.com/v1")
		return ""
	}
	return raw
}

func (l *loader) secret(name string) []byte {
	v := l.getenv(name)
	if v == "" {
		return nil
	}
	if len(v) < minTicketSecretLength {
		l.errs = append(l.errs, fmt.Errorf("%s: secret is %d bytes, want at least %d random bytes (for example from `openssl rand -hex 32`)",
			name, len(v), minTicketSecretLength))
		return nil
	}
	return []byte(v)
}

func (l *loader) checkDatabaseURL(raw string) {
	if strings.Contains(raw, "://") {
		u, err := url.Parse(raw)
		if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
			// The value may hold a password, so it is not echoed.
			l.errs = append(l.errs, errors.New("DATABASE_URL: want a postgres:// URL or a key=value connection string"))
		}
	}
}
