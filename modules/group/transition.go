package group

import (
	"context"
	"errors"
	"fmt"

	"github.com/riverqueue/river"
	"gorm.io/gorm"
)

var open = []string{StatusQueued, StatusRunning}

// MarkRunning moves a queued job to running. A job that was running when
// its worker died stays running and gets a fresh progress.
func (s *Store) MarkRunning(ctx context.Context, jobID int64) (*Job, error) {
	return s.update(ctx, jobID, open, map[string]any{
		"status":           StatusRunning,
		"started_at":       gorm.Expr("coalesce(started_at, now())"),
		"progress_percent": nil,
		"progress_phase":   nil,
	}, nil)
}

// ErrUserBusy is returned by StartHeavy when the user runs the maximum
// number of heavy jobs already.
var ErrUserBusy = errors.New("user runs the maximum of heavy jobs")

// heavyLockClass namespaces the per-user advisory locks of StartHeavy.
const heavyLockClass = 0x6865 // "he"

// StartHeavy marks a heavy job running unless its user already runs limit
// other heavy jobs, in which case it returns ErrUserBusy. A transaction
// lock per user makes the count and the start one step across all worker
// processes.
func (s *Store) StartHeavy(ctx context.Context, j *Job, limit int) (*Job, error) {
	return s.update(ctx, j.ID, open, map[string]any{
		"status":           StatusRunning,
		"started_at":       gorm.Expr("coalesce(started_at, now())"),
		"progress_percent": nil,
		"progress_phase":   nil,
	}, func(tx *gorm.DB, _ *Job) error {
		err := tx.Exec("SELECT pg_advisory_xact_lock(?, ?)", heavyLockClass, int32(j.UserID)).Error
		if err != nil {
			return fmt.Errorf("lock heavy jobs of user %d: %w", j.UserID, err)
		}
		var running int64
		err = tx.Model(&Job{}).
			Where("user_id = ? AND status = ? AND queue = ? AND id <> ?", j.UserID, StatusRunning, QueueHeavy, j.ID).
			Count(&running).Error
		if err != nil {
			return fmt.Errorf("count running heavy jobs of user %d: %w", j.UserID, err)
		}
		if running >= int64(limit) {
			return ErrUserBusy
		}
		return nil
	})
}

// Requeue moves a running job back to queued, for a worker that stops
// before the job finishes.
func (s *Store) Requeue(ctx context.Context, jobID int64) (*Job, error) {
	return s.update(ctx, jobID, []string{StatusRunning}, map[string]any{
		"status":           StatusQueued,
		"started_at":       nil,
		"progress_percent": nil,
		"progress_phase":   nil,
	}, nil)
}

// SetProgress records how far a running job has come.
func (s *Store) SetProgress(ctx context.Context, jobID int64, percent float32, phase string) error {
	_, err := s.update(ctx, jobID, []string{StatusRunning}, map[string]any{
		"progress_percent": percent,
		"progress_phase":   phase,
	}, nil)
	return err
}

// Result is a computed value to store.
type Result struct {
	Value       string
	Exact       string
	Approximate bool
}

// Complete stores a job's result and enqueues its insight job in the same
// transaction. It returns ErrFinal, and changes nothing, when the job was
// finished already: a job re-run after a crash writes nothing twice and
// enqueues no second insight.
func (s *Store) Complete(ctx context.Context, jobID int64, r Result) (*Job, error) {
	var exact *string
	if r.Exact != "" {
		exact = &r.Exact
	}
	return s.update(ctx, jobID, open, map[string]any{
		"status":           StatusCompleted,
		"result":           r.Value,
		"result_exact":     exact,
		"approximate":      r.Approximate,
		"progress_percent": nil,
		"progress_phase":   nil,
		"insight_status":   InsightPending,
		"finished_at":      gorm.Expr("now()"),
	}, func(tx *gorm.DB, j *Job) error {
		_, err := s.river.InsertTx(ctx, sqlTx(tx), InsightArgs{JobID: j.ID}, nil)
		if err != nil {
			return fmt.Errorf("enqueue insight of job %d: %w", j.ID, err)
		}
		return nil
	})
}

// Fail marks a job failed with an error code and a message for the user.
func (s *Store) Fail(ctx context.Context, jobID int64, code, message string) (*Job, error) {
	return s.update(ctx, jobID, open, map[string]any{
		"status":           StatusFailed,
		"error_code":       code,
		"error_message":    message,
		"progress_percent": nil,
		"progress_phase":   nil,
		"finished_at":      gorm.Expr("now()"),
	}, nil)
}

// Cancel cancels the user's queued or running job and its River job. A
// running River job has its context cancelled by River in whichever worker
// process runs it. It returns ErrNotFound for another user's job and
// ErrFinal for a finished one.
func (s *Store) Cancel(ctx context.Context, userID, jobID int64) (*Job, error) {
	var j Job
	err := s.db.WithContext(ctx).Select("id").
		Where("id = ? AND user_id = ?", jobID, userID).Take(&j).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("select job %d: %w", jobID, err)
	}
	return s.update(ctx, jobID, open, map[string]any{
		"status":           StatusCancelled,
		"error_code":       "cancelled",
		"error_message":    "cancelled by the user",
		"progress_percent": nil,
		"progress_phase":   nil,
		"finished_at":      gorm.Expr("now()"),
	}, func(tx *gorm.DB, j *Job) error {
		if j.RiverJobID == nil {
			return nil
		}
		_, err := s.river.JobCancelTx(ctx, sqlTx(tx), *j.RiverJobID)
		if err != nil && !errors.Is(err, river.ErrNotFound) {
			return fmt.Errorf("cancel river job %d: %w", *j.RiverJobID, err)
		}
		return nil
	})
}

// InsightUpdate is the outcome of an insight job.
type InsightUpdate struct {
	Status        string
	Text          string
	Source        string
	PromptVersion string
	Note          string
}

// SetInsight stores the insight of a completed job whose insight is
// pending. It returns ErrFinal when another run stored one first.
func (s *Store) SetInsight(ctx context.Context, jobID int64, in InsightUpdate) (*Job, error) {
	return s.updateIf(ctx, jobID, "status = ? AND insight_status = ?", []any{StatusCompleted, InsightPending},
		map[string]any{
			"insight_status":         in.Status,
			"insight_text":           nullable(in.Text),
			"insight_source":         nullable(in.Source),
			"insight_prompt_version": nullable(in.PromptVersion),
			"insight_note":           nullable(in.Note),
		}, nil)
}

func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
