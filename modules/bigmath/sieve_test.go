package bigmath

import (
	"context"
	"slices"
	"testing"
)

func TestPrimesUpToMatchesTrialDivision(t *testing.T) {
	for _, limit := range []uint64{0, 2, 3, 4, 9, 25, 1000, 1<<19 + 7} {
		primes, err := primesUpTo(context.Background(), limit, nil)
		if err != nil {
			t.Fatalf("limit %d: got error %v, want nil", limit, err)
		}

		var want []uint32
		for n := uint64(3); n <= limit; n += 2 {
			if trialDivisionPrime(int64(n)) {
				want = append(want, uint32(n))
			}
		}

		if !slices.Equal(primes, want) {
			t.Errorf("limit %d: got %d primes, want %d", limit, len(primes), len(want))
		}
	}
}
