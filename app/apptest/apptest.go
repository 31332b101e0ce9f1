// Package apptest starts a complete Emma process for tests: a fresh
// database from the shared test server, River workers, the HTTP server on
// a loopback port, and a client with a cookie jar.
package apptest

import (
	"bytes"
	"context"
	"log/slog"
	"net"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"emma/app"
	"emma/config"
	"emma/modules/db/dbtest"
)

// TicketSecret is the ticket signing secret of every test server.
const TicketSecret = "apptest-ticket-secret-0123456789abcdef"

// Options adjust a test server.
type Options struct {
	// Role defaults to all.
	Role app.Role
	// DSN reuses an existing database, for several processes on one
	// database; empty creates a fresh one.
	DSN string
	// Env overrides configuration variables, such as OPENAI_BASE_URL.
	Env map[string]string
	// DataDir, when set, runs the embedded Postgres there instead of
	// using a database of the shared test server.
	DataDir string
}

// Server is a running Emma process.
type Server struct {
	URL    string
	DSN    string
	Config *config.Config
	App    *app.App
	logs   *syncBuffer
	closed bool
}

// Start runs Emma until the test ends. Its log is printed when the test
// fails, or always with EMMA_TEST_LOGS=1.
func Start(tb testing.TB, opts Options) *Server {
	tb.Helper()
	dsn := opts.DSN
	if dsn == "" && opts.DataDir == "" {
		dsn = NewDatabase(tb)
	}
	role := opts.Role
	if role == "" {
		role = app.RoleAll
	}
	addr := freeAddr(tb)
	env := map[string]string{
		"DATABASE_URL":                  dsn,
		"EMMA_HTTP_ADDR":                addr,
		"EMMA_PUBLIC_URL":               "http://" + addr,
		"EMMA_TICKET_SECRET":            TicketSecret,
		"EMMA_LOG_LEVEL":                "debug",
		"EMMA_SHUTDOWN_TIMEOUT_SECONDS": "10",
	}
	if opts.DataDir != "" {
		delete(env, "EMMA_TICKET_SECRET")
		env["EMMA_DATA_DIR"] = opts.DataDir
	}
	for k, v := range opts.Env {
		env[k] = v
	}
	cfg, err := config.Load(func(k string) string { return env[k] })
	if err != nil {
		tb.Fatalf("load config: %v", err)
	}
	logs := &syncBuffer{}
	log := slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	a, err := app.New(cfg, role, log)
	if err != nil {
		tb.Fatalf("create app: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := a.Start(ctx); err != nil {
		tb.Fatalf("start app: %v\n%s", err, logs.String())
	}
	s := &Server{URL: "http://" + addr, DSN: dsn, Config: cfg, App: a, logs: logs}
	tb.Cleanup(func() {
		s.Stop(tb)
		if tb.Failed() || os.Getenv("EMMA_TEST_LOGS") == "1" {
			tb.Logf("emma log (%s):\n%s", role, logs.String())
		}
	})
	return s
}

// Stop shuts the process down gracefully; later calls do nothing.
func (s *Server) Stop(tb testing.TB) {
	tb.Helper()
	s.StopWithin(tb, 20*time.Second)
}

// StopWithin shuts the process down under a deadline of d, as SIGTERM
// does with EMMA_SHUTDOWN_TIMEOUT_SECONDS.
func (s *Server) StopWithin(tb testing.TB, d time.Duration) {
	tb.Helper()
	if s.closed {
		return
	}
	s.closed = true
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	if err := s.App.Close(ctx); err != nil {
		tb.Errorf("stop app: %v", err)
	}
}

// Logs returns what the process has logged so far.
func (s *Server) Logs() string { return s.logs.String() }

// NewDatabase returns the DSN of a fresh, migrated database.
func NewDatabase(tb testing.TB) string {
	tb.Helper()
	return dbtest.DSN(tb)
}

// freeAddr returns a loopback address with a port that was free a moment
// ago. The public URL must be known before the server starts, so port 0
// cannot be used directly.
func freeAddr(tb testing.TB) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatalf("find free port: %v", err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// Contains reports whether the log has a line containing s.
func (s *Server) Contains(sub string) bool { return strings.Contains(s.logs.String(), sub) }
