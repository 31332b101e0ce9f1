package group

import "github.com/riverqueue/river"

// River queues. Light jobs (the four operations and small expressions)
// and heavy expressions run in separate queues with their own concurrency,
// so a long factorial from one user cannot occupy every compute slot.
// Insights have their own queue because they mostly wait on the network.
const (
	QueueCompute = "compute"
	QueueHeavy   = "heavy"
	QueueInsight = "insight"
)

// ComputeArgs are the arguments of a compute job: only the job row's id,
// since the row holds the input.
type ComputeArgs struct {
	JobID int64 `json:"job_id"`
}

// Kind implements river.JobArgs.
func (ComputeArgs) Kind() string { return "compute" }

// InsightArgs are the arguments of an insight job for a completed result.
type InsightArgs struct {
	JobID int64 `json:"job_id"`
}

// Kind implements river.JobArgs.
func (InsightArgs) Kind() string { return "insight" }

// InsightMaxAttempts bounds the runs of one insight job. Each run makes at
// most one model call, because the SDK's own retries are off.
const InsightMaxAttempts = 3

// InsertOpts implements river.JobArgsWithInsertOpts: insights run in their
// own queue.
func (InsightArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: QueueInsight, MaxAttempts: InsightMaxAttempts}
}
