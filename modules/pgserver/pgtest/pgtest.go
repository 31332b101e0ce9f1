// Package pgtest gives tests isolated PostgreSQL databases. Each test
// binary starts one private server on first use, builds a template
// database once, and clones it for every Open.
//
// A package whose tests use Open or ServerDSN calls Main from TestMain:
//
//	func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }
//
// With EMMA_TEST_DATABASE_URL set, pgtest starts no server and creates its
// databases on that server instead. The URL's role needs the CREATEDB
// privilege, and its database serves only for administration.
package pgtest

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

const (
	// externalURLEnv names an existing server to use instead of a private one.
	externalURLEnv = "EMMA_TEST_DATABASE_URL"

	// templateName is the template database on the private server. On an
	// external server, which test binaries running side by side share, the
	// name gets a random suffix.
	templateName = "emma_template"

	// adminTimeout bounds each CREATE DATABASE and DROP DATABASE.
	adminTimeout = time.Minute
)

// SetupFunc prepares the template database, for example by applying
// migrations. It must close its connections before it returns, because
// PostgreSQL copies a template only while no session uses it.
type SetupFunc func(ctx context.Context, dsn string) error

// shared is the state of one test binary. Open has no handle to keep it in,
// so this is the package's one mutable global.
var shared harness

// harness is the server, template and name counter of one test binary.
type harness struct {
	startOnce sync.Once
	startErr  error
	srv       server

	templateOnce sync.Once
	templateErr  error
	template     string

	counter atomic.Int64
}

// Open returns the DSN of a new database cloned from the template and
// drops the database, with FORCE, when tb ends. The first Open in a test
// binary creates the template and runs setup on it. Later calls reuse that
// template and ignore their setup, so every Open in one binary should pass
// the same function. A nil setup leaves the template empty.
func Open(tb testing.TB, setup SetupFunc) string {
	tb.Helper()
	h := &shared
	if err := h.start(); err != nil {
		tb.Fatalf("pgtest: %v", err)
	}
	h.templateOnce.Do(func() { h.template, h.templateErr = h.createTemplate(setup) })
	if h.templateErr != nil {
		tb.Fatalf("pgtest: %v", h.templateErr)
	}

	name := fmt.Sprintf("t_%d_%08x", h.counter.Add(1), rand.Uint32())
	ctx, cancel := context.WithTimeout(context.Background(), adminTimeout)
	defer cancel()
	err := h.srv.exec(ctx, "CREATE DATABASE "+quoteIdent(name)+" TEMPLATE "+quoteIdent(h.template))
	if err != nil {
		tb.Fatalf("pgtest: create database %s: %v", name, err)
	}

	tb.Cleanup(func() {
		if err := h.dropDatabase(name); err != nil {
			tb.Errorf("pgtest: %v", err)
		}
	})
	return h.srv.dsn(name)
}

// ServerDSN returns the DSN of database on the shared server, starting the
// server if needed. Tests use it to reach a database that Open did not
// create, such as "postgres".
func ServerDSN(tb testing.TB, database string) string {
	tb.Helper()
	h := &shared
	if err := h.start(); err != nil {
		tb.Fatalf("pgtest: %v", err)
	}
	return h.srv.dsn(database)
}

// Main runs the tests and then stops the shared server, if one started,
// and removes its directory. It returns the exit code for os.Exit, which
// is 1 when the tests passed but the shutdown failed.
func Main(m *testing.M) int {
	code := m.Run()
	if err := shared.shutdown(); err != nil {
		fmt.Fprintln(os.Stderr, "pgtest:", err)
		if code == 0 {
			code = 1
		}
	}
	return code
}

func (h *harness) start() error {
	h.startOnce.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), startTimeout)
		defer cancel()

		if url := os.Getenv(externalURLEnv); url != "" {
			h.srv, h.startErr = connectExternal(ctx, url)
		} else {
			h.srv, h.startErr = startPrivate(ctx)
		}
	})
	return h.startErr
}

func (h *harness) createTemplate(setup SetupFunc) (string, error) {
	name := templateName
	if h.srv.external {
		name = fmt.Sprintf("%s_%08x", templateName, rand.Uint32())
	}

	ctx, cancel := context.WithTimeout(context.Background(), adminTimeout)
	defer cancel()
	if err := h.srv.exec(ctx, "CREATE DATABASE "+quoteIdent(name)); err != nil {
		return "", fmt.Errorf("create template database %s: %w", name, err)
	}

	// Setup may run long migrations, so only the test binary's own
	// timeout bounds it.
	if setup != nil {
		if err := setup(context.Background(), h.srv.dsn(name)); err != nil {
			err = fmt.Errorf("set up template database %s: %w", name, err)
			return "", errors.Join(err, h.dropDatabase(name))
		}
	}

	// A stray session on the template would make every clone fail.
	err := h.srv.exec(ctx, "ALTER DATABASE "+quoteIdent(name)+" WITH ALLOW_CONNECTIONS false")
	if err != nil {
		return "", fmt.Errorf("close template database %s: %w", name, err)
	}
	return name, nil
}

func (h *harness) dropDatabase(name string) error {
	ctx, cancel := context.WithTimeout(context.Background(), adminTimeout)
	defer cancel()

	// FORCE ends sessions that the test left open.
	if err := h.srv.exec(ctx, "DROP DATABASE IF EXISTS "+quoteIdent(name)+" WITH (FORCE)"); err != nil {
		return fmt.Errorf("drop database %s: %w", name, err)
	}
	return nil
}

// shutdown drops the template from an external server, or stops the
// private server and removes its directory.
func (h *harness) shutdown() error {
	if h.srv.admin == nil {
		return nil
	}

	var err error
	if h.srv.external && h.template != "" {
		err = h.dropDatabase(h.template)
	}
	h.srv.admin.Close()

	if stopErr := h.srv.stop(); stopErr != nil && err == nil {
		err = stopErr
	}
	return err
}

func quoteIdent(name string) string {
	return pgx.Identifier{name}.Sanitize()
}
