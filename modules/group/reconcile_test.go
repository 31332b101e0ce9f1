package group

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"
)

func TestReconcileFailsLostJobs(t *testing.T) {
	s, d := newTestStore(t)
	ctx := context.Background()
	g := submitPair(t, s, d, "lost@example.com")
	lost, waiting := g.Jobs[0].ID, g.Jobs[1].ID
	// The first job's River job was discarded after a crash; the second
	// still waits in the queue. Both rows are older than the grace period.
	_, err := d.Pool.Exec(ctx, `UPDATE river_job SET state = 'discarded', finalized_at = now() WHERE id = $1`,
		*g.Jobs[0].RiverJobID)
	if err != nil {
		t.Fatalf("discard river job: %v", err)
	}
	if _, err := d.Pool.Exec(ctx, `UPDATE jobs SET updated_at = now() - interval '2 minutes'`); err != nil {
		t.Fatalf("age rows: %v", err)
	}

	jobs, insights, err := s.reconcile(ctx)
	if err != nil {
		t.Fatalf("reconcile: %v", err)
	}
	if jobs != 1 || insights != 0 {
		t.Errorf("got %d jobs and %d insights closed, want 1 and 0", jobs, insights)
	}
	for id, want := range map[int64]string{lost: StatusFailed, waiting: StatusQueued} {
		j, err := s.Job(ctx, id)
		if err != nil {
			t.Fatalf("load job %d: %v", id, err)
		}
		if j.Status != want {
			t.Errorf("job %d: got status %s, want %s", id, j.Status, want)
		}
	}
}

func TestReconcileFailsLostInsights(t *testing.T) {
	s, d := newTestStore(t)
	ctx := context.Background()
	g := submitPair(t, s, d, "insight@example.com")
	id := g.Jobs[0].ID
	if _, err := s.Complete(ctx, id, Result{Value: "3", Exact: "3"}); err != nil {
		t.Fatalf("complete: %v", err)
	}
	_, err := d.Pool.Exec(ctx, `DELETE FROM river_job WHERE kind = 'insight'`)
	if err != nil {
		t.Fatalf("delete insight job: %v", err)
	}
	if _, err := d.Pool.Exec(ctx, `UPDATE jobs SET updated_at = now() - interval '2 minutes' WHERE id = $1`, id); err != nil {
		t.Fatalf("age row: %v", err)
	}
	if _, insights, err := s.reconcile(ctx); err != nil || insights != 1 {
		t.Fatalf("reconcile: got %d insights closed (err %v), want 1", insights, err)
	}
	j, err := s.Job(ctx, id)
	if err != nil {
		t.Fatalf("load job: %v", err)
	}
	if j.InsightStatus != InsightFailed || j.Status != StatusCompleted {
		t.Errorf("got status %s insight %s, want completed with a failed insight", j.Status, j.InsightStatus)
	}
}

func TestLastAttemptFailureClosesRow(t *testing.T) {
	s, d := newTestStore(t)
	ctx := context.Background()
	g := submitPair(t, s, d, "last@example.com")
	// Without operands the computation fails with an error that is not
	// the input's fault, as a database failure would.
	if _, err := d.Pool.Exec(ctx, `UPDATE groups SET a = NULL WHERE id = $1`, g.ID); err != nil {
		t.Fatalf("clear operands: %v", err)
	}
	w := NewComputeWorker(s, slog.New(slog.DiscardHandler), time.Minute, 1)
	id := g.Jobs[0].ID
	for attempt := 1; attempt <= MaxAttempts; attempt++ {
		job := &river.Job[ComputeArgs]{
			JobRow: &rivertype.JobRow{ID: 1, Attempt: attempt, MaxAttempts: MaxAttempts},
			Args:   ComputeArgs{JobID: id},
		}
		if err := w.Work(ctx, job); err == nil {
			t.Fatalf("attempt %d: got no error", attempt)
		}
		j, err := s.Job(ctx, id)
		if err != nil {
			t.Fatalf("load job: %v", err)
		}
		want := StatusRunning
		if attempt == MaxAttempts {
			want = StatusFailed
		}
		if j.Status != want {
			t.Errorf("after attempt %d: got status %s, want %s", attempt, j.Status, want)
		}
	}
}
