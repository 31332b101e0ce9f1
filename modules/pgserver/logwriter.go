package pgserver

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"sync"
)

// tailLines is how many of postgres's last log lines a startup error shows.
const tailLines = 20

// logWriter receives postgres's stderr, logs each line and keeps the last
// tailLines lines for error messages. Postgres runs with an empty
// log_line_prefix, so a line starts with its severity ("LOG:  ...").
type logWriter struct {
	logger *slog.Logger

	mu      sync.Mutex
	partial []byte     // text after the last newline
	level   slog.Level // level of the last line that named a severity
	tail    []string
}

func newLogWriter(logger *slog.Logger) *logWriter {
	return &logWriter{logger: logger, level: slog.LevelInfo}
}

// Write logs every complete line in p. It always returns len(p) and nil,
// so that postgres's writes to the pipe do not fail.
func (w *logWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()

	w.partial = append(w.partial, p...)
	for {
		line, rest, found := bytes.Cut(w.partial, []byte("\n"))
		if !found {
			break
		}
		w.logLine(string(line))
		w.partial = rest
	}
	// Copy the remainder, so that the buffer does not keep growing.
	w.partial = append([]byte(nil), w.partial...)
	return len(p), nil
}

func (w *logWriter) logLine(line string) {
	w.level = lineLevel(line, w.level)
	w.logger.Log(context.Background(), w.level, "postgres", "line", line)

	w.tail = append(w.tail, line)
	if len(w.tail) > tailLines {
		w.tail = w.tail[len(w.tail)-tailLines:]
	}
}

// lastLines returns the most recent lines, oldest first.
func (w *logWriter) lastLines() string {
	w.mu.Lock()
	defer w.mu.Unlock()

	return strings.Join(w.tail, "\n")
}

// lineLevel maps a postgres severity to a slog level: warnings and errors
// to Warn, the rest to Info. Lines without a severity (DETAIL, HINT,
// STATEMENT, continuation lines) take the level of the line before.
func lineLevel(line string, prev slog.Level) slog.Level {
	severity, _, _ := strings.Cut(line, ":")
	switch {
	case severity == "WARNING", severity == "ERROR",
		severity == "FATAL", severity == "PANIC":
		return slog.LevelWarn
	case severity == "LOG", severity == "INFO", severity == "NOTICE",
		strings.HasPrefix(severity, "DEBUG"):
		return slog.LevelInfo
	default:
		return prev
	}
}
