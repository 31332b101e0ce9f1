package pgtest

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"
	"time"

	"emma/modules/pgserver"
	"github.com/jackc/pgx/v5/pgxpool"
)

const (
	// startTimeout bounds starting or stopping the private server,
	// including initdb.
	startTimeout = 2 * time.Minute

	// adminConns is the size of the pool that creates and drops databases.
	adminConns = 4
)

// server is the PostgreSQL server that the harness creates databases on: a
// private server in a temporary directory, or an external one named by a URL.
type server struct {
	external bool
	url      string           // external server only
	private  *pgserver.Server // private server only
	dir      string           // DataDir of the private server
	admin    *pgxpool.Pool    // runs CREATE and DROP DATABASE
}

// startPrivate starts a server that trades durability for speed, because
// its data lives only as long as the test binary.
func startPrivate(ctx context.Context) (server, error) {
	dir, err := os.MkdirTemp("", "emma-pgtest-")
	if err != nil {
		return server{}, fmt.Errorf("create server directory: %w", err)
	}

	srv, err := pgserver.Start(ctx, pgserver.Config{
		DataDir: dir,
		Settings: map[string]string{
			"fsync":              "off",
			"synchronous_commit": "off",
			"full_page_writes":   "off",
		},
	})
	if err != nil {
		os.RemoveAll(dir)
		return server{}, err
	}

	s := server{private: srv, dir: dir}
	if s.admin, err = newAdminPool(ctx, srv.DSN("postgres")); err != nil {
		return server{}, errors.Join(err, s.stop())
	}
	return s, nil
}

func connectExternal(ctx context.Context, url string) (server, error) {
	admin, err := newAdminPool(ctx, url)
	if err != nil {
		return server{}, fmt.Errorf("%s: %w", externalURLEnv, err)
	}
	return server{external: true, url: url, admin: admin}, nil
}

func newAdminPool(ctx context.Context, dsn string) (*pgxpool.Pool, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("parse DSN: %w", err)
	}
	cfg.MaxConns = adminConns

	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("connect: %w", err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("connect: %w", err)
	}
	return pool, nil
}

func (s server) dsn(database string) string {
	if s.private != nil {
		return s.private.DSN(database)
	}
	return databaseDSN(s.url, database)
}

func (s server) exec(ctx context.Context, sql string) error {
	_, err := s.admin.Exec(ctx, sql)
	return err
}

// stop stops the private server and removes its directory. An external
// server is left running.
func (s server) stop() error {
	if s.private == nil {
		return nil
	}

	ctx, cancel := context.WithTimeout(context.Background(), startTimeout)
	defer cancel()
	if err := s.private.Stop(ctx); err != nil {
		return err
	}
	if err := os.RemoveAll(s.dir); err != nil {
		return fmt.Errorf("remove server directory: %w", err)
	}
	return nil
}

// databaseDSN returns base with its database replaced. base is a URL
// (postgres://...) or a keyword/value string, in which a later dbname
// overrides an earlier one.
func databaseDSN(base, database string) string {
	if strings.HasPrefix(base, "postgres://") || strings.HasPrefix(base, "postgresql://") {
		u, err := url.Parse(base)
		if err == nil {
			u.Path = "/" + database
			u.RawPath = ""
			return u.String()
		}
	}
	return base + " dbname='" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(database) + "'"
}
