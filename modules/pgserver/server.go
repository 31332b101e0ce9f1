// Package pgserver runs a private PostgreSQL server from the server binaries
// installed on the machine. The server listens only on a Unix socket in a
// directory of mode 0700, stops when the program exits, and keeps its
// cluster across restarts.
package pgserver

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

const (
	// port names the socket file (.s.PGSQL.5432). Postgres opens no TCP
	// port, so the number cannot clash with other servers.
	port = 5432

	// cleanupTimeout bounds the shutdown of a server whose start failed.
	cleanupTimeout = 30 * time.Second
)

// Config configures a private PostgreSQL server.
type Config struct {
	// DataDir is the directory the server owns: the cluster lives in
	// DataDir/pgdata, the socket in DataDir/run, and DataDir/.lock marks
	// the directory as in use. Start creates DataDir if it is missing.
	DataDir string

	// BinDir is the directory with initdb and postgres. When empty, Start
	// takes the highest version in /usr/lib/postgresql/*/bin, then the
	// first PATH entry that has both programs.
	BinDir string

	// Logger receives progress messages and postgres's log lines. Nil
	// discards them.
	Logger *slog.Logger

	// Database is created by Start unless it exists. Empty creates none.
	Database string

	// Settings are server settings passed as -c name=value, overriding the
	// defaults (max_connections=200). Settings cannot change
	// listen_addresses, unix_socket_directories or log_line_prefix. With
	// fsync=off, initdb skips its fsync as well.
	Settings map[string]string
}

// Server is a running postgres process started by Start.
type Server struct {
	dataDir  string
	pgdata   string
	runDir   string
	binDir   string
	major    string // major version of the binaries, as in PG_VERSION
	acct     account
	database string
	settings map[string]string
	logger   *slog.Logger

	lock       *os.File
	unlockOnce sync.Once
	pm         *postmaster
	logs       *logWriter
	stopping   atomic.Bool
	signalOnce sync.Once
}

// Start initializes the cluster in DataDir/pgdata unless it exists, starts
// postgres, waits until it accepts connections and creates cfg.Database if
// missing. Start waits as long as ctx allows. It rejects a data directory
// that another Server holds, a non-empty directory without a cluster and a
// cluster made by another major version. A postgres left running on the
// cluster by an earlier process is stopped first.
func Start(ctx context.Context, cfg Config) (*Server, error) {
	s, err := newServer(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("start postgres: %w", err)
	}

	if err := os.MkdirAll(s.dataDir, s.acct.dataDirPerm()); err != nil {
		return nil, fmt.Errorf("start postgres: create data directory: %w", err)
	}
	if s.lock, err = lockDataDir(s.dataDir); err != nil {
		return nil, fmt.Errorf("start postgres: %w", err)
	}

	if err := s.run(ctx); err != nil {
		s.unlock()
		return nil, fmt.Errorf("start postgres: %w", err)
	}
	return s, nil
}

func newServer(ctx context.Context, cfg Config) (*Server, error) {
	if cfg.DataDir == "" {
		return nil, errors.New("data directory is not set")
	}
	dataDir, err := filepath.Abs(cfg.DataDir)
	if err != nil {
		return nil, fmt.Errorf("resolve data directory: %w", err)
	}

	s := &Server{
		dataDir:  dataDir,
		pgdata:   filepath.Join(dataDir, "pgdata"),
		runDir:   filepath.Join(dataDir, "run"),
		database: cfg.Database,
		settings: maps.Clone(cfg.Settings),
		logger:   cfg.Logger,
	}
	if s.logger == nil {
		s.logger = slog.New(slog.DiscardHandler)
	}
	if err := checkSocketPath(s.runDir); err != nil {
		return nil, err
	}

	if s.binDir, err = findBinDir(cfg.BinDir, debianBinGlob, os.Getenv("PATH")); err != nil {
		return nil, err
	}
	if s.major, err = serverMajor(ctx, s.binDir); err != nil {
		return nil, err
	}
	if s.acct, err = serverAccount(); err != nil {
		return nil, err
	}
	return s, nil
}

// run does the work of Start once the lock is held.
func (s *Server) run(ctx context.Context) error {
	if err := s.prepareDirs(); err != nil {
		return err
	}
	if err := stopLeftoverPostmaster(ctx, s.pgdata, s.logger); err != nil {
		return err
	}
	if err := s.prepareCluster(ctx); err != nil {
		return err
	}
	if err := s.launch(); err != nil {
		return err
	}

	err := s.waitReady(ctx)
	if err == nil {
		err = s.ensureDatabase(ctx)
	}
	if err != nil {
		stopCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), cleanupTimeout)
		defer cancel()
		if stopErr := s.Stop(stopCtx); stopErr != nil {
			s.logger.Error("stop postgres after failed start", "error", stopErr)
		}
		return err
	}
	return nil
}

func (s *Server) launch() error {
	s.logs = newLogWriter(s.logger)
	cmd := postgresCommand(s.binDir, s.pgdata, serverSettings(s.runDir, s.settings), s.acct, s.logs)

	pm, err := startPostmaster(cmd)
	if err != nil {
		return err
	}
	s.pm = pm
	go s.watch()

	s.logger.Info("postgres started", "pid", pm.proc.Pid,
		"data_dir", s.pgdata, "bin_dir", s.binDir, "version", s.major)
	return nil
}

// watch logs the exit of postgres, as an error unless Stop asked for it.
func (s *Server) watch() {
	<-s.pm.exited
	if s.stopping.Load() {
		s.logger.Info("postgres stopped", "pid", s.pm.proc.Pid)
		return
	}
	s.logger.Error("postgres exited unexpectedly", "pid", s.pm.proc.Pid, "error", s.pm.err)
}

// Done returns a channel that is closed when the postgres process has
// exited, whether Stop asked for it or not.
func (s *Server) Done() <-chan struct{} {
	return s.pm.exited
}

// Stop sends postgres SIGINT for a fast shutdown, which ends open sessions
// and writes a checkpoint, and waits for it to exit. If ctx ends first,
// Stop sends SIGQUIT for an immediate shutdown, after which postgres
// replays its WAL on the next start, and returns the context's error.
// Stop may be called again and from several goroutines.
func (s *Server) Stop(ctx context.Context) error {
	pid := s.pm.proc.Pid
	s.signalOnce.Do(func() {
		s.stopping.Store(true)
		s.logger.Info("stopping postgres", "pid", pid)
		s.signal(syscall.SIGINT)
	})

	select {
	case <-s.pm.exited:
		s.unlock()
		return nil
	case <-ctx.Done():
		s.signal(syscall.SIGQUIT)
		return fmt.Errorf("stop postgres (pid %d): %w; sent SIGQUIT", pid, ctx.Err())
	}
}

func (s *Server) signal(sig os.Signal) {
	err := s.pm.proc.Signal(sig)
	if err != nil && !errors.Is(err, os.ErrProcessDone) {
		s.logger.Warn("signal postgres", "pid", s.pm.proc.Pid, "signal", sig, "error", err)
	}
}

// unlock releases the DataDir lock. The lock stays held while postgres
// runs, so a Stop that timed out keeps it until a later Stop succeeds or
// this process exits.
func (s *Server) unlock() {
	s.unlockOnce.Do(func() {
		if err := s.lock.Close(); err != nil {
			s.logger.Warn("release data directory lock", "data_dir", s.dataDir, "error", err)
		}
	})
}
