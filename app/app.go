// Package app wires Emma's components together and runs them by role.
package app

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/labstack/echo/v4"
	"github.com/riverqueue/river"

	"emma/config"
	"emma/modules/account"
	"emma/modules/db"
	"emma/modules/group"
	"emma/modules/insight"
	"emma/modules/live"
	"emma/modules/pgserver"
)

// Role selects which components a process runs.
type Role string

// Roles.
const (
	RoleWeb    Role = "web"
	RoleWorker Role = "worker"
	RoleAll    Role = "all"
)

// ParseRole validates a --role value.
func ParseRole(s string) (Role, error) {
	switch r := Role(s); r {
	case RoleWeb, RoleWorker, RoleAll:
		return r, nil
	}
	return "", fmt.Errorf("invalid role %q: use web, worker or all", s)
}

func (r Role) web() bool    { return r == RoleWeb || r == RoleAll }
func (r Role) worker() bool { return r == RoleWorker || r == RoleAll }

// App is a running Emma process.
type App struct {
	cfg  *config.Config
	role Role
	log  *slog.Logger

	pg         *pgserver.Server
	dsn        string
	db         *db.DB
	inserter   *river.Client[*sql.Tx]
	worker     *river.Client[pgx.Tx]
	groups     *group.Module
	live       *live.Module
	echo       *echo.Echo
	server     *http.Server
	listenAddr string

	// stops holds the shutdown steps in start order; Close runs them in
	// reverse.
	stops  []func(context.Context) error
	wg     sync.WaitGroup
	failed chan error
	// cancelBackground stops the listener and other loops.
	cancelBackground context.CancelFunc
}

// New validates the role against the configuration without starting
// anything.
func New(cfg *config.Config, role Role, log *slog.Logger) (*App, error) {
	if cfg.Embedded() && role != RoleAll {
		return nil, fmt.Errorf("role %s needs DATABASE_URL: only role all may run the embedded Postgres, "+
			"because separate web and worker processes must share one database", role)
	}
	if !cfg.Embedded() && role.web() && len(cfg.TicketSecret) == 0 {
		return nil, errors.New("EMMA_TICKET_SECRET is required with DATABASE_URL: every web process must sign " +
			"tickets with the same secret of at least 32 random bytes (for example `openssl rand -hex 32`)")
	}
	return &App{cfg: cfg, role: role, log: log, failed: make(chan error, 1)}, nil
}

// Start brings up every component of the role in order. On failure it
// stops what it started.
func (a *App) Start(ctx context.Context) error {
	bg, cancel := context.WithCancel(context.WithoutCancel(ctx))
	a.cancelBackground = cancel
	steps := []func(context.Context) error{a.startDatabase, a.startQueue}
	if a.role.web() {
		steps = append(steps, a.startLive, a.startHTTP)
	}
	for _, step := range steps {
		if err := step(ctx); err != nil {
			a.Close(context.WithoutCancel(ctx))
			return err
		}
	}
	if a.role.web() {
		a.wg.Add(1)
		go func() {
			defer a.wg.Done()
			a.live.Listen(bg, a.dsn)
		}()
	}
	if a.pg != nil {
		go a.watchPostgres(bg)
	}
	a.log.Info("emma started", "role", a.role)
	return nil
}

// embeddedSettings keep user data out of the embedded server's log, which
// Emma forwards to its own: by default Postgres logs the failing statement
// and a DETAIL line that quotes values, such as the email of a duplicate
// registration.
func embeddedSettings() map[string]string {
	return map[string]string{
		"log_min_error_statement": "panic",
		"log_error_verbosity":     "terse",
	}
}

// Failed delivers the first error of a component that stopped on its own,
// such as the embedded Postgres exiting or the HTTP server failing. The
// process should then shut down instead of running without it.
func (a *App) Failed() <-chan error { return a.failed }

// fail reports a component failure without blocking.
func (a *App) fail(err error) {
	select {
	case a.failed <- err:
	default:
	}
}

func (a *App) watchPostgres(bg context.Context) {
	select {
	case <-bg.Done():
	case <-a.pg.Done():
		if bg.Err() == nil {
			a.fail(errors.New("embedded postgres exited unexpectedly; see its log lines above"))
		}
	}
}

// URL returns the address the HTTP server listens on, for tests that
// listen on port 0.
func (a *App) URL() string { return "http://" + a.listenAddr }

