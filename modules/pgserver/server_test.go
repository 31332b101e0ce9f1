package pgserver

import (
	"context"
	"os"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestStartStopRestart(t *testing.T) {
	logs := &syncBuffer{}
	cfg := testConfig(newDataDir(t), logs)

	first := startServer(t, cfg)
	execSQL(t, first.DSN("emma"),
		"CREATE TABLE kept (v text)",
		"INSERT INTO kept VALUES ('before restart')")
	stopServer(t, first)

	select {
	case <-first.Done():
	default:
		t.Error("Done channel open after Stop, want closed")
	}
	stopServer(t, first) // a second Stop must succeed too

	second := startServer(t, cfg)
	got := queryString(t, second.DSN("emma"), "SELECT v FROM kept")
	if got != "before restart" {
		t.Errorf("got row %q after restart, want %q", got, "before restart")
	}

	if want := "database system is ready to accept connections"; !strings.Contains(logs.String(), want) {
		t.Errorf("got logs without %q:\n%s", want, logs.String())
	}
}

func TestStartConfiguresPrivateServer(t *testing.T) {
	cfg := testConfig(newDataDir(t), &syncBuffer{})
	s := startServer(t, cfg)

	tests := []struct {
		query string
		want  string
	}{
		{"SHOW listen_addresses", ""},
		{"SHOW max_connections", "200"},
		{"SHOW fsync", "off"},
		{"SHOW server_encoding", "UTF8"},
		{"SHOW lc_collate", "C"},
		{"SELECT current_user", superuser},
		{"SELECT current_database()", "emma"},
	}
	for _, tt := range tests {
		if got := queryString(t, s.DSN("emma"), tt.query); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.query, got, tt.want)
		}
	}

	for _, dir := range []string{"pgdata", "run"} {
		info, err := os.Stat(filepath.Join(cfg.DataDir, dir))
		if err != nil {
			t.Fatal(err)
		}
		if got := info.Mode().Perm(); got != 0o700 {
			t.Errorf("%s: got mode %o, want 700", dir, got)
		}
		checkOwner(t, info)
	}
}

// checkOwner checks that a directory belongs to the postgres user when the
// test runs as root, and to the caller otherwise.
func checkOwner(t *testing.T, info os.FileInfo) {
	t.Helper()
	want := os.Geteuid()
	if want == 0 {
		u, err := user.Lookup(serverUserName)
		if err != nil {
			t.Fatal(err)
		}
		want, _ = strconv.Atoi(u.Uid)
	}

	if got := int(info.Sys().(*syscall.Stat_t).Uid); got != want {
		t.Errorf("%s: got owner uid %d, want %d", info.Name(), got, want)
	}
}

func TestStartRejectsDataDir(t *testing.T) {
	binDir, err := findBinDir("", debianBinGlob, os.Getenv("PATH"))
	if err != nil {
		t.Fatal(err)
	}
	major, err := serverMajor(t.Context(), binDir)
	if err != nil {
		t.Fatal(err)
	}
	majorNumber, _ := strconv.Atoi(major)
	otherMajor := strconv.Itoa(majorNumber - 1)

	tests := []struct {
		name  string
		files map[string]string // path in DataDir: content
		want  string
	}{
		{
			name:  "cluster of other version",
			files: map[string]string{"pgdata/PG_VERSION": otherMajor + "\n", "pgdata/base/1": "rows"},
			want: "was created by PostgreSQL " + otherMajor + " but the server binaries in " +
				binDir + " are version " + major,
		},
		{
			name:  "files without cluster",
			files: map[string]string{"pgdata/notes.txt": "keep me"},
			want:  "is not empty but contains no PostgreSQL cluster",
		},
		{
			name:  "file in place of directory",
			files: map[string]string{"pgdata": "keep me"},
			want:  "exists but is not a directory",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dataDir := newDataDir(t)
			writeFiles(t, dataDir, tt.files)

			s, err := Start(t.Context(), testConfig(dataDir, &syncBuffer{}))
			if err == nil {
				stopServer(t, s)
				t.Fatalf("Start: got no error, want %q", tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Start: got error %q, want it to contain %q", err, tt.want)
			}
			checkFiles(t, dataDir, tt.files)
		})
	}
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

func checkFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, want := range files {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Errorf("read %s after Start: %v", name, err)
			continue
		}
		if string(got) != want {
			t.Errorf("%s: got content %q after Start, want %q", name, got, want)
		}
	}
}

