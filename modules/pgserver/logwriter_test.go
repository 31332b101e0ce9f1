package pgserver

import (
	"bytes"
	"log/slog"
	"strconv"
	"strings"
	"testing"
)

func TestLineLevel(t *testing.T) {
	tests := []struct {
		line string
		prev slog.Level
		want slog.Level
	}{
		{"LOG:  database system is ready to accept connections", slog.LevelWarn, slog.LevelInfo},
		{"WARNING:  there is no transaction in progress", slog.LevelInfo, slog.LevelWarn},
		{"ERROR:  relation \"x\" does not exist", slog.LevelInfo, slog.LevelWarn},
		{"FATAL:  terminating connection", slog.LevelInfo, slog.LevelWarn},
		{"DEBUG2:  checkpoint", slog.LevelWarn, slog.LevelInfo},
		{"STATEMENT:  SELECT * FROM x", slog.LevelWarn, slog.LevelWarn},
		{"\tcontinued line", slog.LevelInfo, slog.LevelInfo},
	}
	for _, tt := range tests {
		if got := lineLevel(tt.line, tt.prev); got != tt.want {
			t.Errorf("lineLevel(%q): got %v, want %v", tt.line, got, tt.want)
		}
	}
}

func TestLogWriterSplitsLines(t *testing.T) {
	var out bytes.Buffer
	w := newLogWriter(slog.New(slog.NewTextHandler(&out, nil)))

	// Lines arrive split across writes.
	for _, chunk := range []string{"LOG:  first", " line\nERROR:  second\nHI", "NT:  third\n", "partial"} {
		if n, err := w.Write([]byte(chunk)); n != len(chunk) || err != nil {
			t.Fatalf("Write(%q): got %d, %v, want %d, nil", chunk, n, err, len(chunk))
		}
	}

	want := "LOG:  first line\nERROR:  second\nHINT:  third"
	if got := w.lastLines(); got != want {
		t.Errorf("lastLines: got %q, want %q", got, want)
	}
	if got := strings.Count(out.String(), "level=WARN"); got != 2 {
		t.Errorf("got %d WARN records, want 2:\n%s", got, out.String())
	}
}

func TestLogWriterKeepsTail(t *testing.T) {
	w := newLogWriter(slog.New(slog.DiscardHandler))
	for i := range tailLines + 5 {
		w.Write([]byte("LOG:  line " + strconv.Itoa(i) + "\n"))
	}

	lines := strings.Split(w.lastLines(), "\n")
	if len(lines) != tailLines {
		t.Fatalf("got %d lines, want %d", len(lines), tailLines)
	}
	if want := "LOG:  line 5"; lines[0] != want {
		t.Errorf("first kept line: got %q, want %q", lines[0], want)
	}
}
