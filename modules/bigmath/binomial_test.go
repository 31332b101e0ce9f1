package bigmath

import (
	"context"
	"fmt"
	"math"
	"math/big"
	"strings"
	"testing"
)

func TestBinomialMatchesMathBig(t *testing.T) {
	for n := int64(0); n <= 70; n++ {
		for k := int64(0); k <= n+2; k++ {
			got, err := Binomial(context.Background(), uint64(n), uint64(k), nil)
			if err != nil {
				t.Fatalf("C(%d, %d): got error %v, want nil", n, k, err)
			}

			want := new(big.Int).Binomial(n, k)
			if k > n {
				want.SetInt64(0)
			}

			if got.Cmp(want) != 0 {
				t.Errorf("C(%d, %d): got %s, want %s", n, k, got, want)
			}
		}
	}
}

func TestBinomialMatchesPython(t *testing.T) {
	tests := []struct {
		n, k uint64
	}{
		{n: 100000, k: 50000},         // prime factorization
		{n: 100000, k: 99999},         // symmetric k
		{n: 1000000, k: 1000},         // quotient of products
		{n: 1000000000000, k: 50},     // n beyond the sieve limit
		{n: math.MaxUint64, k: 3},     // numerator reaches 2^64-1
		{n: math.MaxUint64 - 1, k: 2}, // even numerator terms
	}

	var program strings.Builder
	for _, tt := range tests {
		fmt.Fprintf(&program, "print(math.comb(%d, %d))\n", tt.n, tt.k)
	}

	lines := pythonLines(t, program.String())
	for i, tt := range tests {
		t.Run(fmt.Sprintf("C(%d,%d)", tt.n, tt.k), func(t *testing.T) {
			got, err := Binomial(context.Background(), tt.n, tt.k, nil)
			if err != nil {
				t.Fatalf("got error %v, want nil", err)
			}

			if got.String() != lines[i] {
				t.Errorf("got %.40s... (%d digits), want %.40s... (%d digits)",
					got, len(got.String()), lines[i], len(lines[i]))
			}
		})
	}
}

func TestBinomialReportsProgress(t *testing.T) {
	tests := []struct {
		name string
		n, k uint64
	}{
		{name: "by primes", n: 100000, k: 40000},
		{name: "by quotient", n: 1 << 40, k: 20000},
	}

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var log progressLog
			if _, err := Binomial(context.Background(), tt.n, tt.k, log.record); err != nil {
				t.Fatalf("got error %v, want nil", err)
			}

			log.check(t)
		})
	}
}
