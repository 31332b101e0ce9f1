package group

import (
	"context"
	"errors"
	"os"
	"testing"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverdatabasesql"

	"emma/modules/db"
	"emma/modules/db/dbtest"
	"emma/modules/pgserver/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

func newTestStore(t *testing.T) (*Store, *db.DB) {
	t.Helper()
	d := dbtest.Open(t)
	rc, err := river.NewClient(riverdatabasesql.New(d.SQL), &river.Config{})
	if err != nil {
		t.Fatalf("create river client: %v", err)
	}
	return NewStore(d.Gorm, rc), d
}

func createUser(t *testing.T, d *db.DB, email string) int64 {
	t.Helper()
	var id int64
	err := d.Pool.QueryRow(context.Background(),
		`INSERT INTO users (email, name, password_hash) VALUES ($1, 'T', 'x') RETURNING id`, email).Scan(&id)
	if err != nil {
		t.Fatalf("insert user: %v", err)
	}
	return id
}

// submitPair stores the pair 1, 2 for a new user with email and returns
// the group with its four queued jobs.
func submitPair(t *testing.T, s *Store, d *db.DB, email string) *Group {
	t.Helper()
	a, b := "1", "2"
	g, err := s.Submit(context.Background(), createUser(t, d, email), Submission{A: &a, B: &b})
	if err != nil {
		t.Fatalf("submit: %v", err)
	}
	return g
}

func counts(t *testing.T, d *db.DB) (groups, jobs, riverJobs int) {
	t.Helper()
	err := d.Pool.QueryRow(context.Background(), `SELECT (SELECT count(*) FROM groups),
		(SELECT count(*) FROM jobs), (SELECT count(*) FROM river_job)`).Scan(&groups, &jobs, &riverJobs)
	if err != nil {
		t.Fatalf("count rows: %v", err)
	}
	return groups, jobs, riverJobs
}

func TestSubmitRollbackLeavesNothing(t *testing.T) {
	s, d := newTestStore(t)
	uid := createUser(t, d, "rollback@example.com")
	boom := errors.New("injected failure before commit")
	s.beforeCommit = func() error { return boom }
	a, b := "5", "10"
	_, err := s.Submit(context.Background(), uid, Submission{A: &a, B: &b})
	if !errors.Is(err, boom) {
		t.Fatalf("got error %v, want the injected failure", err)
	}
	if g, j, r := counts(t, d); g+j+r != 0 {
		t.Errorf("got %d groups, %d jobs, %d river jobs after rollback, want none", g, j, r)
	}
}

func TestSubmitStoresAndQueuesEverything(t *testing.T) {
	s, d := newTestStore(t)
	uid := createUser(t, d, "commit@example.com")
	g, err := s.Submit(context.Background(), uid, Submission{Expressions: []string{"1+1", "2*3"}})
	if err != nil {
		t.Fatalf("submit: %v", err)
	}
	if gs, j, r := counts(t, d); gs != 1 || j != 2 || r != 2 {
		t.Errorf("got %d groups, %d jobs, %d river jobs, want 1, 2, 2", gs, j, r)
	}
	for _, j := range g.Jobs {
		if j.RiverJobID == nil {
			t.Errorf("job %d: no river job id", j.ID)
		}
	}
}

func TestCompleteIsIdempotent(t *testing.T) {
	s, d := newTestStore(t)
	g := submitPair(t, s, d, "idem@example.com")
	ctx := context.Background()
	id := g.Jobs[0].ID
	if _, err := s.Complete(ctx, id, Result{Value: "3", Exact: "3"}); err != nil {
		t.Fatalf("first complete: %v", err)
	}
	if _, err := s.Complete(ctx, id, Result{Value: "4", Exact: "4"}); !errors.Is(err, ErrFinal) {
		t.Fatalf("second complete: got %v, want ErrFinal", err)
	}
	j, err := s.Job(ctx, id)
	if err != nil {
		t.Fatalf("load job: %v", err)
	}
	if deref(j.Result) != "3" {
		t.Errorf("got result %s, want 3", deref(j.Result))
	}
	var insights int
	err = d.Pool.QueryRow(ctx, `SELECT count(*) FROM river_job WHERE kind = 'insight'`).Scan(&insights)
	if err != nil || insights != 1 {
		t.Errorf("got %d insight jobs (err %v), want 1", insights, err)
	}
}
