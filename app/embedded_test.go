package app_test

import (
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"emma/app/apptest"
)

// dataDir returns a data directory that the postgres user can reach when
// the tests run as root: t.TempDir's parents are private to the caller.
func dataDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "emma-embedded-")
	if err != nil {
		t.Fatalf("create data dir: %v", err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o711); err != nil {
		t.Fatalf("chmod data dir: %v", err)
	}
	return filepath.Join(dir, "data")
}

func TestEmbeddedModeKeepsDataAcrossRestarts(t *testing.T) {
	dir := dataDir(t)
	first := apptest.Start(t, apptest.Options{DataDir: dir})
	c := first.NewClient(t)
	c.Register("wes@example.com")
	g := c.Submit("2", "3")
	jobs := byOperation(c.Open(g.ID).WaitFinal(waitJobs))
	if got := deref(jobs["multiply"].Result); got != "6" {
		t.Fatalf("2 * 3: got %s, want 6", got)
	}
	first.Stop(t)

	info, err := os.Stat(filepath.Join(dir, "ticket-secret"))
	if err != nil {
		t.Fatalf("ticket secret: %v", err)
	}
	if mode := info.Mode().Perm(); mode != 0o600 {
		t.Errorf("ticket secret mode: got %o, want 600", mode)
	}
	secret, err := os.ReadFile(filepath.Join(dir, "ticket-secret"))
	if err != nil {
		t.Fatalf("read ticket secret: %v", err)
	}

	second := apptest.Start(t, apptest.Options{DataDir: dir})
	again := second.NewClient(t)
	login := map[string]string{"email": "wes@example.com", "password": "correct horse battery"}
	again.JSON(http.MethodPost, "/api/v1/auth/login", login, http.StatusOK, nil)
	stored := again.Group(g.ID)
	if len(stored.Jobs) != 4 || deref(stored.Jobs[2].Result) != "6" {
		t.Errorf("after restart: got %+v, want the stored group with 2 * 3 = 6", stored)
	}
	after, err := os.ReadFile(filepath.Join(dir, "ticket-secret"))
	if err != nil || string(after) != string(secret) {
		t.Errorf("ticket secret changed across restarts (err %v)", err)
	}
}

func TestEmbeddedPostgresExitIsReported(t *testing.T) {
	dir := dataDir(t)
	srv := apptest.Start(t, apptest.Options{DataDir: dir})
	raw, err := os.ReadFile(filepath.Join(dir, "pgdata", "postmaster.pid"))
	if err != nil {
		t.Fatalf("read postmaster.pid: %v", err)
	}
	pid, err := strconv.Atoi(strings.SplitN(string(raw), "\n", 2)[0])
	if err != nil {
		t.Fatalf("parse postmaster.pid: %v", err)
	}
	// SIGQUIT is Postgres's immediate shutdown.
	if err := syscall.Kill(pid, syscall.SIGQUIT); err != nil {
		t.Fatalf("signal postgres %d: %v", pid, err)
	}
	select {
	case err := <-srv.App.Failed():
		if !strings.Contains(err.Error(), "postgres") {
			t.Errorf("got failure %v, want one naming postgres", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("no failure reported 30 s after postgres exited")
	}
}
