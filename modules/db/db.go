// Package db opens Emma's Postgres connections and applies migrations.
package db

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
)

// DB bundles the pgx pool, which River's workers and the LISTEN connection
// use, with a GORM handle and a database/sql handle over the same pool.
type DB struct {
	Pool *pgxpool.Pool
	SQL  *sql.DB
	Gorm *gorm.DB
}

// Open connects to dsn and pings the server.
func Open(ctx context.Context, dsn string, maxConns int32, log *slog.Logger) (*DB, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("parse database url: %w", err)
	}
	if maxConns > 0 {
		cfg.MaxConns = maxConns
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("create pool: %w", err)
	}
	pingCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := pool.Ping(pingCtx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("connect to database: %w", err)
	}
	sqlDB := stdlib.OpenDBFromPool(pool)
	gdb, err := gorm.Open(postgres.New(postgres.Config{Conn: sqlDB}), &gorm.Config{
		Logger:                 newGormLogger(log),
		SkipDefaultTransaction: true,
		TranslateError:         true,
	})
	if err != nil {
		_ = sqlDB.Close()
		pool.Close()
		return nil, fmt.Errorf("open gorm: %w", err)
	}
	return &DB{Pool: pool, SQL: sqlDB, Gorm: gdb}, nil
}

// Close releases every connection.
func (d *DB) Close() {
	_ = d.SQL.Close()
	d.Pool.Close()
}

// Ping checks that the database responds, for readiness probes.
func (d *DB) Ping(ctx context.Context) error {
	return d.Pool.Ping(ctx)
}