func TestStartMissingBinaries(t *testing.T) {
	emptyDir := t.TempDir()
	t.Setenv("PATH", "")
	dataDir := newDataDir(t)

	cfg := testConfig(dataDir, &syncBuffer{})
	cfg.BinDir = emptyDir
	s, err := Start(t.Context(), cfg)
	if err == nil {
		stopServer(t, s)
		t.Fatal("Start: got no error, want binaries not found")
	}

	for _, want := range []string{
		"PostgreSQL server binaries (initdb, postgres) not found in " + emptyDir,
		"apt-get install postgresql",
		"DATABASE_URL",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Start: got error %q, want it to contain %q", err, want)
		}
	}
	if _, err := os.Stat(dataDir); !os.IsNotExist(err) {
		t.Errorf("stat data directory: got %v, want not exist", err)
	}
}

func TestStartLockedDataDir(t *testing.T) {
	cfg := testConfig(newDataDir(t), &syncBuffer{})
	ctx, cancel := context.WithTimeout(t.Context(), startTimeout)
	defer cancel()

	type result struct {
		server *Server
		err    error
	}
	results := make(chan result, 2)
	for range 2 {
		go func() {
			s, err := Start(ctx, cfg)
			results <- result{s, err}
		}()
	}

	var started int
	var errs []error
	for range 2 {
		r := <-results
		if r.err != nil {
			errs = append(errs, r.err)
			continue
		}
		started++
		t.Cleanup(func() { stopServer(t, r.server) })
	}

	if started != 1 {
		t.Fatalf("got %d servers started, want 1 (errors: %v)", started, errs)
	}
	want := "is already in use by process " + strconv.Itoa(os.Getpid())
	if !strings.Contains(errs[0].Error(), want) {
		t.Errorf("second Start: got error %q, want it to contain %q", errs[0], want)
	}
}

func TestStartReportsStartupFailure(t *testing.T) {
	cfg := testConfig(newDataDir(t), &syncBuffer{})
	cfg.Settings["max_connections"] = "many"

	s, err := Start(t.Context(), cfg)
	if err == nil {
		stopServer(t, s)
		t.Fatal("Start: got no error, want invalid max_connections")
	}
	want := `invalid value for parameter "max_connections": "many"`
	if !strings.Contains(err.Error(), want) {
		t.Errorf("Start: got error %q, want it to contain %q", err, want)
	}

	// The failed start must release the lock and leave a usable cluster.
	cfg.Settings = fastSettings()
	startServer(t, cfg)
}

func TestStartStopsLeftoverPostmaster(t *testing.T) {
	logs := &syncBuffer{}
	cfg := testConfig(newDataDir(t), logs)
	leftover := startServer(t, cfg)
	execSQL(t, leftover.DSN("emma"), "CREATE TABLE kept (v text)")

	// Releasing the lock while postgres runs is what the death of the
	// owning process leaves behind.
	leftover.unlock()
	s := startServer(t, cfg)

	select {
	case <-leftover.Done():
	case <-time.After(10 * time.Second):
		t.Fatalf("leftover postgres (pid %d) still runs after the new Start", leftover.pm.proc.Pid)
	}
	if got := queryString(t, s.DSN("emma"), "SELECT count(*)::text FROM kept"); got != "0" {
		t.Errorf("got %s rows in kept, want 0", got)
	}
	if want := "stopping leftover postgres"; !strings.Contains(logs.String(), want) {
		t.Errorf("got logs without %q:\n%s", want, logs.String())
	}
}
