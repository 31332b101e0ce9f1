package insight

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"

	"emma/modules/db"
	"emma/modules/db/dbtest"
	"emma/modules/group"
)

const (
	testModel = "test-model"
	testKey   = "sk-test-0123456789abcdef"
	// waitLimit bounds every wait on River or the database.
	waitLimit = 30 * time.Second
)

// testEnv is a fresh migrated database with a group store over it.
type testEnv struct {
	t     *testing.T
	db    *db.DB
	store *group.Store
	// logs holds everything that the env's workers logged.
	logs *syncBuffer
}

func newTestEnv(t *testing.T) *testEnv {
	t.Helper()
	d := dbtest.Open(t)
	// The store only reads jobs and writes insights here, which never
	// enqueue, so it needs no River inserter.
	return &testEnv{t: t, db: d, store: group.NewStore(d.Gorm, nil), logs: &syncBuffer{}}
}

// config returns a configuration with a key that talks to model.
func (e *testEnv) config(model *fakeModel) Config {
	return Config{APIKey: testKey, BaseURL: model.URL(), Model: testModel,
		Timeout: 5 * time.Second, DailyLimit: 100, PerMinute: 100}
}

// newWorker returns a worker that logs into e.logs and retries at once.
func (e *testEnv) newWorker(cfg Config) *Worker {
	out := io.MultiWriter(e.logs, e.t.Output())
	w := NewWorker(e.db.Gorm, e.store, cfg, slog.New(slog.NewTextHandler(out, nil)))
	w.retryDelay = func(int) time.Duration { return 10 * time.Millisecond }
	return w
}

// completedJob is the result of a job row made by addJob.
type completedJob struct {
	result      string
	exact       string
	approximate bool
	expression  string
}

func (e *testEnv) addUser(email string) int64 {
	e.t.Helper()
	var id int64
	err := e.db.Gorm.Raw(`INSERT INTO users (email, name, password_hash) VALUES (?, 'Test', 'x') RETURNING id`,
		email).Scan(&id).Error
	if err != nil {
		e.t.Fatalf("insert user %s: %v", email, err)
	}
	return id
}

// addJob inserts a group with one completed job whose insight is pending,
// as Store.Complete leaves it, and returns the job's id.
func (e *testEnv) addJob(userID int64, c completedJob) int64 {
	e.t.Helper()
	var groupID, jobID int64
	err := e.db.Gorm.Raw(`INSERT INTO groups (user_id, kind) VALUES (?, 'expressions') RETURNING id`,
		userID).Scan(&groupID).Error
	if err != nil {
		e.t.Fatalf("insert group: %v", err)
	}
	err = e.db.Gorm.Raw(`INSERT INTO jobs (group_id, user_id, position, operation, expression, status,
		result, result_exact, approximate, insight_status, finished_at)
		VALUES (?, ?, 0, 'expression', ?, 'completed', ?, NULLIF(?, ''), ?, 'pending', now()) RETURNING id`,
		groupID, userID, c.expression, c.result, c.exact, c.approximate).Scan(&jobID).Error
	if err != nil {
		e.t.Fatalf("insert job: %v", err)
	}
	return jobID
}

// job returns the job row.
func (e *testEnv) job(id int64) *group.Job {
	e.t.Helper()
	j, err := e.store.Job(context.Background(), id)
	if err != nil {
		e.t.Fatalf("load job %d: %v", id, err)
	}
	return j
}

// runner is a River client that works only the insight queue with one
// worker.
type runner struct {
	t      *testing.T
	client *river.Client[pgx.Tx]
	events <-chan *river.Event
}

func (e *testEnv) startRiver(w *Worker) *runner {
	e.t.Helper()
	workers := river.NewWorkers()
	river.AddWorker(workers, w)
	c, err := river.NewClient(riverpgxv5.New(e.db.Pool), &river.Config{
		Logger:            slog.New(slog.NewTextHandler(e.t.Output(), &slog.HandlerOptions{Level: slog.LevelWarn})),
		FetchCooldown:     5 * time.Millisecond,
		FetchPollInterval: 20 * time.Millisecond,
		Queues:            map[string]river.QueueConfig{group.QueueInsight: {MaxWorkers: 2}},
		Workers:           workers,
		TestOnly:          true,
	})
	if err != nil {
		e.t.Fatalf("create river client: %v", err)
	}
	events, cancel := c.Subscribe(river.EventKindJobCompleted, river.EventKindJobFailed,
		river.EventKindJobSnoozed, river.EventKindJobCancelled)
	if err := c.Start(context.Background()); err != nil {
		e.t.Fatalf("start river client: %v", err)
	}
	e.t.Cleanup(func() {
		cancel()
		ctx, stop := context.WithTimeout(context.Background(), waitLimit)
		defer stop()
		if err := c.Stop(ctx); err != nil {
			e.t.Errorf("stop river client: %v", err)
		}
	})
	return &runner{t: e.t, client: c, events: events}
}

// enqueue inserts an insight job as production should: on the insight
// queue with three attempts. metadata is the River metadata JSON or "".
func (r *runner) enqueue(jobID int64, metadata string) int64 {
	r.t.Helper()
	opts := &river.InsertOpts{Queue: group.QueueInsight, MaxAttempts: 3}
	if metadata != "" {
		opts.Metadata = []byte(metadata)
	}
	res, err := r.client.Insert(context.Background(), group.InsightArgs{JobID: jobID}, opts)
	if err != nil {
		r.t.Fatalf("insert insight job: %v", err)
	}
	return res.Job.ID
}

// wait returns the first event of the River job whose kind is one of
// kinds. Other events, such as failed attempts before a retry, are skipped.
func (r *runner) wait(riverJobID int64, kinds ...river.EventKind) *river.Event {
	r.t.Helper()
	timeout := time.After(waitLimit)
	for {
		select {
		case ev := <-r.events:
			if ev.Job.ID != riverJobID {
				continue
			}
			for _, k := range kinds {
				if ev.Kind == k {
					return ev
				}
			}
		case <-timeout:
			r.t.Fatalf("river job %d: no %v event within %s", riverJobID, kinds, waitLimit)
			return nil
		}
	}
}

// runToEnd enqueues the insight of jobID and waits until River completes
// or discards it.
func (r *runner) runToEnd(jobID int64) *river.Event {
	r.t.Helper()
	id := r.enqueue(jobID, "")
	ev := r.wait(id, river.EventKindJobCompleted, river.EventKindJobCancelled, river.EventKindJobFailed)
	for ev.Kind == river.EventKindJobFailed && ev.Job.State != "discarded" {
		ev = r.wait(id, river.EventKindJobCompleted, river.EventKindJobCancelled, river.EventKindJobFailed)
	}
	return ev
}

// syncBuffer is a bytes.Buffer safe for concurrent writers.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}

// dailyCalls returns the calls counted for the user today, or 0.
func (e *testEnv) dailyCalls(userID int64) int {
	e.t.Helper()
	var calls []int
	err := e.db.Gorm.Raw(`SELECT calls FROM insight_usage WHERE user_id = ? AND day = (now() AT TIME ZONE 'UTC')::date`,
		userID).Scan(&calls).Error
	if err != nil {
		e.t.Fatalf("select daily calls: %v", err)
	}
	if len(calls) == 0 {
		return 0
	}
	return calls[0]
}
