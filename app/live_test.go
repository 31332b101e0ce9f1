package app_test

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	"github.com/jackc/pgx/v5"

	"emma/app"
	"emma/app/apptest"
	"emma/modules/group"
	"emma/modules/live"
)

func TestSocketRejectsBadTicketsAndOrigins(t *testing.T) {
	srv := apptest.Start(t, apptest.Options{Role: app.RoleWeb})
	owner, other := srv.NewClient(t), srv.NewClient(t)
	owner.Register("ida@example.com")
	other.Register("jon@example.com")
	g := owner.Submit("1", "2")
	ticket := owner.Ticket(g.ID)

	cases := []struct {
		name, ticket, origin string
		want                 int
	}{
		{"foreign origin", ticket, "http://evil.example", http.StatusForbidden},
		{"no origin", ticket, "", http.StatusForbidden},
		{"no ticket", "", srv.URL, http.StatusUnauthorized},
		{"tampered ticket", ticket + "x", srv.URL, http.StatusUnauthorized},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, status, err := other.Dial(tc.ticket, tc.origin)
			if err == nil {
				t.Fatal("got an open socket, want a rejected upgrade")
			}
			if status != tc.want {
				t.Errorf("got status %d, want %d", status, tc.want)
			}
		})
	}
}

func TestSocketTicketIsSingleUse(t *testing.T) {
	srv := apptest.Start(t, apptest.Options{Role: app.RoleWeb})
	c := srv.NewClient(t)
	c.Register("una@example.com")
	g := c.Submit("1", "2")
	ticket := c.Ticket(g.ID)
	if _, status, err := c.Dial(ticket, srv.URL); err != nil {
		t.Fatalf("first use: status %d: %v", status, err)
	}
	if _, status, err := c.Dial(ticket, srv.URL); err == nil || status != http.StatusUnauthorized {
		t.Errorf("second use: got status %d (err %v), want 401", status, err)
	}
}

func TestSocketsPerUserAreBounded(t *testing.T) {
	srv := apptest.Start(t, apptest.Options{Role: app.RoleWeb})
	c := srv.NewClient(t)
	c.Register("val@example.com")
	g := c.Submit("1", "2")
	for range live.MaxSocketsPerUser {
		// Reading the snapshot proves the socket is registered.
		c.Open(g.ID).Next(10 * time.Second)
	}
	if _, status, err := c.Dial(c.Ticket(g.ID), srv.URL); err == nil || status != http.StatusTooManyRequests {
		t.Errorf("socket %d: got status %d (err %v), want 429", live.MaxSocketsPerUser+1, status, err)
	}
}

func TestSnapshotComesFirst(t *testing.T) {
	srv := apptest.Start(t, apptest.Options{Role: app.RoleWeb})
	c := srv.NewClient(t)
	c.Register("kim@example.com")
	g := c.Submit("3", "4")
	m := c.Open(g.ID).Next(10 * time.Second)
	if m.Type != live.TypeSnapshot {
		t.Fatalf("got type %q, want snapshot", m.Type)
	}
	if len(m.Jobs) != 4 {
		t.Errorf("got %d jobs in snapshot, want 4", len(m.Jobs))
	}
	for _, j := range m.Jobs {
		if j.Status != group.StatusQueued {
			t.Errorf("job %d: got status %s without workers, want queued", j.ID, j.Status)
		}
	}
}

// TestSeparateWebAndWorkerProcesses runs the web and worker roles as two
// processes on one database. The worker is stopped and replaced while jobs
// wait, and every job still completes.
func TestSeparateWebAndWorkerProcesses(t *testing.T) {
	web := apptest.Start(t, apptest.Options{Role: app.RoleWeb})
	c := web.NewClient(t)
	c.Register("lee@example.com")
	g := c.Submit("9", "3")
	sock := c.Open(g.ID)

	first := apptest.Start(t, apptest.Options{Role: app.RoleWorker, DSN: web.DSN})
	first.Stop(t)
	// Jobs submitted while no worker runs wait in the queue.
	g2 := c.Submit("2", "8")
	apptest.Start(t, apptest.Options{Role: app.RoleWorker, DSN: web.DSN})

	jobs := byOperation(sock.WaitFinal(waitJobs))
	if got := deref(jobs["divide"].Result); got != "3" {
		t.Errorf("9 / 3: got %s, want 3", got)
	}
	jobs2 := byOperation(c.Open(g2.ID).WaitFinal(waitJobs))
	if got := deref(jobs2["multiply"].Result); got != "16" {
		t.Errorf("2 * 8: got %s, want 16", got)
	}
}

