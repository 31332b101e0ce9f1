package db_test

import (
	"context"
	"log/slog"
	"os"
	"strings"
	"sync"
	"testing"

	"emma/modules/db"
	"emma/modules/pgserver/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

var quiet = slog.New(slog.DiscardHandler)

// emptyDatabase returns a database with no schema at all.
func emptyDatabase(t *testing.T) string {
	t.Helper()
	return pgtest.Open(t, func(context.Context, string) error { return nil })
}

func TestMigrateTwiceIsNoOp(t *testing.T) {
	dsn := emptyDatabase(t)
	ctx := context.Background()
	for i := range 2 {
		if err := db.Migrate(ctx, dsn, quiet); err != nil {
			t.Fatalf("migrate run %d: %v", i+1, err)
		}
	}
	st, err := db.CurrentStatus(ctx, dsn, quiet)
	if err != nil {
		t.Fatalf("status: %v", err)
	}
	if st.Version != 4 || st.Dirty || st.RiverVersion == 0 {
		t.Errorf("got status %+v, want version 4, clean, river migrated", st)
	}
	if err := db.CheckCurrent(ctx, dsn, quiet); err != nil {
		t.Errorf("check current: %v", err)
	}
}

func TestConcurrentMigrationsDoNotRace(t *testing.T) {
	dsn := emptyDatabase(t)
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = db.Migrate(context.Background(), dsn, quiet)
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("migration %d: %v", i, err)
		}
	}
}

func TestMigrateDownThenUp(t *testing.T) {
	dsn := emptyDatabase(t)
	ctx := context.Background()
	if err := db.Migrate(ctx, dsn, quiet); err != nil {
		t.Fatalf("migrate: %v", err)
	}
	if err := db.MigrateDown(ctx, dsn, quiet); err != nil {
		t.Fatalf("migrate down: %v", err)
	}
	err := db.CheckCurrent(ctx, dsn, quiet)
	if err == nil || !strings.Contains(err.Error(), "emma migrate up") {
		t.Errorf("after down: got %v, want an error naming `emma migrate up`", err)
	}
	if err := db.Migrate(ctx, dsn, quiet); err != nil {
		t.Fatalf("migrate up again: %v", err)
	}
	if err := db.CheckCurrent(ctx, dsn, quiet); err != nil {
		t.Errorf("after up: %v", err)
	}
}