func (a *App) startDatabase(ctx context.Context) error {
	a.dsn = a.cfg.DatabaseURL
	if a.cfg.Embedded() {
		srv, err := pgserver.Start(ctx, pgserver.Config{
			DataDir: a.cfg.DataDir, BinDir: a.cfg.PGBinDir, Logger: a.log.With("component", "postgres"),
			Database: "emma", Settings: embeddedSettings(),
		})
		if err != nil {
			return fmt.Errorf("start embedded postgres: %w", err)
		}
		a.pg = srv
		a.onStop(srv.Stop)
		a.dsn = srv.DSN("emma")
		if err := db.Migrate(ctx, a.dsn, a.log); err != nil {
			return err
		}
		if len(a.cfg.TicketSecret) == 0 {
			secret, err := loadOrCreateSecret(a.cfg.DataDir)
			if err != nil {
				return err
			}
			a.cfg.TicketSecret = secret
		}
	} else if err := db.CheckCurrent(ctx, a.dsn, a.log); err != nil {
		return err
	}
	d, err := db.Open(ctx, a.dsn, a.poolSize(), a.log)
	if err != nil {
		return err
	}
	a.db = d
	a.onStop(func(context.Context) error { d.Close(); return nil })
	return nil
}

func (a *App) startQueue(ctx context.Context) error {
	ins, err := newInserter(a.cfg, a.db, a.log)
	if err != nil {
		return err
	}
	a.inserter = ins
	a.groups = group.New(a.db.Gorm, ins, a.log)
	if !a.role.worker() {
		return nil
	}
	workers := river.NewWorkers()
	river.AddWorker(workers, group.NewComputeWorker(a.groups.Store(), a.log, a.cfg.JobTimeout, a.cfg.HeavyPerUser))
	river.AddWorker(workers, insight.NewWorker(a.db.Gorm, a.groups.Store(), insightConfig(a.cfg), a.log))
	river.AddWorker(workers, account.NewCleanupWorker(a.db.Gorm, a.log))
	river.AddWorker(workers, group.NewReconcileWorker(a.groups.Store(), a.log))
	wc, err := newWorkerClient(a.cfg, a.db, workers, a.log)
	if err != nil {
		return err
	}
	// River stops its client when the start context ends, so the client
	// gets one that outlives the start-up deadline; Close stops it.
	if err := wc.Start(context.WithoutCancel(ctx)); err != nil {
		return fmt.Errorf("start river workers: %w", err)
	}
	a.worker = wc
	a.onStop(a.stopWorkers)
	return nil
}

// stopWorkers lets running jobs finish until shortly before the deadline,
// then cancels them; River returns cancelled jobs to the queue for a
// later attempt.
func (a *App) stopWorkers(ctx context.Context) error {
	soft := ctx
	if dl, ok := ctx.Deadline(); ok {
		var cancel context.CancelFunc
		soft, cancel = context.WithDeadline(ctx, dl.Add(-time.Until(dl)/5))
		defer cancel()
	}
	if err := a.worker.Stop(soft); err == nil {
		return nil
	}
	a.log.Warn("jobs still running at the deadline, cancelling them")
	return a.worker.StopAndCancel(ctx)
}

func (a *App) startLive(context.Context) error {
	a.live = live.New(a.groups.Store(), a.cfg.TicketSecret, a.cfg.Origin(), a.log)
	a.onStop(func(ctx context.Context) error {
		a.cancelBackground()
		err := a.live.Close()
		return errors.Join(err, a.waitBackground(ctx))
	})
	return nil
}

// poolSize is one connection per concurrent job plus room for HTTP
// requests and River's own bookkeeping. pgx's default of four would make
// jobs and requests queue for connections.
func (a *App) poolSize() int32 {
	n := 10
	if a.role.web() {
		n += 10
	}
	if a.role.worker() {
		n += a.cfg.WorkerConcurrency + a.cfg.HeavyConcurrency + a.cfg.InsightWorkers
	}
	return int32(n)
}

// waitBackground waits for the listener and the HTTP server's goroutine,
// giving up at ctx's deadline so a stuck goroutine cannot stop the rest
// of the shutdown.
func (a *App) waitBackground(ctx context.Context) error {
	done := make(chan struct{})
	go func() {
		a.wg.Wait()
		close(done)
	}()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("wait for background goroutines: %w", ctx.Err())
	}
}

func (a *App) onStop(fn func(context.Context) error) { a.stops = append(a.stops, fn) }

// Close stops every started component in reverse start order under ctx's
// deadline and returns the errors joined.
func (a *App) Close(ctx context.Context) error {
	var errs []error
	for i := len(a.stops) - 1; i >= 0; i-- {
		if err := a.stops[i](ctx); err != nil {
			errs = append(errs, err)
		}
	}
	a.stops = nil
	if a.cancelBackground != nil {
		a.cancelBackground()
	}
	a.log.Info("emma stopped", "role", a.role)
	return errors.Join(errs...)
}

func insightConfig(cfg *config.Config) insight.Config {
	return insight.Config{
		APIKey: cfg.OpenAIKey, BaseURL: cfg.OpenAIBaseURL, Model: cfg.OpenAIModel,
		Timeout: cfg.OpenAITimeout, DailyLimit: cfg.InsightDailyLimit, PerMinute: cfg.InsightPerMinute,
	}
}
