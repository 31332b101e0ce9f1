package group

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// NotifyChannel is the Postgres channel on which job changes are announced.
// Payloads carry only ids and the status (see Notification), because
// NOTIFY payloads are limited to 8000 bytes and results can be far longer.
const NotifyChannel = "emma_job_updates"

// Store errors.
var (
	ErrNotFound = errors.New("not found")
	// ErrFinal is returned when a job can no longer change.
	ErrFinal = errors.New("job already finished")
)

// Notification is the payload sent on NotifyChannel.
type Notification struct {
	GroupID int64  `json:"group_id"`
	JobID   int64  `json:"job_id"`
	Status  string `json:"status"`
}

// Inserter is the part of a River client that the store uses: it inserts
// and cancels River jobs inside a database/sql transaction.
type Inserter interface {
	InsertManyTx(ctx context.Context, tx *sql.Tx, params []river.InsertManyParams) ([]*rivertype.JobInsertResult, error)
	InsertTx(ctx context.Context, tx *sql.Tx, args river.JobArgs, opts *river.InsertOpts) (*rivertype.JobInsertResult, error)
	JobCancelTx(ctx context.Context, tx *sql.Tx, jobID int64) (*rivertype.JobRow, error)
}

// Store reads and writes groups and jobs. Every read for a user is scoped
// to that user's rows.
type Store struct {
	db    *gorm.DB
	river Inserter
	// beforeCommit, when set, runs at the end of Create's transaction. Tests
	// use it to force a rollback after every insert.
	beforeCommit func() error
}

// NewStore returns a Store that enqueues through river.
func NewStore(db *gorm.DB, river Inserter) *Store {
	return &Store{db: db, river: river}
}

// Create inserts g with its jobs and enqueues one River job per job, all in
// one transaction: either everything is stored and queued or nothing is.
func (s *Store) Create(ctx context.Context, g *Group, route func(*Job) river.InsertOpts) error {
	opts := make([]river.InsertOpts, len(g.Jobs))
	for i := range g.Jobs {
		opts[i] = route(&g.Jobs[i])
		g.Jobs[i].Queue = opts[i].Queue
	}
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := prioritizeHeavy(tx, g.UserID, opts); err != nil {
			return err
		}
		if err := tx.Create(g).Error; err != nil {
			return fmt.Errorf("insert group for user %d: %w", g.UserID, err)
		}
		params := make([]river.InsertManyParams, len(g.Jobs))
		for i := range g.Jobs {
			params[i] = river.InsertManyParams{Args: ComputeArgs{JobID: g.Jobs[i].ID}, InsertOpts: &opts[i]}
		}
		res, err := s.river.InsertManyTx(ctx, sqlTx(tx), params)
		if err != nil {
			return fmt.Errorf("enqueue jobs of group %d: %w", g.ID, err)
		}
		for i, r := range res {
			id := r.Job.ID
			g.Jobs[i].RiverJobID = &id
			err := tx.Model(&Job{}).Where("id = ?", g.Jobs[i].ID).Update("river_job_id", id).Error
			if err != nil {
				return fmt.Errorf("link job %d to river job %d: %w", g.Jobs[i].ID, id, err)
			}
		}
		if s.beforeCommit != nil {
			return s.beforeCommit()
		}
		return nil
	})
}

// prioritizeHeavy gives a user's heavy jobs River priorities 1 to 4 by
// how many heavy jobs of that user are open already, counting this
// submission's. River runs lower numbers first, so a user's first heavy
// job goes ahead of the tail of another user's long list.
func prioritizeHeavy(tx *gorm.DB, userID int64, opts []river.InsertOpts) error {
	var open int64
	err := tx.Model(&Job{}).
		Where("user_id = ? AND queue = ? AND status IN ?", userID, QueueHeavy, []string{StatusQueued, StatusRunning}).
		Count(&open).Error
	if err != nil {
		return fmt.Errorf("count open heavy jobs of user %d: %w", userID, err)
	}
	for i := range opts {
		if opts[i].Queue != QueueHeavy {
			continue
		}
		opts[i].Priority = int(min(open+1, 4))
		open++
	}
	return nil
}

// Get returns the user's group with its jobs.
func (s *Store) Get(ctx context.Context, userID, groupID int64) (*Group, error) {
	var g Group
	err := s.db.WithContext(ctx).
		Preload("Jobs", func(db *gorm.DB) *gorm.DB { return db.Order("position") }).
		Where("id = ? AND user_id = ?", groupID, userID).Take(&g).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("select group %d: %w", groupID, err)
	}
	return &g, nil
}

// Cursor marks the last group of a page.
type Cursor struct {
	CreatedAt time.Time
	ID        int64
}

