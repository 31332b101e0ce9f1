package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"strings"

	"github.com/golang-migrate/migrate/v4"
	migratepgx "github.com/golang-migrate/migrate/v4/database/pgx/v5"
	"github.com/golang-migrate/migrate/v4/source/iofs"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivermigrate"

	"emma/migrations"
)

// migrationLockKey is the advisory lock that serialises migrations: when
// several processes start at once on a fresh database, one applies the
// migrations and the others wait, then find nothing left to do.
const migrationLockKey = 0x656d6d61 // "emma"

// Status is the schema version of Emma's tables and River's tables.
type Status struct {
	Version      uint
	Dirty        bool
	RiverVersion int
}

// Migrate applies River's and Emma's pending migrations. It is a no-op when
// both are current.
func Migrate(ctx context.Context, dsn string, log *slog.Logger) error {
	return withLock(ctx, dsn, func(pool *pgxpool.Pool) error {
		migrator, err := newRiverMigrator(pool, log)
		if err != nil {
			return err
		}
		res, err := migrator.Migrate(ctx, rivermigrate.DirectionUp, nil)
		if err != nil {
			return fmt.Errorf("apply river migrations: %w", err)
		}
		for _, v := range res.Versions {
			log.Info("applied river migration", "version", v.Version, "name", v.Name)
		}
		return runOwn(pool, log, func(m *migrate.Migrate) error {
			if err := m.Up(); err != nil && !errors.Is(err, migrate.ErrNoChange) {
				return fmt.Errorf("apply migrations: %w", err)
			}
			return nil
		})
	})
}

// MigrateDown rolls back Emma's newest applied migration. River's tables
// are left alone.
func MigrateDown(ctx context.Context, dsn string, log *slog.Logger) error {
	return withLock(ctx, dsn, func(pool *pgxpool.Pool) error {
		return runOwn(pool, log, func(m *migrate.Migrate) error {
			err := m.Steps(-1)
			if errors.Is(err, migrate.ErrNoChange) || errors.Is(err, migrate.ErrNilVersion) {
				return errors.New("no migration to roll back")
			}
			if err != nil {
				return fmt.Errorf("roll back migration: %w", err)
			}
			return nil
		})
	})
}

// CurrentStatus reports the applied schema versions.
func CurrentStatus(ctx context.Context, dsn string, log *slog.Logger) (Status, error) {
	var st Status
	err := withLock(ctx, dsn, func(pool *pgxpool.Pool) error {
		migrator, err := newRiverMigrator(pool, log)
		if err != nil {
			return err
		}
		versions, err := migrator.ExistingVersions(ctx)
		if err != nil {
			return fmt.Errorf("read river migrations: %w", err)
		}
		if len(versions) > 0 {
			st.RiverVersion = versions[len(versions)-1].Version
		}
		return runOwn(pool, log, func(m *migrate.Migrate) error {
			v, dirty, err := m.Version()
			if err != nil && !errors.Is(err, migrate.ErrNilVersion) {
				return fmt.Errorf("read version: %w", err)
			}
			st.Version, st.Dirty = v, dirty
			return nil
		})
	})
	return st, err
}

func newRiverMigrator(pool *pgxpool.Pool, log *slog.Logger) (*rivermigrate.Migrator[pgx.Tx], error) {
	m, err := rivermigrate.New(riverpgxv5.New(pool), &rivermigrate.Config{Logger: log})
	if err != nil {
		return nil, fmt.Errorf("create river migrator: %w", err)
	}
	return m, nil
}

// withLock runs fn while holding the migration advisory lock on a
// dedicated connection.
func withLock(ctx context.Context, dsn string, fn func(*pgxpool.Pool) error) error {
	pool, err := pgxpool.New(ctx, dsn)
	if err != nil {
		return fmt.Errorf("connect for migrations: %w", err)
	}
	defer pool.Close()
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("connect for migrations: %w", err)
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, "SELECT pg_advisory_lock($1)", migrationLockKey); err != nil {
		return fmt.Errorf("take migration lock: %w", err)
	}
	defer func() {
		// A failed unlock is harmless: the lock ends with the session.
		_, _ = conn.Exec(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock($1)", migrationLockKey)
	}()
	return fn(pool)
}

func runOwn(pool *pgxpool.Pool, log *slog.Logger, fn func(*migrate.Migrate) error) error {
	sqlDB := stdlib.OpenDBFromPool(pool)
	defer sqlDB.Close()
	m, err := newOwnMigrator(sqlDB)
	if err != nil {
		return err
	}
	// Close returns the connection the driver holds to the pool.
	defer m.Close()
	m.Log = migrateLogger{log}
	return fn(m)
}

func newOwnMigrator(sqlDB *sql.DB) (*migrate.Migrate, error) {
	src, err := iofs.New(migrations.FS, ".")
	if err != nil {
		return nil, fmt.Errorf("read embedded migrations: %w", err)
	}
	driver, err := migratepgx.WithInstance(sqlDB, &migratepgx.Config{MigrationsTable: "emma_schema_migrations"})
	if err != nil {
		return nil, fmt.Errorf("prepare migrations: %w", err)
	}
	m, err := migrate.NewWithInstance("iofs", src, "pgx5", driver)
	if err != nil {
		return nil, fmt.Errorf("prepare migrations: %w", err)
	}
	return m, nil
}

// migrateLogger forwards golang-migrate's messages to slog.
type migrateLogger struct{ log *slog.Logger }

func (l migrateLogger) Printf(format string, v ...any) {
	l.log.Info("migrate: " + strings.TrimSpace(fmt.Sprintf(format, v...)))
}

func (l migrateLogger) Verbose() bool { return false }

// CheckCurrent returns an error naming the fix when the database's schema
// is behind this binary's migrations.
func CheckCurrent(ctx context.Context, dsn string, log *slog.Logger) error {
	st, err := CurrentStatus(ctx, dsn, log)
	if err != nil {
		return err
	}
	latest, err := latestVersion()
	if err != nil {
		return err
	}
	if st.Dirty || st.Version < latest {
		return fmt.Errorf("database schema is at version %d (dirty: %t) but this binary needs %d; run `emma migrate up` first",
			st.Version, st.Dirty, latest)
	}
	riverLatest, err := latestRiverVersion()
	if err != nil {
		return err
	}
	if st.RiverVersion < riverLatest {
		return fmt.Errorf("river schema is at version %d but this binary needs %d; run `emma migrate up` first",
			st.RiverVersion, riverLatest)
	}
	return nil
}

// latestRiverVersion is the newest River migration this binary carries.
// Listing them needs no connection, so a nil pool is enough.
func latestRiverVersion() (int, error) {
	migrator, err := newRiverMigrator(nil, slog.New(slog.DiscardHandler))
	if err != nil {
		return 0, err
	}
	all := migrator.AllVersions()
	if len(all) == 0 {
		return 0, nil
	}
	return all[len(all)-1].Version, nil
}

func latestVersion() (uint, error) {
	src, err := iofs.New(migrations.FS, ".")
	if err != nil {
		return 0, fmt.Errorf("read embedded migrations: %w", err)
	}
	defer src.Close()
	v, err := src.First()
	if err != nil {
		return 0, fmt.Errorf("read embedded migrations: %w", err)
	}
	for {
		next, err := src.Next(v)
		if err != nil {
			return v, nil
		}
		v = next
	}
}
