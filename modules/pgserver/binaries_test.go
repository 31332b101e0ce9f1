package pgserver

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fakeBinDir creates dir with executable files of the given names.
func fakeBinDir(t *testing.T, dir string, names ...string) string {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("#!/bin/sh\n"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestFindBinDir(t *testing.T) {
	root := t.TempDir()
	lib := filepath.Join(root, "lib", "postgresql")
	glob := filepath.Join(lib, "*", "bin")
	for _, version := range []string{"9.6", "10", "15"} {
		fakeBinDir(t, filepath.Join(lib, version, "bin"), "initdb", "postgres")
	}
	// 17 is the highest version but lacks initdb, as with only the client
	// package installed.
	fakeBinDir(t, filepath.Join(lib, "17", "bin"), "postgres")
	onPath := fakeBinDir(t, filepath.Join(root, "path"), "initdb", "postgres")
	explicit := fakeBinDir(t, filepath.Join(root, "explicit"), "initdb", "postgres")
	empty := fakeBinDir(t, filepath.Join(root, "empty"))

	tests := []struct {
		name     string
		explicit string
		glob     string
		path     string
		want     string
	}{
		{"explicit dir wins", explicit, glob, onPath, explicit},
		{"highest complete version", "", glob, onPath, filepath.Join(lib, "15", "bin")},
		{"path when no version dir", "", filepath.Join(root, "none", "*"), empty + ":" + onPath, onPath},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := findBinDir(tt.explicit, tt.glob, tt.path)
			if err != nil {
				t.Fatalf("findBinDir: %v", err)
			}
			if got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

func TestFindBinDirNotFound(t *testing.T) {
	root := t.TempDir()
	empty := fakeBinDir(t, filepath.Join(root, "empty"))
	glob := filepath.Join(root, "none", "*", "bin")

	tests := []struct {
		name     string
		explicit string
		path     string
		want     string
	}{
		{"explicit dir only", empty, "/usr/bin", "not found in " + empty + ";"},
		{"glob and path", "", empty, "not found in " + glob + ", " + empty + ";"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := findBinDir(tt.explicit, glob, tt.path)
			if err == nil {
				t.Fatal("findBinDir: got no error, want not found")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got error %q, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestCompareVersions(t *testing.T) {
	tests := []struct {
		a, b string
		want int // sign of the result
	}{
		{"9", "10", -1},
		{"9.6", "10", -1},
		{"10", "15", -1},
		{"17", "15", 1},
		{"15", "15", 0},
		{"beta", "9", -1},
	}
	for _, tt := range tests {
		got := compareVersions(tt.a, tt.b)
		if sign(got) != tt.want {
			t.Errorf("compareVersions(%q, %q): got %d, want sign %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func sign(n int) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	default:
		return 0
	}
}

func TestServerMajor(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		output string
		want   string
	}{
		{"postgres (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)", "15"},
		{"postgres (PostgreSQL) 17.2", "17"},
		{"postgres (PostgreSQL) 9.6.24", "9.6"},
	}
	for _, tt := range tests {
		script := "#!/bin/sh\necho '" + tt.output + "'\n"
		if err := os.WriteFile(filepath.Join(dir, "postgres"), []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
		got, err := serverMajor(t.Context(), dir)
		if err != nil {
			t.Fatalf("serverMajor for %q: %v", tt.output, err)
		}
		if got != tt.want {
			t.Errorf("serverMajor for %q: got %s, want %s", tt.output, got, tt.want)
		}
	}
}