// TestListenerReconnectResendsState kills the web process's LISTEN
// connection and, in the same transaction, changes a job without a
// notification. Only the snapshot that follows the reconnect can carry
// that change to the socket.
func TestListenerReconnectResendsState(t *testing.T) {
	web := apptest.Start(t, apptest.Options{Role: app.RoleWeb})
	c := web.NewClient(t)
	c.Register("max@example.com")
	g := c.Submit("6", "2")
	sock := c.Open(g.ID)
	if m := sock.Next(10 * time.Second); m.Type != live.TypeSnapshot {
		t.Fatalf("got %q, want snapshot", m.Type)
	}

	ctx := context.Background()
	conn, err := pgx.Connect(ctx, web.DSN)
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	defer conn.Close(ctx)
	tx, err := conn.Begin(ctx)
	if err != nil {
		t.Fatalf("begin: %v", err)
	}
	target := g.Jobs[0].ID
	_, err = tx.Exec(ctx, `UPDATE jobs SET status = 'completed', result = '42', updated_at = now()
		WHERE id = $1`, target)
	if err != nil {
		t.Fatalf("update job: %v", err)
	}
	var killed int
	err = tx.QueryRow(ctx, `SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
		WHERE query LIKE 'LISTEN %' AND datname = current_database()`).Scan(&killed)
	if err != nil || killed != 1 {
		t.Fatalf("terminate listener: got %d terminated, err %v; want 1", killed, err)
	}
	if err := tx.Commit(ctx); err != nil {
		t.Fatalf("commit: %v", err)
	}

	m := sock.Next(waitJobs)
	if m.Type != live.TypeSnapshot {
		t.Fatalf("after reconnect: got %q, want snapshot", m.Type)
	}
	for _, j := range m.Jobs {
		if j.ID == target && (j.Status != group.StatusCompleted || deref(j.Result) != "42") {
			t.Errorf("job %d in snapshot: got %s %s, want completed 42", j.ID, j.Status, deref(j.Result))
		}
	}
}

// TestShutdownReturnsRunningJobToQueue stops a worker while a long job
// runs; the job goes back to queued and another worker finishes it.
func TestShutdownReturnsRunningJobToQueue(t *testing.T) {
	web := apptest.Start(t, apptest.Options{Role: app.RoleWeb})
	c := web.NewClient(t)
	c.Register("xia@example.com")
	first := apptest.Start(t, apptest.Options{Role: app.RoleWorker, DSN: web.DSN})
	g := c.SubmitExpressions("factor(" + semiprime + ")")
	id := g.Jobs[0].ID
	waitStatus(t, c.Open(g.ID), id, group.StatusRunning)

	first.StopWithin(t, 2*time.Second)
	if got := c.Group(g.ID).Jobs[0].Status; got != group.StatusQueued {
		t.Fatalf("after worker stop: got status %s, want queued", got)
	}

	apptest.Start(t, apptest.Options{Role: app.RoleWorker, DSN: web.DSN,
		Env: map[string]string{"EMMA_JOB_TIMEOUT_SECONDS": "1"}})
	j := c.Open(g.ID).WaitFinal(waitJobs)[id]
	if j.Status != group.StatusFailed || j.Error == nil || j.Error.Code != "timeout" {
		t.Errorf("after restart: got status %s error %+v, want failed with timeout", j.Status, j.Error)
	}
}

func TestLogoutClosesSockets(t *testing.T) {
	srv := apptest.Start(t, apptest.Options{Role: app.RoleWeb})
	c := srv.NewClient(t)
	c.Register("yan@example.com")
	g := c.Submit("1", "2")
	sock := c.Open(g.ID)
	if m := sock.Next(10 * time.Second); m.Type != live.TypeSnapshot {
		t.Fatalf("got %q, want snapshot", m.Type)
	}
	c.JSON(http.MethodPost, "/api/v1/auth/logout", struct{}{}, http.StatusNoContent, nil)

	if err := sock.Conn.SetReadDeadline(time.Now().Add(10 * time.Second)); err != nil {
		t.Fatalf("set deadline: %v", err)
	}
	_, _, err := sock.Conn.ReadMessage()
	var closeErr *websocket.CloseError
	if !errors.As(err, &closeErr) || closeErr.Code != live.CloseLoggedOut {
		t.Errorf("after logout: got %v, want close code %d", err, live.CloseLoggedOut)
	}
}

func TestPagesAreNotCached(t *testing.T) {
	srv := apptest.Start(t, apptest.Options{Role: app.RoleWeb})
	c := srv.NewClient(t)
	c.Register("zed@example.com")
	for _, path := range []string{"/", "/api/v1/groups", "/login"} {
		resp, err := c.HTTP.Get(srv.URL + path)
		if err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
		resp.Body.Close()
		if got := resp.Header.Get("Cache-Control"); got != "no-store" {
			t.Errorf("GET %s: got Cache-Control %q, want no-store", path, got)
		}
	}
}
