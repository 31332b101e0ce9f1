package bigmath

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"testing"
)

// naiveFactorial returns n! by multiplying 2, 3, ..., n in order.
func naiveFactorial(n uint64) *big.Int {
	result := big.NewInt(1)
	for i := uint64(2); i <= n; i++ {
		result.Mul(result, new(big.Int).SetUint64(i))
	}

	return result
}

func TestFactorialMatchesNaiveProduct(t *testing.T) {
	tests := []uint64{0, 1, 2, 3, 5, 20, 21, 22, 64, 100, 257, 1000, 4096, 10007}
	for _, n := range tests {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			got, err := Factorial(context.Background(), n, nil)
			if err != nil {
				t.Fatalf("got error %v, want nil", err)
			}

			if want := naiveFactorial(n); got.Cmp(want) != 0 {
				t.Errorf("got %s, want %s", got, want)
			}
		})
	}
}

func TestFactorialMatchesPython(t *testing.T) {
	lines := pythonLines(t, "print(math.factorial(30000))")
	got, err := Factorial(context.Background(), 30000, nil)
	if err != nil {
		t.Fatalf("got error %v, want nil", err)
	}

	if got.String() != lines[0] {
		t.Errorf("got %d digits differing from python3 math.factorial(30000)", len(got.String()))
	}
}

func TestFactorialRejectsHugeN(t *testing.T) {
	_, err := Factorial(context.Background(), 1<<32, nil)
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("got error %v, want ErrTooLarge", err)
	}
}

func TestFactorialReportsProgress(t *testing.T) {
	var log progressLog
	if _, err := Factorial(context.Background(), 50000, log.record); err != nil {
		t.Fatalf("got error %v, want nil", err)
	}

	log.check(t)
}
