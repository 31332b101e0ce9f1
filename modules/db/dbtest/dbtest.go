// Package dbtest gives tests a fresh, migrated database on the test
// binary's private Postgres. Test binaries that use it call pgtest.Main
// from TestMain.
package dbtest

import (
	"context"
	"log/slog"
	"testing"

	"emma/modules/db"
	"emma/modules/pgserver/pgtest"
)

// DSN returns the connection string of a fresh database with every
// migration applied. The database is dropped when the test ends.
func DSN(tb testing.TB) string {
	tb.Helper()
	return pgtest.Open(tb, func(ctx context.Context, dsn string) error {
		return db.Migrate(ctx, dsn, slog.New(slog.DiscardHandler))
	})
}

// Open returns connections to a fresh, migrated database, closed when the
// test ends.
func Open(tb testing.TB) *db.DB {
	tb.Helper()
	d, err := db.Open(context.Background(), DSN(tb), 8, slog.New(slog.DiscardHandler))
	if err != nil {
		tb.Fatalf("open test database: %v", err)
	}
	tb.Cleanup(d.Close)
	return d
}
