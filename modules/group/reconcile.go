package group

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/riverqueue/river"
	"gorm.io/gorm"
)

// ReconcileInterval is how often jobs lost by their workers are closed.
const ReconcileInterval = time.Minute

// openRiverStates are the River job states in which a job will still run.
var openRiverStates = []string{"available", "pending", "retryable", "running", "scheduled"}

// ReconcileArgs are the arguments of the periodic reconcile job.
type ReconcileArgs struct{}

// Kind implements river.JobArgs.
func (ReconcileArgs) Kind() string { return "reconcile_jobs" }

// ReconcileWorker fails jobs and insights whose River job can no longer
// run: discarded after a crash on its last attempt, or deleted. Without
// it such rows would show queued, running or pending forever, and a
// running heavy row would count against its user's limit.
type ReconcileWorker struct {
	river.WorkerDefaults[ReconcileArgs]
	store *Store
	log   *slog.Logger
}

// NewReconcileWorker returns the reconcile worker.
func NewReconcileWorker(store *Store, log *slog.Logger) *ReconcileWorker {
	return &ReconcileWorker{store: store, log: log}
}

// Work implements river.Worker.
func (w *ReconcileWorker) Work(ctx context.Context, _ *river.Job[ReconcileArgs]) error {
	jobs, insights, err := w.store.reconcile(ctx)
	if err != nil {
		return err
	}
	if jobs+insights > 0 {
		w.log.Warn("closed jobs lost by their workers", "jobs", jobs, "insights", insights)
	}
	return nil
}

// PeriodicReconcile schedules the reconcile job every ReconcileInterval.
func PeriodicReconcile() *river.PeriodicJob {
	return river.NewPeriodicJob(river.PeriodicInterval(ReconcileInterval),
		func() (river.JobArgs, *river.InsertOpts) {
			return ReconcileArgs{}, &river.InsertOpts{Queue: QueueCompute}
		}, &river.PeriodicJobOpts{RunOnStart: true})
}

// lostGrace is how long a row must be unchanged before it counts as lost,
// so a job between its insert and River's first fetch is never touched.
const lostGrace = time.Minute

// reconcile fails open rows without an open River job and returns how
// many jobs and insights it closed.
func (s *Store) reconcile(ctx context.Context) (jobs, insights int, err error) {
	err = s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var lost []Job
		err := tx.Raw(`UPDATE jobs SET status = ?, error_code = 'internal_error',
			error_message = 'the worker running this job stopped; submit it again',
			progress_percent = NULL, progress_phase = NULL, finished_at = now(), updated_at = now()
			WHERE status IN ? AND updated_at < now() - make_interval(secs => ?)
			AND NOT EXISTS (SELECT 1 FROM river_job r WHERE r.id = jobs.river_job_id AND r.state::text IN ?)
			RETURNING *`, StatusFailed, open, lostGrace.Seconds(), openRiverStates).Scan(&lost).Error
		if err != nil {
			return fmt.Errorf("fail lost jobs: %w", err)
		}
		var stuck []Job
		err = tx.Raw(`UPDATE jobs SET insight_status = ?, insight_note = 'the insight job stopped before it finished',
			updated_at = now()
			WHERE status = ? AND insight_status = ? AND updated_at < now() - make_interval(secs => ?)
			AND NOT EXISTS (SELECT 1 FROM river_job r WHERE r.kind = 'insight'
				AND r.args->>'job_id' = jobs.id::text AND r.state::text IN ?)
			RETURNING *`, InsightFailed, StatusCompleted, InsightPending, lostGrace.Seconds(), openRiverStates).
			Scan(&stuck).Error
		if err != nil {
			return fmt.Errorf("fail lost insights: %w", err)
		}
		for _, j := range append(lost, stuck...) {
			if err := notify(tx, &j); err != nil {
				return err
			}
		}
		jobs, insights = len(lost), len(stuck)
		return nil
	})
	return jobs, insights, err
}
