package pgserver

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// lockFileName is the file in DataDir that a running Server holds an
// exclusive flock on. The kernel drops the lock when the process dies.
const lockFileName = ".lock"

// lockDataDir takes the exclusive lock on dataDir and writes the caller's
// process id into the lock file for people to read. A flock belongs to the
// open file, so two Start calls in one process also exclude each other.
func lockDataDir(dataDir string) (*os.File, error) {
	path := filepath.Join(dataDir, lockFileName)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open lock file: %w", err)
	}

	err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) {
		holder := lockHolder(f)
		f.Close()
		return nil, fmt.Errorf("data directory %s is already in use by %s", dataDir, holder)
	}
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}

	if err := writePID(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("write lock file %s: %w", path, err)
	}
	return f, nil
}

func writePID(f *os.File) error {
	pid := []byte(strconv.Itoa(os.Getpid()) + "\n")
	if _, err := f.WriteAt(pid, 0); err != nil {
		return err
	}
	return f.Truncate(int64(len(pid)))
}

// lockHolder names the process that holds the flock on f. It reads
// /proc/locks rather than the lock file, because the holder writes its id
// into the file only after it has taken the lock.
func lockHolder(f *os.File) string {
	var st syscall.Stat_t
	if err := syscall.Fstat(int(f.Fd()), &st); err != nil {
		return "another process"
	}
	data, err := os.ReadFile("/proc/locks")
	if err != nil {
		return "another process"
	}

	// A line reads "1: FLOCK  ADVISORY  WRITE <pid> <major>:<minor>:<inode> 0 EOF",
	// with major and minor device numbers in hex.
	major := (st.Dev>>8)&0xfff | (st.Dev>>32)&^0xfff
	minor := st.Dev&0xff | (st.Dev>>12)&^0xff
	file := fmt.Sprintf("%02x:%02x:%d", major, minor, st.Ino)
	for line := range strings.Lines(string(data)) {
		fields := strings.Fields(line)
		if len(fields) >= 6 && fields[1] == "FLOCK" && fields[5] == file {
			return "process " + fields[4]
		}
	}
	return "another process"
}
