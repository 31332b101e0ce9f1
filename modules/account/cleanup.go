package account

import (
	"context"
	"log/slog"
	"time"

	"github.com/riverqueue/river"
	"gorm.io/gorm"
)

// CleanupInterval is how often expired sessions are deleted.
const CleanupInterval = time.Hour

// CleanupArgs are the arguments of the periodic session cleanup job.
type CleanupArgs struct{}

// Kind implements river.JobArgs.
func (CleanupArgs) Kind() string { return "session_cleanup" }

// CleanupWorker deletes expired sessions. Expired sessions are rejected at
// lookup anyway; this only keeps the table small.
type CleanupWorker struct {
	river.WorkerDefaults[CleanupArgs]
	store *Store
	log   *slog.Logger
}

// NewCleanupWorker returns the session cleanup worker.
func NewCleanupWorker(db *gorm.DB, log *slog.Logger) *CleanupWorker {
	return &CleanupWorker{store: NewStore(db), log: log}
}

// Work implements river.Worker.
func (w *CleanupWorker) Work(ctx context.Context, _ *river.Job[CleanupArgs]) error {
	n, err := w.store.DeleteExpiredSessions(ctx, time.Now())
	if err != nil {
		return err
	}
	w.log.Info("deleted expired sessions", "count", n)
	return nil
}

// PeriodicCleanup schedules the cleanup every CleanupInterval on queue.
func PeriodicCleanup(queue string) *river.PeriodicJob {
	return river.NewPeriodicJob(river.PeriodicInterval(CleanupInterval),
		func() (river.JobArgs, *river.InsertOpts) {
			return CleanupArgs{}, &river.InsertOpts{Queue: queue}
		}, &river.PeriodicJobOpts{RunOnStart: true})
}
