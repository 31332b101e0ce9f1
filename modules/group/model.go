// Package group stores submissions (groups of calculation jobs), enqueues
// them on River in the same transaction, and computes them in workers.
package group

import (
	"time"
)

// Group kinds.
const (
	KindPair        = "pair"
	KindExpressions = "expressions"
)

// Job statuses. A job moves from queued to running to one of the final
// statuses; cancelled can follow queued or running.
const (
	StatusQueued    = "queued"
	StatusRunning   = "running"
	StatusCompleted = "completed"
	StatusFailed    = "failed"
	StatusCancelled = "cancelled"
)

// Insight statuses.
const (
	InsightNone      = "none"
	InsightPending   = "pending"
	InsightCompleted = "completed"
	InsightFailed    = "failed"
)

// Operations of a pair group, in job order, followed by the operation of
// an expression job.
const (
	OpAdd        = "add"
	OpSubtract   = "subtract"
	OpMultiply   = "multiply"
	OpDivide     = "divide"
	OpExpression = "expression"
)

// PairOperations lists the four jobs of a pair group in position order.
var PairOperations = [...]string{OpAdd, OpSubtract, OpMultiply, OpDivide}

// Group is a row of the groups table.
type Group struct {
	ID        int64 `gorm:"primaryKey;->"`
	UserID    int64
	Kind      string
	A         *string
	B         *string
	CreatedAt time.Time `gorm:"->"`
	Jobs      []Job     `gorm:"foreignKey:GroupID"`
}

// Job is a row of the jobs table.
type Job struct {
	ID                   int64 `gorm:"primaryKey;->"`
	GroupID              int64
	UserID               int64
	Position             int
	Operation            string
	Expression           *string
	Status               string
	Result               *string
	ResultExact          *string
	Approximate          bool
	ErrorCode            *string
	ErrorMessage         *string
	ProgressPercent      *float32
	ProgressPhase        *string
	RiverJobID           *int64
	Queue                string
	InsightStatus        string
	InsightText          *string
	InsightSource        *string
	InsightPromptVersion *string
	InsightNote          *string
	CreatedAt            time.Time `gorm:"->"`
	StartedAt            *time.Time
	FinishedAt           *time.Time
	UpdatedAt            time.Time
}

// Final reports whether the job can no longer change status.
func (j *Job) Final() bool {
	return j.Status == StatusCompleted || j.Status == StatusFailed || j.Status == StatusCancelled
}
