package pgtest_test

import (
	"context"
	"fmt"
	"os"
	"sync/atomic"
	"testing"

	"emma/modules/pgserver/pgtest"
	"github.com/jackc/pgx/v5"
)

func TestMain(m *testing.M) {
	os.Exit(pgtest.Main(m))
}

// setupCalls counts runs of migrate. The template is built once per test
// binary, so the count is shared by all tests here.
var setupCalls atomic.Int32

// migrate creates one table in place of the migrations that real packages
// apply.
func migrate(ctx context.Context, dsn string) error {
	setupCalls.Add(1)
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)

	_, err = conn.Exec(ctx, "CREATE TABLE migrated (id int PRIMARY KEY)")
	return err
}

func connect(t *testing.T, dsn string) *pgx.Conn {
	t.Helper()
	conn, err := pgx.Connect(t.Context(), dsn)
	if err != nil {
		t.Fatalf("connect %s: %v", dsn, err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

// tableExists reports whether table is visible on conn.
func tableExists(t *testing.T, conn *pgx.Conn, table string) bool {
	t.Helper()
	var exists bool
	err := conn.QueryRow(t.Context(), "SELECT to_regclass($1) IS NOT NULL", table).Scan(&exists)
	if err != nil {
		t.Fatalf("look up table %s: %v", table, err)
	}
	return exists
}

func TestOpenIsolatesDatabases(t *testing.T) {
	first := connect(t, pgtest.Open(t, migrate))
	second := connect(t, pgtest.Open(t, migrate))

	if _, err := first.Exec(t.Context(), "CREATE TABLE only_in_first (v text)"); err != nil {
		t.Fatal(err)
	}
	if _, err := first.Exec(t.Context(), "INSERT INTO migrated VALUES (1)"); err != nil {
		t.Fatal(err)
	}

	if tableExists(t, second, "only_in_first") {
		t.Error("table only_in_first: got present in second database, want absent")
	}
	var rows int
	if err := second.QueryRow(t.Context(), "SELECT count(*) FROM migrated").Scan(&rows); err != nil {
		t.Fatal(err)
	}
	if rows != 0 {
		t.Errorf("migrated in second database: got %d rows, want 0", rows)
	}
}

func TestOpenParallel(t *testing.T) {
	for i := range 8 {
		t.Run(fmt.Sprintf("database %d", i), func(t *testing.T) {
			t.Parallel()
			conn := connect(t, pgtest.Open(t, migrate))
			if !tableExists(t, conn, "migrated") {
				t.Error("table migrated: got absent, want cloned from template")
			}
			if _, err := conn.Exec(t.Context(), "INSERT INTO migrated VALUES (1)"); err != nil {
				t.Errorf("insert: %v", err)
			}
		})
	}
	t.Cleanup(func() {
		if got := setupCalls.Load(); got != 1 {
			t.Errorf("got %d setup calls, want 1", got)
		}
	})
}

func TestOpenDropsDatabase(t *testing.T) {
	var name string
	t.Run("open", func(t *testing.T) {
		conn := connect(t, pgtest.Open(t, migrate))
		if err := conn.QueryRow(t.Context(), "SELECT current_database()").Scan(&name); err != nil {
			t.Fatal(err)
		}
	})

	admin := connect(t, pgtest.ServerDSN(t, "postgres"))
	var exists bool
	err := admin.QueryRow(t.Context(),
		"SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", name).Scan(&exists)
	if err != nil {
		t.Fatal(err)
	}
	if exists {
		t.Errorf("database %s: got present after its test ended, want dropped", name)
	}
}
