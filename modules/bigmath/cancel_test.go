package bigmath

import (
	"context"
	"errors"
	"math/big"
	"math/rand"
	"testing"
	"time"
)

// cancelable is one long computation with a context and a Progress.
type cancelable struct {
	name string
	run  func(ctx context.Context, p Progress) error
}

// cancelables returns the long computations, sized so that each runs for
// seconds unless it stops at cancellation.
func cancelables() []cancelable {
	hard, _ := hardComposite()
	large := randomInt(rand.New(rand.NewSource(12)), 20_000_000)

	return []cancelable{
		{name: "factorial", run: func(ctx context.Context, p Progress) error {
			_, err := Factorial(ctx, 3_000_000, p)
			return err
		}},
		{name: "fib", run: func(ctx context.Context, p Progress) error {
			_, err := Fib(ctx, 300_000_000, p)
			return err
		}},
		{name: "binomial by primes", run: func(ctx context.Context, p Progress) error {
			_, err := Binomial(ctx, 20_000_000, 10_000_000, p)
			return err
		}},
		{name: "binomial by quotient", run: func(ctx context.Context, p Progress) error {
			_, err := Binomial(ctx, 1<<50, 1_000_000, p)
			return err
		}},
		{name: "pow", run: func(ctx context.Context, p Progress) error {
			_, err := Pow(ctx, big.NewInt(3), 100_000_000, p)
			return err
		}},
		{name: "pi", run: func(ctx context.Context, p Progress) error {
			_, err := Pi(ctx, 3_000_000, p)
			return err
		}},
		{name: "e", run: func(ctx context.Context, p Progress) error {
			_, err := E(ctx, 3_000_000, p)
			return err
		}},
		{name: "decimal", run: func(ctx context.Context, p Progress) error {
			_, err := Decimal(ctx, large, p)
			return err
		}},
		{name: "factor", run: func(ctx context.Context, p Progress) error {
			_, err := Factor(ctx, hard, p)
			return err
		}},
	}
}

func TestCanceledBeforeStart(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, c := range cancelables() {
		t.Run(c.name, func(t *testing.T) {
			if err := c.run(ctx, nil); !errors.Is(err, context.Canceled) {
				t.Errorf("got error %v, want context.Canceled", err)
			}
		})
	}
}

func TestCanceledDuringRun(t *testing.T) {
	for _, c := range cancelables() {
		t.Run(c.name, func(t *testing.T) {
			ctx, cancelOnReport := cancelOnFirstReport()
			if err := c.run(ctx, cancelOnReport); !errors.Is(err, context.Canceled) {
				t.Errorf("got error %v, want context.Canceled", err)
			}
		})
	}
}

func TestSqrtDigitsCanceledBeforeStart(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := SqrtDigits(ctx, big.NewRat(2, 1), 1000)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("got error %v, want context.Canceled", err)
	}
}

// BenchmarkCancelLatency reports how long each long computation keeps
// running after its context is canceled half a second into the run.
func BenchmarkCancelLatency(b *testing.B) {
	for _, c := range cancelables() {
		b.Run(c.name, func(b *testing.B) {
			worst := time.Duration(0)
			for b.Loop() {
				ctx, cancel := context.WithCancel(context.Background())
				canceledAt := make(chan time.Time, 1)
				timer := time.AfterFunc(500*time.Millisecond, func() {
					canceledAt <- time.Now()
					cancel()
				})

				err := c.run(ctx, nil)
				returnedAt := time.Now()
				timer.Stop()
				cancel()
				if !errors.Is(err, context.Canceled) {
					b.Fatalf("got error %v, want context.Canceled", err)
				}

				worst = max(worst, returnedAt.Sub(<-canceledAt))
			}

			b.ReportMetric(float64(worst.Microseconds())/1000, "max-latency-ms")
		})
	}
}
