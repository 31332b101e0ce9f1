package bigmath

import (
	"context"
	"math/big"
	"testing"
)

// The benchmarks include the conversion to decimal text, which users see.
// testdata/bench_compare.sh runs them next to python3 and bc.

// benchSemiprime is 1000000007 * 1073741789, a 60-bit semiprime.
const benchSemiprime = 1073741796516192523

func BenchmarkFactorial200000(b *testing.B) {
	ctx := context.Background()
	for b.Loop() {
		n, err := Factorial(ctx, 200000, nil)
		if err != nil {
			b.Fatal(err)
		}

		if _, err := Decimal(ctx, n, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFib1000000(b *testing.B) {
	ctx := context.Background()
	for b.Loop() {
		n, err := Fib(ctx, 1000000, nil)
		if err != nil {
			b.Fatal(err)
		}

		if _, err := Decimal(ctx, n, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFactorSemiprime60(b *testing.B) {
	ctx := context.Background()
	n := big.NewInt(benchSemiprime)
	for b.Loop() {
		f, err := Factor(ctx, n, nil)
		if err != nil {
			b.Fatal(err)
		}

		if len(f.Factors) != 2 {
			b.Fatalf("got %d prime factors, want 2", len(f.Factors))
		}
	}
}

func BenchmarkPi20000(b *testing.B) {
	ctx := context.Background()
	for b.Loop() {
		if _, err := Pi(ctx, 20000, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPow3To1000000(b *testing.B) {
	ctx := context.Background()
	for b.Loop() {
		n, err := Pow(ctx, big.NewInt(3), 1000000, nil)
		if err != nil {
			b.Fatal(err)
		}

		if _, err := Decimal(ctx, n, nil); err != nil {
			b.Fatal(err)
		}
	}
}
