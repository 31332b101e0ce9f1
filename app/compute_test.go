package app_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"emma/app/apptest"
	"emma/modules/group"
	"emma/modules/live"
)

// semiprime is the product of two 25-digit primes: Pollard's rho needs
// about 10^12 steps to split it, so factoring it runs until stopped.
const semiprime = "3000000000000000000000038000000000000000000000119"

func TestExpressionsComputeExactly(t *testing.T) {
	srv := apptest.Start(t, apptest.Options{})
	c := srv.NewClient(t)
	c.Register("nia@example.com")
	exprs := []string{"(2^64 - 1) / 3", "100!", "sqrt(2)", "1/3*3", "5 − 3", "0.1+0.2", "-0", "1/0"}
	g := c.SubmitExpressions(exprs...)
	jobs := c.Open(g.ID).WaitFinal(waitJobs)
	want := []struct {
		status, result string
	}{
		{group.StatusCompleted, "6148914691236517205"},
		{group.StatusCompleted, "93326215443944152681699238856266700490715968264381621468592963895217599993229915608941463976156518286253697920827223758251185210916864000000000000000000000000"},
		{group.StatusCompleted, "1.41421356237309504880168872420"},
		{group.StatusCompleted, "1"},
		{group.StatusCompleted, "2"},
		{group.StatusCompleted, "0.3"},
		{group.StatusCompleted, "0"},
		{group.StatusFailed, "<nil>"},
	}
	for _, j := range jobs {
		w := want[j.Position]
		if j.Status != w.status {
			t.Errorf("%s: got status %s, want %s (error %+v)", exprs[j.Position], j.Status, w.status, j.Error)
		}
		if got := deref(j.Result); !strings.HasPrefix(got, w.result) {
			t.Errorf("%s: got %s, want %s", exprs[j.Position], got, w.result)
		}
	}
}

func TestProgressReachesSocket(t *testing.T) {
	srv := apptest.Start(t, apptest.Options{})
	c := srv.NewClient(t)
	c.Register("oz@example.com")
	g := c.SubmitExpressions("pi(100000)")
	sock := c.Open(g.ID)
	deadline := time.Now().Add(waitJobs)
	sawProgress := false
	for {
		m := sock.Next(time.Until(deadline))
		if m.Type != live.TypeJobUpdate {
			continue
		}
		if m.Job.Progress != nil {
			sawProgress = true
			if m.Job.Progress.Percent < 0 || m.Job.Progress.Percent > 100 {
				t.Errorf("got percent %v, want 0 to 100", m.Job.Progress.Percent)
			}
		}
		if m.Job.Status == group.StatusCompleted {
			break
		}
	}
	if !sawProgress {
		t.Error("got no job_update with progress before completion")
	}
}

// waitStatus reads socket messages until the job has the status.
func waitStatus(t *testing.T, sock *apptest.Socket, jobID int64, status string) {
	t.Helper()
	deadline := time.Now().Add(waitJobs)
	for {
		m := sock.Next(time.Until(deadline))
		for _, j := range append(m.Jobs, derefJob(m.Job)...) {
			if j.ID == jobID && j.Status == status {
				return
			}
		}
	}
}

// waitProgress reads socket messages until the job reports progress.
func waitProgress(t *testing.T, sock *apptest.Socket, jobID int64) {
	t.Helper()
	deadline := time.Now().Add(waitJobs)
	for {
		m := sock.Next(time.Until(deadline))
		if m.Job != nil && m.Job.ID == jobID && m.Job.Progress != nil {
			return
		}
	}
}

func derefJob(j *group.JobView) []group.JobView {
	if j == nil {
		return nil
	}
	return []group.JobView{*j}
}

func TestCancelStopsRunningJob(t *testing.T) {
	srv := apptest.Start(t, apptest.Options{})
	c := srv.NewClient(t)
	c.Register("pat@example.com")
	g := c.SubmitExpressions("factor(" + semiprime + ")")
	id := g.Jobs[0].ID
	sock := c.Open(g.ID)
	waitStatus(t, sock, id, group.StatusRunning)
	waitProgress(t, sock, id)

	var j group.JobView
	c.JSON(http.MethodPost, fmt.Sprintf("/api/v1/jobs/%d/cancel", id), struct{}{}, http.StatusOK, &j)
	if j.Status != group.StatusCancelled {
		t.Errorf("cancel response: got status %s, want cancelled", j.Status)
	}
	waitStatus(t, sock, id, group.StatusCancelled)

	// The heavy queue runs one job at a time per process, so the next heavy
	// job completes only if the cancelled computation stopped.
	next := c.SubmitExpressions("20!")
	jobs := c.Open(next.ID).WaitFinal(waitJobs)
	if got := deref(jobs[next.Jobs[0].ID].Result); got != "2432902008176640000" {
		t.Errorf("20! after cancel: got %s, want 2432902008176640000", got)
	}
	status, _ := c.Do(http.MethodPost, fmt.Sprintf("/api/v1/jobs/%d/cancel", id), struct{}{})
	if status != http.StatusConflict {
		t.Errorf("second cancel: got status %d, want 409", status)
	}
}

func TestJobTimeoutFailsWithoutRetry(t *testing.T) {
	srv := apptest.Start(t, apptest.Options{Env: map[string]string{"EMMA_JOB_TIMEOUT_SECONDS": "1"}})
	c := srv.NewClient(t)
	c.Register("quin@example.com")
	g := c.SubmitExpressions("factor(" + semiprime + ")")
	j := c.Open(g.ID).WaitFinal(waitJobs)[g.Jobs[0].ID]
	if j.Status != group.StatusFailed || j.Error == nil || j.Error.Code != "timeout" {
		t.Fatalf("got status %s error %+v, want failed with timeout", j.Status, j.Error)
	}
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, srv.DSN)
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	defer conn.Close(ctx)
	var attempts int
	var state string
	// River's completer records the outcome shortly after the job returns.
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); {
		err = conn.QueryRow(ctx, `SELECT attempt, state FROM river_job WHERE kind = 'compute'`).Scan(&attempts, &state)
		if err != nil {
			t.Fatalf("read river job: %v", err)
		}
		if state != "running" {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if attempts != 1 || state != "cancelled" {
		t.Errorf("river job: got attempt %d state %s, want 1 cancelled", attempts, state)
	}
}