// List returns up to limit of the user's groups, newest first, starting
// after the cursor when one is given.
func (s *Store) List(ctx context.Context, userID int64, limit int, after *Cursor) ([]Group, error) {
	q := s.db.WithContext(ctx).Where("user_id = ?", userID)
	if after != nil {
		q = q.Where("(created_at, id) < (?, ?)", after.CreatedAt, after.ID)
	}
	var groups []Group
	err := q.Preload("Jobs", func(db *gorm.DB) *gorm.DB { return db.Select(listColumns).Order("position") }).
		Order("created_at DESC, id DESC").Limit(limit).Find(&groups).Error
	if err != nil {
		return nil, fmt.Errorf("list groups of user %d: %w", userID, err)
	}
	return groups, nil
}

// listColumns reads jobs for the group list with results cut to one
// character more than ListResultLength, so the list can mark them cut
// without loading results of up to a million digits.
var listColumns = fmt.Sprintf(`id, group_id, user_id, position, operation, expression, status,
	left(result, %[1]d) AS result, left(result_exact, %[1]d) AS result_exact, approximate,
	error_code, error_message, progress_percent, progress_phase, river_job_id, queue,
	insight_status, insight_text, insight_source, insight_prompt_version, insight_note,
	created_at, started_at, finished_at, updated_at`, ListResultLength+1)

// Jobs returns the jobs of a group in position order, unscoped: callers
// have checked ownership already.
func (s *Store) Jobs(ctx context.Context, groupID int64) ([]Job, error) {
	var jobs []Job
	err := s.db.WithContext(ctx).Where("group_id = ?", groupID).Order("position").Find(&jobs).Error
	if err != nil {
		return nil, fmt.Errorf("select jobs of group %d: %w", groupID, err)
	}
	return jobs, nil
}

// Job returns one job by id, unscoped, for workers and the live feed.
func (s *Store) Job(ctx context.Context, jobID int64) (*Job, error) {
	var j Job
	err := s.db.WithContext(ctx).Where("id = ?", jobID).Take(&j).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("select job %d: %w", jobID, err)
	}
	return &j, nil
}

// Operands returns a and b of a pair group.
func (s *Store) Operands(ctx context.Context, groupID int64) (a, b string, err error) {
	var g Group
	err = s.db.WithContext(ctx).Select("a", "b").Where("id = ?", groupID).Take(&g).Error
	if err != nil {
		return "", "", fmt.Errorf("select operands of group %d: %w", groupID, err)
	}
	if g.A == nil || g.B == nil {
		return "", "", fmt.Errorf("group %d has no operands", groupID)
	}
	return *g.A, *g.B, nil
}

// Owns checks that the group exists and belongs to the user. It returns
// ErrNotFound in both other cases, so callers cannot tell them apart.
func (s *Store) Owns(ctx context.Context, userID, groupID int64) error {
	var n int64
	err := s.db.WithContext(ctx).Model(&Group{}).
		Where("id = ? AND user_id = ?", groupID, userID).Count(&n).Error
	if err != nil {
		return fmt.Errorf("check owner of group %d: %w", groupID, err)
	}
	if n == 0 {
		return ErrNotFound
	}
	return nil
}

// update applies changes to a job whose status is one of from, and sends
// the notification in the same transaction. It returns the updated row, or
// ErrFinal when the job is not in one of those statuses. then, when set,
// runs inside the transaction after a successful update.
func (s *Store) update(ctx context.Context, jobID int64, from []string, changes map[string]any,
	then func(tx *gorm.DB, j *Job) error) (*Job, error) {
	return s.updateIf(ctx, jobID, "status IN ?", []any{from}, changes, then)
}

// updateIf is update with any condition on the row in place of the
// status list.
func (s *Store) updateIf(ctx context.Context, jobID int64, cond string, args []any, changes map[string]any,
	then func(tx *gorm.DB, j *Job) error) (*Job, error) {
	var j Job
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		changes["updated_at"] = gorm.Expr("now()")
		res := tx.Model(&j).Clauses(clause.Returning{}).
			Where("id = ?", jobID).Where(cond, args...).Updates(changes)
		if res.Error != nil {
			return fmt.Errorf("update job %d: %w", jobID, res.Error)
		}
		if res.RowsAffected == 0 {
			return ErrFinal
		}
		if then != nil {
			if err := then(tx, &j); err != nil {
				return err
			}
		}
		return notify(tx, &j)
	})
	if err != nil {
		return nil, err
	}
	return &j, nil
}

// notify announces the job's new state to every web process.
func notify(tx *gorm.DB, j *Job) error {
	payload, err := json.Marshal(Notification{GroupID: j.GroupID, JobID: j.ID, Status: j.Status})
	if err != nil {
		return fmt.Errorf("encode notification: %w", err)
	}
	if err := tx.Exec("SELECT pg_notify(?, ?)", NotifyChannel, string(payload)).Error; err != nil {
		return fmt.Errorf("notify job %d: %w", j.ID, err)
	}
	return nil
}

// sqlTx returns the database/sql transaction under a GORM transaction, for
// River's database/sql driver.
func sqlTx(tx *gorm.DB) *sql.Tx {
	return tx.Statement.ConnPool.(*sql.Tx)
}
