package insight

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/openai/openai-go/v3"
	"github.com/riverqueue/river"
	"gorm.io/gorm"

	"emma/modules/group"
)

// SourceFacts is the source of an insight built from facts without a
// model. A model insight's source is the model name.
const SourceFacts = "facts"

// Limits of one insight job.
const (
	// factsBudget bounds facts.Compute. Checks that do not finish in time
	// are skipped, so a huge value gets fewer facts, not a late insight.
	factsBudget = 300 * time.Millisecond
	// maxAttempts bounds the runs of a job whose model call fails with a
	// timeout, a network error or a 5xx. The last one stores the facts
	// sentence instead of failing.
	maxAttempts = 3
	// maxSnoozes bounds how often a job waits for the rate limit or a 429
	// before it stores the facts sentence.
	maxSnoozes = 5
	// writeTimeout bounds the final database write, which runs even when
	// the job's context is done.
	writeTimeout = 10 * time.Second
	// timeoutMargin is added to the model timeout in Timeout, for the facts
	// and the database reads and writes around the call.
	timeoutMargin = 20 * time.Second
	// defaultTimeout bounds a model call when Config.Timeout is not set.
	defaultTimeout = 10 * time.Second
	// retryDelayUnit scales the delay before a failed job runs again:
	// attempt² units, so 2 s after the first attempt and 8 s after the
	// second.
	retryDelayUnit = 2 * time.Second
)

// Config holds a Worker's model and budget settings.
type Config struct {
	// APIKey enables model-written insights. When empty, every insight is
	// the facts sentence.
	APIKey string
	// BaseURL is the address of an OpenAI-compatible API. Empty means
	// DefaultBaseURL.
	BaseURL string
	// Model is the chat model asked for insights. It is also stored as the
	// source of its insights.
	Model string
	// Timeout bounds one model call. Zero means 10 seconds.
	Timeout time.Duration
	// DailyLimit is the number of model calls per user and UTC day. Zero
	// means none: every insight that the cache lacks comes from facts.
	DailyLimit int
	// PerMinute caps model calls per minute across every worker process.
	// Zero or less turns the cap off.
	PerMinute int
}

// Worker is the River worker of insight jobs.
type Worker struct {
	river.WorkerDefaults[group.InsightArgs]
	db     *gorm.DB
	store  *group.Store
	cfg    Config
	log    *slog.Logger
	client openai.Client
	stats  counters
	// retryDelay returns the wait before attempt+1 after a failed attempt.
	retryDelay func(attempt int) time.Duration
	now        func() time.Time
}

// NewWorker returns a worker that reads jobs and writes insights through
// store, and keeps the cache and budgets in db. The API key is only used in
// the Authorization header of model calls and is never logged.
func NewWorker(db *gorm.DB, store *group.Store, cfg Config, log *slog.Logger) *Worker {
	if cfg.Timeout <= 0 {
		cfg.Timeout = defaultTimeout
	}
	w := &Worker{
		db: db, store: store, cfg: cfg, log: log.With("job_kind", group.InsightArgs{}.Kind()),
		retryDelay: func(attempt int) time.Duration {
			return time.Duration(attempt*attempt) * retryDelayUnit
		},
		now: time.Now,
	}
	if cfg.APIKey != "" {
		w.client = newClient(cfg)
	}
	return w
}

// Stats returns a snapshot of the worker's counters.
func (w *Worker) Stats() Stats { return w.stats.snapshot() }

// Timeout implements river.Worker. It covers one model call plus the
// facts and database work around it.
func (w *Worker) Timeout(*river.Job[group.InsightArgs]) time.Duration {
	return w.cfg.Timeout + factsBudget + timeoutMargin
}

// NextRetry implements river.Worker. Insight retries wait seconds, not
// River's default backoff of attempt⁴ seconds, because a user is looking
// at the pending insight.
func (w *Worker) NextRetry(job *river.Job[group.InsightArgs]) time.Time {
	return w.now().Add(w.retryDelay(job.Attempt))
}

// Work implements river.Worker. It stores the insight of a completed job
// and never changes the result. It is idempotent: a job that is not
// completed, or whose insight is final already, is left alone.
func (w *Worker) Work(ctx context.Context, job *river.Job[group.InsightArgs]) error {
	id := job.Args.JobID
	log := w.log.With("job_id", id, "river_job_id", job.ID, "attempt", job.Attempt)
	j, err := w.store.Job(ctx, id)
	if errors.Is(err, group.ErrNotFound) {
		log.Info("insight dropped: job not found")
		return river.JobCancel(fmt.Errorf("insight of job %d: %w", id, err))
	}
	if err != nil {
		return fmt.Errorf("load job %d: %w", id, err)
	}

	log = log.With("group_id", j.GroupID)
	if j.Status != group.StatusCompleted || insightFinal(j.InsightStatus) {
		log.Info("insight not needed", "status", j.Status, "insight_status", j.InsightStatus)
		return nil
	}
	t := &task{w: w, job: job, row: j, log: log}
	err = t.run(ctx)
	if err == nil || !t.lastAttempt(ctx, err) {
		return err
	}
	// River discards the job after this attempt, which would leave the
	// insight pending for good.
	log.Error("insight failed on the last attempt", "error", err)
	note := "the insight could not be completed; this insight comes from computed facts"
	if ferr := t.fallback(ctx, note); ferr != nil {
		return errors.Join(err, ferr)
	}
	return nil
}

func insightFinal(status string) bool {
	return status == group.InsightCompleted || status == group.InsightFailed
}
