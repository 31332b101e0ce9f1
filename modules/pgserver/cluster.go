package pgserver

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// superuser is the role initdb creates and the DSN connects as.
const superuser = "postgres"

// dirState is the state of DataDir/pgdata: missing, empty or a cluster.
type dirState int

const (
	dirMissing dirState = iota
	dirEmpty
	dirCluster
)

// inspectDataDir reports whether pgdata is missing, empty or a cluster.
// Any other content is an error, because Start never writes into a
// directory it did not create.
func inspectDataDir(pgdata string) (dirState, error) {
	info, err := os.Stat(pgdata)
	if errors.Is(err, fs.ErrNotExist) {
		return dirMissing, nil
	}
	if err != nil {
		return 0, fmt.Errorf("stat data directory: %w", err)
	}
	if !info.IsDir() {
		return 0, fmt.Errorf("data directory %s exists but is not a directory", pgdata)
	}

	if _, err := os.Stat(filepath.Join(pgdata, "PG_VERSION")); err == nil {
		return dirCluster, nil
	}

	entries, err := os.ReadDir(pgdata)
	if err != nil {
		return 0, fmt.Errorf("read data directory: %w", err)
	}
	if len(entries) > 0 {
		return 0, fmt.Errorf("data directory %s is not empty but contains no "+
			"PostgreSQL cluster (PG_VERSION is missing); move its files "+
			"away or choose another data directory", pgdata)
	}
	return dirEmpty, nil
}

// checkClusterVersion rejects a cluster whose PG_VERSION differs from the
// major version of the server binaries, because postgres cannot read it.
func checkClusterVersion(pgdata, binDir, binMajor string) error {
	data, err := os.ReadFile(filepath.Join(pgdata, "PG_VERSION"))
	if err != nil {
		return fmt.Errorf("read cluster version: %w", err)
	}

	clusterMajor := strings.TrimSpace(string(data))
	if clusterMajor != binMajor {
		return fmt.Errorf("data directory %s was created by PostgreSQL %s "+
			"but the server binaries in %s are version %s; use matching "+
			"binaries (EMMA_PG_BIN_DIR) or set DATABASE_URL",
			pgdata, clusterMajor, binDir, binMajor)
	}
	return nil
}

// initOptions are the inputs of initCluster.
type initOptions struct {
	binDir string
	major  string
	pgdata string
	state  dirState // dirMissing or dirEmpty
	acct   account
	noSync bool // skip initdb's final fsync
	logger *slog.Logger
}

// initCluster runs initdb. When pgdata is missing, initdb writes to
// pgdata.initdb and the result is renamed into place, so an interrupted
// initdb never leaves a half-made cluster at pgdata. An existing empty
// pgdata (a mount point, say) is initialized in place.
func initCluster(ctx context.Context, opts initOptions) error {
	target := opts.pgdata
	if opts.state == dirMissing {
		target = opts.pgdata + ".initdb"
		// Only an interrupted initdb leaves this directory, and no
		// server has ever run on it.
		if err := os.RemoveAll(target); err != nil {
			return fmt.Errorf("remove unfinished cluster: %w", err)
		}
		if err := os.Mkdir(target, 0o700); err != nil {
			return fmt.Errorf("create cluster directory: %w", err)
		}
	}
	if err := opts.acct.chown(target); err != nil {
		return err
	}

	// NOTE: an initdb killed while it writes into an existing empty pgdata
	// leaves a partial cluster there, which later starts fail to run.
	// Emptying the directory lets the next Start run initdb again.
	opts.logger.Info("initializing postgres cluster", "data_dir", opts.pgdata)
	if err := runInitdb(ctx, opts, target); err != nil {
		if target != opts.pgdata {
			os.RemoveAll(target)
		}
		return err
	}

	if target != opts.pgdata {
		if err := os.Rename(target, opts.pgdata); err != nil {
			return fmt.Errorf("move new cluster into place: %w", err)
		}
	}
	return nil
}

func runInitdb(ctx context.Context, opts initOptions, target string) error {
	args := []string{
		"--pgdata=" + target,
		"--username=" + superuser,
		// Trust is safe because the socket directory is mode 0700, so
		// only the owning OS user and root can reach the socket.
		"--auth-local=trust",
		"--auth-host=reject",
		"--encoding=UTF8",
		"--locale=C",
	}
	if major, err := strconv.Atoi(opts.major); err == nil && major >= 13 {
		args = append(args, "--no-instructions") // added in PostgreSQL 13
	}
	if opts.noSync {
		args = append(args, "--no-sync")
	}

	var out bytes.Buffer
	cmd := exec.CommandContext(ctx, filepath.Join(opts.binDir, "initdb"), args...)
	cmd.Stdout, cmd.Stderr = &out, &out
	// The caller's working directory may be closed to the postgres user.
	cmd.Dir = "/"
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: opts.acct.credential()}
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("initdb %s: %w; output:\n%s",
			target, err, strings.TrimSpace(out.String()))
	}

	opts.logger.Debug("initdb finished", "output", out.String())
	return nil
}

// prepareDirs makes DataDir passable and the socket directory private to
// the server account.
func (s *Server) prepareDirs() error {
	if s.acct.switchUser {
		// The postgres user must pass through DataDir to reach pgdata and
		// the socket directory, but needs no listing.
		if err := addSearchPermission(s.dataDir); err != nil {
			return err
		}
		if err := s.acct.checkSearchable(s.dataDir); err != nil {
			return err
		}
	}

	if err := os.Mkdir(s.runDir, 0o700); err != nil && !errors.Is(err, os.ErrExist) {
		return fmt.Errorf("create socket directory: %w", err)
	}
	if err := os.Chmod(s.runDir, 0o700); err != nil {
		return fmt.Errorf("restrict socket directory: %w", err)
	}
	return s.acct.chown(s.runDir)
}

// addSearchPermission adds the execute bit for group and others to dir,
// turning 0700 into 0711.
func addSearchPermission(dir string) error {
	info, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("stat data directory: %w", err)
	}

	perm := info.Mode().Perm()
	if perm&0o011 == 0o011 {
		return nil
	}
	if err := os.Chmod(dir, perm|0o011); err != nil {
		return fmt.Errorf("allow postgres user into data directory: %w", err)
	}
	return nil
}

func (s *Server) prepareCluster(ctx context.Context) error {
	state, err := inspectDataDir(s.pgdata)
	if err != nil {
		return err
	}
	if state == dirCluster {
		return checkClusterVersion(s.pgdata, s.binDir, s.major)
	}

	return initCluster(ctx, initOptions{
		binDir: s.binDir,
		major:  s.major,
		pgdata: s.pgdata,
		state:  state,
		acct:   s.acct,
		noSync: s.settings["fsync"] == "off",
		logger: s.logger,
	})
}
