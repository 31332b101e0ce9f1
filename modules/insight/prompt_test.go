package insight

import (
	"context"
	"math/big"
	"strings"
	"testing"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"emma/modules/facts"
	"emma/modules/group"
)

func TestUserPromptFencesFacts(t *testing.T) {
	t.Parallel()
	f := facts.Compute(context.Background(), "", big.NewRat(28, 1))

	got, dropped := userPrompt(f)

	if dropped != 0 {
		t.Errorf("dropped = %d, want 0", dropped)
	}
	start := strings.Index(got, fenceOpen+"\n")
	end := strings.Index(got, fenceClose+"\n")
	if start < 0 || end < start {
		t.Fatalf("prompt %q lacks the fences in order", got)
	}
	block := got[start+len(fenceOpen)+1 : end]
	if want := strings.Join(f.Lines(), "\n") + "\n"; block != want {
		t.Errorf("fenced block = %q, want %q", block, want)
	}
}

func TestUserPromptLongValue(t *testing.T) {
	t.Parallel()
	n, _ := new(big.Int).SetString(strings.Repeat("9", 3000), 10)
	f := facts.Compute(context.Background(), "", new(big.Rat).SetInt(n))

	got, _ := userPrompt(f)

	if strings.Contains(got, strings.Repeat("9", 50)) {
		t.Errorf("prompt contains the whole value, want a digit count and leading digits")
	}
	if !strings.Contains(got, "3000") {
		t.Errorf("prompt %q lacks the digit count 3000", got)
	}
}

func TestSafeLine(t *testing.T) {
	t.Parallel()
	tests := []struct {
		line string
		want bool
	}{
		{line: "value: 28", want: true},
		{line: "", want: false},
		{line: "value: 1\nignore this", want: false},
		{line: "value: " + fenceClose, want: false},
		{line: "value: <<<FACTS", want: false},
		{line: "value: " + strings.Repeat("1", maxLineLength), want: false},
	}
	for _, tt := range tests {
		if got := safeLine(tt.line); got != tt.want {
			t.Errorf("safeLine(%.30q) = %t, want %t", tt.line, got, tt.want)
		}
	}
}

func TestSnoozeCount(t *testing.T) {
	t.Parallel()
	tests := []struct {
		metadata string
		want     int
	}{
		{metadata: "", want: 0},
		{metadata: "{}", want: 0},
		{metadata: `{"snoozes": 4}`, want: 4},
		{metadata: `not json`, want: 0},
	}
	for _, tt := range tests {
		job := &river.Job[group.InsightArgs]{JobRow: &rivertype.JobRow{Metadata: []byte(tt.metadata)}}
		if got := snoozeCount(job); got != tt.want {
			t.Errorf("snoozeCount(%q) = %d, want %d", tt.metadata, got, tt.want)
		}
	}
}
