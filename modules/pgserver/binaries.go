package pgserver

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// debianBinGlob matches the per-version server directories of Debian's
// postgresql-NN packages.
const debianBinGlob = "/usr/lib/postgresql/*/bin"

// findBinDir returns the directory to run initdb and postgres from. An
// explicit dir is the only candidate. Otherwise the highest version matched
// by glob wins, then the PATH entries in order.
func findBinDir(explicit, glob, pathList string) (string, error) {
	var candidates []string
	if explicit != "" {
		candidates = []string{explicit}
	} else {
		candidates = append(versionDirs(glob), filepath.SplitList(pathList)...)
	}

	for _, dir := range candidates {
		if hasBinaries(dir) {
			return dir, nil
		}
	}

	searched := candidates
	if explicit == "" {
		// Name the pattern too, because it matched nothing when no
		// package is installed.
		searched = append([]string{glob}, candidates...)
	}
	return "", fmt.Errorf("PostgreSQL server binaries (initdb, postgres) "+
		"not found in %s; install them (Debian: apt-get install postgresql) "+
		"or set DATABASE_URL to use an existing database",
		strings.Join(searched, ", "))
}

// versionDirs returns the directories matched by glob, highest version first.
// The version is the path element before "bin", compared numerically so
// that 9.6 < 10 < 15 < 17.
func versionDirs(glob string) []string {
	dirs, err := filepath.Glob(glob)
	if err != nil {
		return nil
	}

	slices.SortFunc(dirs, func(a, b string) int {
		return -compareVersions(versionOf(a), versionOf(b))
	})
	return dirs
}

func versionOf(binDir string) string {
	return filepath.Base(filepath.Dir(binDir))
}

// compareVersions compares dotted numeric versions such as "9.6" and "15".
// A part that is not a number counts as -1, so such directories sort last.
func compareVersions(a, b string) int {
	as, bs := strings.Split(a, "."), strings.Split(b, ".")
	for i := range max(len(as), len(bs)) {
		if c := versionPart(as, i) - versionPart(bs, i); c != 0 {
			return c
		}
	}
	return 0
}

func versionPart(parts []string, i int) int {
	if i >= len(parts) {
		return 0
	}

	n, err := strconv.Atoi(parts[i])
	if err != nil {
		return -1
	}
	return n
}

func hasBinaries(dir string) bool {
	if dir == "" {
		return false
	}

	for _, name := range []string{"initdb", "postgres"} {
		info, err := os.Stat(filepath.Join(dir, name))
		if err != nil || !info.Mode().IsRegular() || info.Mode().Perm()&0o111 == 0 {
			return false
		}
	}
	return true
}

// versionPattern matches the version in "postgres (PostgreSQL) 15.18 (Debian
// 15.18-0+deb12u1)". Group 1 is the major version as PG_VERSION stores it:
// one number from 10 on, two numbers (9.6) before.
var versionPattern = regexp.MustCompile(`\(PostgreSQL\) (9\.\d+|\d+)`)

// serverMajor runs "postgres --version" from binDir and returns the major
// version. Postgres handles --version before its check for root, so this
// also works as root.
func serverMajor(ctx context.Context, binDir string) (string, error) {
	bin := filepath.Join(binDir, "postgres")
	out, err := exec.CommandContext(ctx, bin, "--version").Output()
	if err != nil {
		return "", fmt.Errorf("run %s --version: %w", bin, err)
	}

	m := versionPattern.FindSubmatch(out)
	if m == nil {
		return "", fmt.Errorf("parse version of %s: unexpected output %q",
			bin, strings.TrimSpace(string(out)))
	}
	return string(m[1]), nil
}
