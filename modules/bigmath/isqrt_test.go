package bigmath

import (
	"fmt"
	"math/big"
	"math/rand"
	"testing"
)

func TestIsqrtMatchesSqrt(t *testing.T) {
	rng := rand.New(rand.NewSource(13))
	var tests []*big.Int
	for _, bits := range []uint{0, 1, 1023, 1024, 2048, 2049, 4100, 10000, 30000} {
		n := randomInt(rng, bits)
		n.SetBit(n, int(bits), 1)
		square := new(big.Int).Mul(n, n)
		tests = append(tests, n, square,
			new(big.Int).Sub(square, big.NewInt(1)),
			new(big.Int).Add(square, big.NewInt(1)))
	}

	tests = append(tests, big.NewInt(0))

	for _, n := range tests {
		t.Run(fmt.Sprintf("%d bits", n.BitLen()), func(t *testing.T) {
			got, err := isqrt(smallArith(), n)
			if err != nil {
				t.Fatalf("got error %v, want nil", err)
			}

			if want := new(big.Int).Sqrt(n); got.Cmp(want) != 0 {
				t.Errorf("got %s, want %s", got, want)
			}
		})
	}
}
