package app

import (
	"database/sql"
	"fmt"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverdatabasesql"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"

	"emma/config"
	"emma/modules/account"
	"emma/modules/db"
	"emma/modules/group"
)

// completedRetention is how long River keeps finished jobs. Emma's history
// lives in its own tables, so River's rows are only for operators.
const completedRetention = 24 * time.Hour

// rescueMargin is added to the job timeout before a running job counts as
// abandoned by a dead worker.
const rescueMargin = 2 * time.Minute

// baseRiverConfig holds the settings shared by inserting and working
// clients. With River's defaults (FetchCooldown 100 ms, FetchPollInterval
// 1 s) a new job waits for the next fetch. Emma's defaults (1 ms, 50 ms)
// gave 5 times the throughput in BenchmarkPairThroughput.
func baseRiverConfig(cfg *config.Config, log *slog.Logger) *river.Config {
	return &river.Config{
		Logger:                      log,
		FetchCooldown:               cfg.FetchCooldown,
		FetchPollInterval:           cfg.FetchPollInterval,
		CompletedJobRetentionPeriod: completedRetention,
		MaxAttempts:                 group.MaxAttempts,
		// A job still running this long after it started belonged to a worker
		// that died; River then puts it back in the queue.
		RescueStuckJobsAfter: cfg.JobTimeout + rescueMargin,
	}
}

// newInserter returns a River client that only inserts and cancels jobs,
// inside the database/sql transactions that GORM runs.
func newInserter(cfg *config.Config, d *db.DB, log *slog.Logger) (*river.Client[*sql.Tx], error) {
	c, err := river.NewClient(riverdatabasesql.New(d.SQL), baseRiverConfig(cfg, log))
	if err != nil {
		return nil, fmt.Errorf("create river inserter: %w", err)
	}
	return c, nil
}

// newWorkerClient returns a River client that works the compute, heavy and
// insight queues. Completion goes through River's batched completer: the
// workers' own writes are idempotent, so a job re-run after a crash
// changes nothing.
func newWorkerClient(cfg *config.Config, d *db.DB, workers *river.Workers, log *slog.Logger) (*river.Client[pgx.Tx], error) {
	rc := baseRiverConfig(cfg, log)
	rc.Workers = workers
	rc.Queues = map[string]river.QueueConfig{
		group.QueueCompute: {MaxWorkers: cfg.WorkerConcurrency},
		group.QueueHeavy:   {MaxWorkers: cfg.HeavyConcurrency},
		group.QueueInsight: {MaxWorkers: cfg.InsightWorkers},
	}
	// River runs periodic jobs only on the elected leader, so one process
	// in the fleet cleans up.
	rc.PeriodicJobs = []*river.PeriodicJob{
		account.PeriodicCleanup(group.QueueCompute),
		group.PeriodicReconcile(),
	}
	c, err := river.NewClient(riverpgxv5.New(d.Pool), rc)
	if err != nil {
		return nil, fmt.Errorf("create river worker client: %w", err)
	}
	return c, nil
}
