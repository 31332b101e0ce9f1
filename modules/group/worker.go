package group

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"time"

	"github.com/riverqueue/river"

	"emma/modules/calc"
)

// ProgressInterval is how often a running job's progress is written and
// announced: a few updates a second keep the bar smooth without loading
// the database.
const ProgressInterval = 250 * time.Millisecond

// timeoutGrace is how much longer River lets a job run than the job's own
// deadline, so that the computation reports a `timeout` failure itself
// before River cancels it as a retryable error.
const timeoutGrace = 10 * time.Second

// heavySnooze is how long a heavy job waits when its user already runs
// the maximum number of heavy jobs. Snoozing puts the job behind jobs of
// other users that were queued meanwhile.
const heavySnooze = time.Second

// ComputeWorker computes one job's result.
type ComputeWorker struct {
	river.WorkerDefaults[ComputeArgs]
	store        *Store
	log          *slog.Logger
	timeout      time.Duration
	heavyPerUser int
}

// NewComputeWorker returns a worker whose computations stop after timeout
// and which runs at most heavyPerUser heavy jobs of one user at once
// across all processes (0 for no limit).
func NewComputeWorker(store *Store, log *slog.Logger, timeout time.Duration, heavyPerUser int) *ComputeWorker {
	return &ComputeWorker{store: store, log: log, timeout: timeout, heavyPerUser: heavyPerUser}
}

// Timeout implements river.Worker.
func (w *ComputeWorker) Timeout(*river.Job[ComputeArgs]) time.Duration {
	return w.timeout + timeoutGrace
}

// Work implements river.Worker. It is idempotent: a job whose row is final
// already, because an earlier run stored it before its worker died, is
// done without a second write. On the last attempt, any failure, a panic
// included, marks the row failed, so that it never stays open after River
// discards the job.
func (w *ComputeWorker) Work(ctx context.Context, job *river.Job[ComputeArgs]) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("job %d panicked: %v\n%s", job.Args.JobID, r, debug.Stack())
		}
		if err != nil && job.Attempt >= job.MaxAttempts && !endsRiverJob(err) {
			w.failLastAttempt(ctx, job, err)
		}
	}()
	return w.work(ctx, job)
}

// endsRiverJob reports whether err snoozes or cancels the River job, which
// then never counts as a failed last attempt.
func endsRiverJob(err error) bool {
	var snooze *river.JobSnoozeError
	var cancel *river.JobCancelError
	return errors.As(err, &snooze) || errors.As(err, &cancel)
}

func (w *ComputeWorker) failLastAttempt(ctx context.Context, job *river.Job[ComputeArgs], cause error) {
	writeCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	_, err := w.store.Fail(writeCtx, job.Args.JobID, "internal_error",
		fmt.Sprintf("the computation failed after %d attempts; submit it again", job.Attempt))
	if err != nil && !errors.Is(err, ErrFinal) {
		w.log.Error("record job failure", "job_id", job.Args.JobID, "cause", cause, "error", err)
	}
}

func (w *ComputeWorker) work(ctx context.Context, job *river.Job[ComputeArgs]) error {
	id := job.Args.JobID
	log := w.log.With("job_id", id, "river_job_id", job.ID, "attempt", job.Attempt)
	j, err := w.store.Job(ctx, id)
	if errors.Is(err, ErrNotFound) {
		return river.JobCancel(fmt.Errorf("job %d: %w", id, err))
	}
	if err != nil {
		return err
	}

	log = log.With("group_id", j.GroupID)
	if j.Final() {
		log.Info("job already finished", "status", j.Status)
		return nil
	}
	if err := w.start(ctx, j); err != nil {
		switch {
		case errors.Is(err, ErrFinal):
			return nil
		case errors.Is(err, ErrUserBusy):
			log.Debug("user runs the maximum of heavy jobs, snoozing", "user_id", j.UserID)
			return river.JobSnooze(heavySnooze)
		}
		return err
	}

	start := time.Now()
	res, err := w.compute(ctx, j)
	if err != nil {
		return w.fail(ctx, job, log, err)
	}
	if _, err := w.store.Complete(ctx, id, res); err != nil {
		if errors.Is(err, ErrFinal) {
			log.Info("job finished elsewhere, result dropped")
			return nil
		}
		return err
	}
	log.Info("job completed", "duration", time.Since(start))
	return nil
}

// start marks the job running. A heavy job starts only while its user
// runs fewer than heavyPerUser heavy jobs.
func (w *ComputeWorker) start(ctx context.Context, j *Job) error {
	var err error
	if j.Queue == QueueHeavy && w.heavyPerUser > 0 {
		_, err = w.store.StartHeavy(ctx, j, w.heavyPerUser)
	} else {
		_, err = w.store.MarkRunning(ctx, j.ID)
	}
	return err
}

// fail records why a computation failed. Input errors, including the
// deadline, are permanent and cancel the River job so that it is never
// retried. Other errors are retried until the last attempt, which marks
// the job failed.
func (w *ComputeWorker) fail(ctx context.Context, job *river.Job[ComputeArgs], log *slog.Logger, err error) error {
	id := job.Args.JobID
	// The job's context may be done; the final write must still happen.
	writeCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	var ce *calc.Error
	switch {
	case errors.As(err, &ce):
		log.Info("job failed", "code", ce.Code)
		if _, ferr := w.store.Fail(writeCtx, id, ce.Code, ce.Message); ferr != nil && !errors.Is(ferr, ErrFinal) {
			return ferr
		}
		return river.JobCancel(err)
	case ctx.Err() != nil:
		j, jerr := w.store.Job(writeCtx, id)
		if jerr == nil && j.Status == StatusCancelled {
			log.Info("job cancelled while running")
			return river.JobCancel(err)
		}
		// The worker is shutting down. Snoozing for zero returns the job to
		// the queue without spending one of its attempts.
		log.Warn("job interrupted, returning it to the queue", "error", err)
		if _, qerr := w.store.Requeue(writeCtx, id); qerr != nil && !errors.Is(qerr, ErrFinal) {
			log.Error("requeue job failed", "error", qerr)
		}
		return river.JobSnooze(0)
	case job.Attempt >= job.MaxAttempts:
		// Work records the failure of a last attempt.
		log.Error("job failed on its last attempt", "error", err)
		return err
	default:
		log.Warn("job failed, will retry", "error", err)
		return err
	}
}

// compute evaluates the job under its deadline while a reporter writes the
// latest progress every ProgressInterval.
func (w *ComputeWorker) compute(ctx context.Context, j *Job) (Result, error) {
	ctx, cancel := context.WithTimeout(ctx, w.timeout)
	defer cancel()
	rep := newReporter(w.store, w.log, j.ID)
	defer rep.stop()
	var (
		r   calc.Result
		err error
	)
	if j.Operation == OpExpression {
		r, err = calc.Evaluate(ctx, deref(j.Expression), calc.Options{Progress: rep.report})
	} else {
		r, err = w.binary(ctx, j)
	}
	if err != nil {
		return Result{}, err
	}
	return Result{Value: r.Value, Exact: r.Exact, Approximate: r.Approximate}, nil
}

func (w *ComputeWorker) binary(ctx context.Context, j *Job) (calc.Result, error) {
	as, bs, err := w.store.Operands(ctx, j.GroupID)
	if err != nil {
		return calc.Result{}, err
	}
	a, err := calc.ParseNumber("a", as)
	if err != nil {
		return calc.Result{}, err
	}
	b, err := calc.ParseNumber("b", bs)
	if err != nil {
		return calc.Result{}, err
	}
	return calc.Binary(ctx, calc.Operation(j.Operation), a, b)
}
