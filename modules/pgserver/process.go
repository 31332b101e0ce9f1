package pgserver

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

const (
	// pollInterval is how often Start checks postmaster.pid and process
	// liveness while it waits.
	pollInterval = 50 * time.Millisecond

	// pipeDrainDelay bounds how long reaping postgres waits for its stderr
	// pipe to close. Orphaned backends of a killed postmaster keep the pipe
	// open.
	pipeDrainDelay = 5 * time.Second
)

// postmaster is a running postgres server process started by this process.
type postmaster struct {
	proc   *os.Process
	exited chan struct{} // closed once the process has been reaped
	err    error         // result of Wait, written before exited closes
}

// startPostmaster starts postgres with SIGINT as its parent-death signal,
// so that the server shuts down when this process dies, even by SIGKILL.
//
// Linux sends the parent-death signal when the OS thread that forked the
// child exits, not when the process does, and the Go runtime may end idle
// threads. So a goroutine locks itself to its thread, starts postgres and
// stays parked in Wait until postgres has exited. It never unlocks, so the
// thread ends only with that goroutine, after postgres is gone.
func startPostmaster(cmd *exec.Cmd) (*postmaster, error) {
	cmd.SysProcAttr.Pdeathsig = syscall.SIGINT
	cmd.WaitDelay = pipeDrainDelay

	pm := &postmaster{exited: make(chan struct{})}
	started := make(chan error, 1)
	go func() {
		runtime.LockOSThread()
		if err := cmd.Start(); err != nil {
			started <- err
			return
		}
		started <- nil
		pm.err = cmd.Wait()
		close(pm.exited)
	}()

	if err := <-started; err != nil {
		return nil, fmt.Errorf("run %s: %w", cmd.Path, err)
	}
	pm.proc = cmd.Process
	return pm, nil
}

// postgresCommand builds the postgres command line. Settings are passed as
// -c flags, sorted by name.
func postgresCommand(binDir, pgdata string, settings map[string]string,
	acct account, stderr io.Writer) *exec.Cmd {
	args := []string{"-D", pgdata, "-p", strconv.Itoa(port)}
	for _, name := range slices.Sorted(maps.Keys(settings)) {
		args = append(args, "-c", name+"="+settings[name])
	}

	cmd := exec.Command(filepath.Join(binDir, "postgres"), args...)
	cmd.Stderr = stderr
	cmd.Dir = "/"
	cmd.SysProcAttr = &syscall.SysProcAttr{
		Credential: acct.credential(),
		// A process group of its own keeps a terminal's Ctrl-C away from
		// postgres, so the program can stop it after closing its pools.
		Setpgid: true,
	}
	return cmd
}

// postmasterStatus reads postmaster.pid. It returns the pid on line 1 and
// the status on line 8, which PostgreSQL 10 and later set to "ready" once
// the server accepts connections. A missing or partly written file gives
// pid 0.
func postmasterStatus(pgdata string) (pid int, status string) {
	data, err := os.ReadFile(filepath.Join(pgdata, "postmaster.pid"))
	if err != nil {
		return 0, ""
	}

	lines := strings.Split(string(data), "\n")
	pid, err = strconv.Atoi(strings.TrimSpace(lines[0]))
	if err != nil {
		return 0, ""
	}
	if len(lines) >= 8 {
		status = strings.TrimSpace(lines[7])
	}
	return pid, status
}

// stopLeftoverPostmaster stops a postmaster still running on pgdata. The
// caller holds the DataDir lock, so such a server was left by an earlier
// Start whose process died: its parent-death signal asked postgres for a
// fast shutdown, which may still be running. A stale postmaster.pid whose
// process is gone or is not a postgres on pgdata is left for postgres to
// handle.
func stopLeftoverPostmaster(ctx context.Context, pgdata string, logger *slog.Logger) error {
	pid, _ := postmasterStatus(pgdata)
	if pid == 0 || !isPostmasterFor(pid, pgdata) {
		return nil
	}

	logger.Warn("stopping leftover postgres", "pid", pid, "data_dir", pgdata)
	if err := syscall.Kill(pid, syscall.SIGINT); err != nil && !errors.Is(err, syscall.ESRCH) {
		return fmt.Errorf("stop leftover postgres (pid %d): %w", pid, err)
	}
	if err := waitExit(ctx, pid); err != nil {
		return fmt.Errorf("stop leftover postgres (pid %d) on %s: %w", pid, pgdata, err)
	}
	return nil
}

// isPostmasterFor reports whether pid is a live postgres process whose
// working directory is pgdata, as the postmaster's is.
func isPostmasterFor(pid int, pgdata string) bool {
	if !isAlive(pid) {
		return false
	}

	comm, err := os.ReadFile(fmt.Sprintf("/proc/%d/comm", pid))
	if err != nil || strings.TrimSpace(string(comm)) != "postgres" {
		return false
	}

	cwd, err := os.Readlink(fmt.Sprintf("/proc/%d/cwd", pid))
	if err != nil {
		return false
	}
	want, err := filepath.EvalSymlinks(pgdata)
	return err == nil && cwd == want
}

// isAlive reports whether pid exists and is not a zombie. A zombie has
// exited but waits for its parent, or init, to reap it.
func isAlive(pid int) bool {
	if err := syscall.Kill(pid, 0); errors.Is(err, syscall.ESRCH) {
		return false
	}

	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return false
	}
	// The state follows the command name, which is in parentheses and may
	// itself contain ") ".
	text := string(stat)
	i := strings.LastIndex(text, ") ")
	return i < 0 || !strings.HasPrefix(text[i+2:], "Z")
}

// waitExit polls until pid has exited or ctx ends.
func waitExit(ctx context.Context, pid int) error {
	ticker := time.NewTicker(pollInterval)
	defer ticker.Stop()

	for isAlive(pid) {
		select {
		case <-ctx.Done():
			return fmt.Errorf("wait for exit: %w", ctx.Err())
		case <-ticker.C:
		}
	}
	return nil
}
