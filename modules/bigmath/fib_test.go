package bigmath

import (
	"context"
	"testing"
)

func TestFibMatchesLoop(t *testing.T) {
	prev, cur := parseInt(t, "0"), parseInt(t, "1")
	for n := uint64(0); n <= 1500; n++ {
		got, err := Fib(context.Background(), n, nil)
		if err != nil {
			t.Fatalf("F(%d): got error %v, want nil", n, err)
		}

		if got.Cmp(prev) != 0 {
			t.Fatalf("F(%d): got %s, want %s", n, got, prev)
		}

		prev.Add(prev, cur)
		prev, cur = cur, prev
	}
}

func TestFibMatchesPython(t *testing.T) {
	program := "a, b = 0, 1\nfor _ in range(100001):\n    a, b = b, a + b\nprint(a)\n"
	want := pythonLines(t, program)[0]
	got, err := Fib(context.Background(), 100001, nil)
	if err != nil {
		t.Fatalf("got error %v, want nil", err)
	}

	if got.String() != want {
		t.Errorf("got %.30s... (%d digits), want %.30s... (%d digits)",
			got, len(got.String()), want, len(want))
	}
}

func TestFibReportsProgress(t *testing.T) {
	var log progressLog
	if _, err := Fib(context.Background(), 1<<20+12345, log.record); err != nil {
		t.Fatalf("got error %v, want nil", err)
	}

	log.check(t)
}
