package bigmath

import (
	"bytes"
	"context"
	"math/big"
	"math/rand"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// runTool runs name with args and stdin and returns its trimmed output. It
// skips the test when the tool is not installed.
func runTool(t *testing.T, stdin, name string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Skipf("%s not installed: %v", name, err)
	}

	cmd := exec.Command(name, args...)
	cmd.Stdin = strings.NewReader(stdin)
	cmd.Env = append(os.Environ(), "BC_LINE_LENGTH=0")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s failed: %v: %s", name, err, stderr.String())
	}

	return strings.TrimSpace(string(out))
}

// pythonLines runs a python3 program with unlimited int-to-str digits and
// returns its output lines.
func pythonLines(t *testing.T, program string) []string {
	t.Helper()
	header := "import sys, math\nsys.set_int_max_str_digits(0)\n"

	return strings.Split(runTool(t, header+program, "python3", "-"), "\n")
}

// bcDigits returns the output of bc -l for program, in which the last
// expression prints one number.
func bcDigits(t *testing.T, program string) string {
	t.Helper()

	return runTool(t, program+"\n", "bc", "-l")
}

// parseInt returns the integer with decimal text s.
func parseInt(t *testing.T, s string) *big.Int {
	t.Helper()
	n, ok := new(big.Int).SetString(s, 10)
	if !ok {
		t.Fatalf("parse %q: not a decimal integer", s)
	}

	return n
}

// progressLog records Progress calls.
type progressLog struct {
	fractions []float64
	phases    []string
}

// record is a Progress that appends to the log.
func (l *progressLog) record(fraction float64, phase string) {
	l.fractions = append(l.fractions, fraction)
	l.phases = append(l.phases, phase)
}

// check fails t unless the fractions are non-decreasing within [0, 1] and
// the last one is 1.
func (l *progressLog) check(t *testing.T) {
	t.Helper()
	if len(l.fractions) == 0 {
		t.Fatal("got no progress reports, want at least one")
	}

	previous := 0.0
	for i, f := range l.fractions {
		if f < previous || f > 1 {
			t.Errorf("report %d (%s): got fraction %v after %v, want non-decreasing in [0, 1]",
				i, l.phases[i], f, previous)
		}

		previous = f
	}

	if last := l.fractions[len(l.fractions)-1]; last != 1 {
		t.Errorf("got last fraction %v, want 1", last)
	}
}

// cancelOnFirstReport returns a context and a Progress that cancels it on
// its first call.
func cancelOnFirstReport() (context.Context, Progress) {
	ctx, cancel := context.WithCancel(context.Background())

	return ctx, func(float64, string) { cancel() }
}

// randomInt returns a uniform random integer in [0, 2^bits).
func randomInt(rng *rand.Rand, bits uint) *big.Int {
	return new(big.Int).Rand(rng, new(big.Int).Lsh(big.NewInt(1), bits))
}
