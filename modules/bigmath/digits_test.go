package bigmath

import (
	"context"
	"fmt"
	"math"
	"math/big"
	"testing"
)

// checkDigitCount fails t unless floor(estimate)+1 is within one of the
// digit count of exact.
func checkDigitCount(t *testing.T, estimate float64, exact *big.Int) {
	t.Helper()
	want := len(new(big.Int).Abs(exact).String())
	got := int(math.Floor(estimate)) + 1
	if got < want-1 || got > want+1 {
		t.Errorf("got %d digits (log10 %v), want %d", got, estimate, want)
	}
}

func TestFactorialDigits(t *testing.T) {
	for _, n := range []uint64{0, 1, 2, 3, 10, 100, 1000, 10000, 100000} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			checkDigitCount(t, FactorialDigits(n), new(big.Int).MulRange(1, int64(n)))
		})
	}
}

func TestFibDigits(t *testing.T) {
	for _, n := range []uint64{0, 1, 2, 3, 4, 10, 100, 1000, 100000} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			exact, err := Fib(context.Background(), n, nil)
			if err != nil {
				t.Fatalf("got error %v, want nil", err)
			}

			checkDigitCount(t, FibDigits(n), exact)
		})
	}
}

func TestPowDigits(t *testing.T) {
	huge := new(big.Int).Lsh(big.NewInt(3), 1000)
	tests := []struct {
		base *big.Int
		exp  uint64
	}{
		{base: big.NewInt(0), exp: 0},
		{base: big.NewInt(0), exp: 5},
		{base: big.NewInt(1), exp: 100},
		{base: big.NewInt(-1), exp: 3},
		{base: big.NewInt(10), exp: 100},
		{base: big.NewInt(-7), exp: 1001},
		{base: big.NewInt(99), exp: 1000},
		{base: huge, exp: 50},
	}

	for _, tt := range tests {
		t.Run(fmt.Sprintf("%.10s^%d", tt.base, tt.exp), func(t *testing.T) {
			exact := new(big.Int).Exp(tt.base, new(big.Int).SetUint64(tt.exp), nil)
			checkDigitCount(t, PowDigits(tt.base, tt.exp), exact)
		})
	}
}

func TestBinomialDigits(t *testing.T) {
	tests := []struct {
		n, k uint64
	}{
		{n: 0, k: 0},
		{n: 5, k: 7},
		{n: 10, k: 5},
		{n: 1000, k: 1},
		{n: 100000, k: 50000},
		{n: 2000000, k: 1000000},     // Stirling difference form
		{n: 1000000000000000, k: 3},  // n beyond float64 lgamma precision
		{n: math.MaxUint64, k: 1000}, // largest n
	}

	for _, tt := range tests {
		t.Run(fmt.Sprintf("C(%d,%d)", tt.n, tt.k), func(t *testing.T) {
			exact, err := Binomial(context.Background(), tt.n, tt.k, nil)
			if err != nil {
				t.Fatalf("got error %v, want nil", err)
			}

			got := BinomialDigits(tt.n, tt.k)
			want := 0.0
			if exact.Sign() > 0 {
				want = log10Abs(exact)
			}

			if math.Abs(got-want) > 1e-6*max(want, 1) {
				t.Errorf("got log10 %v, want %v", got, want)
			}
		})
	}
}

func TestDigitEstimatesOfLargeResults(t *testing.T) {
	tests := []struct {
		name     string
		estimate float64
		want     int
	}{
		{name: "10^6!", estimate: FactorialDigits(1000000), want: 5565709},
		{name: "10^9!", estimate: FactorialDigits(1000000000), want: 8565705523},
		{name: "F(10^6)", estimate: FibDigits(1000000), want: 208988},
		{name: "3^(10^6)", estimate: PowDigits(big.NewInt(3), 1000000), want: 477122},
	}

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := int(math.Floor(tt.estimate)) + 1; got != tt.want {
				t.Errorf("got %d digits (log10 %v), want %d", got, tt.estimate, tt.want)
			}
		})
	}
}
