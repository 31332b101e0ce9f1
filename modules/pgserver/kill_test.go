package pgserver

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// helperDataDirEnv makes the test binary act as a program that starts a
// server in the named DataDir, prints the postgres pid and waits to be
// killed.
const helperDataDirEnv = "PGSERVER_TEST_HELPER_DATA_DIR"

// runHelper runs in the re-executed test binary and never returns.
func runHelper(dataDir string) {
	ctx, cancel := context.WithTimeout(context.Background(), startTimeout)
	defer cancel()

	s, err := Start(ctx, Config{DataDir: dataDir, Database: "emma", Settings: fastSettings()})
	if err != nil {
		fmt.Fprintln(os.Stderr, "helper:", err)
		os.Exit(1)
	}

	if err := insertHelperRow(ctx, s.DSN("emma")); err != nil {
		fmt.Fprintln(os.Stderr, "helper:", err)
		os.Exit(1)
	}
	fmt.Printf("postgres pid %d\n", s.pm.proc.Pid)
	select {}
}

func insertHelperRow(ctx context.Context, dsn string) error {
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())

	_, err = conn.Exec(ctx, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('written by helper')")
	return err
}

func TestServerStopsWhenOwnerKilled(t *testing.T) {
	dataDir := newDataDir(t)
	helper := exec.Command(os.Args[0], "-test.run=^$")
	helper.Env = append(os.Environ(), helperDataDirEnv+"="+dataDir)
	helper.Stderr = os.Stderr
	stdout, err := helper.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := helper.Start(); err != nil {
		t.Fatal(err)
	}

	pid, err := readHelperPID(stdout, startTimeout)
	if err != nil {
		helper.Process.Kill()
		helper.Wait()
		t.Fatalf("helper: %v", err)
	}

	if err := helper.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	helper.Wait()

	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	if err := waitExit(ctx, pid); err != nil {
		syscall.Kill(pid, syscall.SIGQUIT)
		t.Fatalf("postgres (pid %d) after helper was killed: %v", pid, err)
	}

	s := startServer(t, testConfig(dataDir, &syncBuffer{}))
	if got := queryString(t, s.DSN("emma"), "SELECT v FROM kept"); got != "written by helper" {
		t.Errorf("got row %q after restart, want %q", got, "written by helper")
	}
}

// readHelperPID reads the postgres pid that the helper prints once its
// server runs.
func readHelperPID(stdout io.Reader, timeout time.Duration) (int, error) {
	lines := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(stdout).ReadString('\n')
		lines <- line
	}()

	select {
	case line := <-lines:
		pid, err := strconv.Atoi(strings.TrimSpace(strings.TrimPrefix(line, "postgres pid ")))
		if err != nil {
			return 0, fmt.Errorf("parse output %q: %w", line, err)
		}
		return pid, nil
	case <-time.After(timeout):
		return 0, fmt.Errorf("no pid within %v", timeout)
	}
}
