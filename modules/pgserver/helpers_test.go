package pgserver

import (
	"bytes"
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// startTimeout bounds each Start and Stop in these tests.
const startTimeout = 2 * time.Minute

// fastSettings returns settings that trade durability, which tests do not
// need, for speed.
func fastSettings() map[string]string {
	return map[string]string{
		"fsync":              "off",
		"synchronous_commit": "off",
		"full_page_writes":   "off",
	}
}

func TestMain(m *testing.M) {
	if dir := os.Getenv(helperDataDirEnv); dir != "" {
		runHelper(dir) // exits
	}
	os.Exit(m.Run())
}

// newDataDir returns a path for a new DataDir inside a fresh directory of
// mode 0711, so that the postgres user can reach it when the tests run as
// root. The parent of t.TempDir() has mode 0700, so it does not fit.
func newDataDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "pgserver-test-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })

	if err := os.Chmod(dir, 0o711); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, "data")
}

// syncBuffer is a bytes.Buffer safe for the goroutine that copies
// postgres's stderr.
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

func testConfig(dataDir string, logs *syncBuffer) Config {
	return Config{
		DataDir:  dataDir,
		Logger:   slog.New(slog.NewTextHandler(logs, nil)),
		Database: "emma",
		Settings: fastSettings(),
	}
}

// startServer starts a server and stops it when the test ends.
func startServer(t *testing.T, cfg Config) *Server {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), startTimeout)
	defer cancel()

	s, err := Start(ctx, cfg)
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	t.Cleanup(func() { stopServer(t, s) })
	return s
}

func stopServer(t *testing.T, s *Server) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), startTimeout)
	defer cancel()

	if err := s.Stop(ctx); err != nil {
		t.Errorf("Stop: %v", err)
	}
}

// execSQL runs statements over a new connection to dsn.
func execSQL(t *testing.T, dsn string, statements ...string) {
	t.Helper()
	conn, err := pgx.Connect(t.Context(), dsn)
	if err != nil {
		t.Fatalf("connect %s: %v", dsn, err)
	}
	defer conn.Close(context.Background())

	for _, stmt := range statements {
		if _, err := conn.Exec(t.Context(), stmt); err != nil {
			t.Fatalf("exec %q: %v", stmt, err)
		}
	}
}

// queryString returns the single text value that query selects.
func queryString(t *testing.T, dsn, query string) string {
	t.Helper()
	conn, err := pgx.Connect(t.Context(), dsn)
	if err != nil {
		t.Fatalf("connect %s: %v", dsn, err)
	}
	defer conn.Close(context.Background())

	var got string
	if err := conn.QueryRow(t.Context(), query).Scan(&got); err != nil {
		t.Fatalf("query %q: %v", query, err)
	}
	return got
}
