package bigmath

import (
	"context"
	"math/big"
	"math/rand"
	"testing"
)

// fuzzInt returns a random integer of up to 16*size bits from seed, with a
// random sign, so that short fuzz inputs reach the divide-and-conquer
// sizes.
func fuzzInt(seed int64, size uint16) *big.Int {
	rng := rand.New(rand.NewSource(seed))
	n := randomInt(rng, 16*uint(size))
	if rng.Intn(2) == 1 {
		n.Neg(n)
	}

	return n
}

func FuzzDecimalMatchesText(f *testing.F) {
	f.Add(int64(1), uint16(1000))
	f.Add(int64(2), uint16(4000))
	f.Add(int64(3), uint16(65535))
	f.Fuzz(func(t *testing.T, seed int64, size uint16) {
		n := fuzzInt(seed, size)
		got, err := Decimal(context.Background(), n, nil)
		if err != nil {
			t.Fatalf("got error %v, want nil", err)
		}

		if want := n.Text(10); got != want {
			t.Errorf("seed %d size %d: got %d chars, want %d chars equal to Text",
				seed, size, len(got), len(want))
		}
	})
}

func FuzzIsqrtMatchesSqrt(f *testing.F) {
	f.Add(int64(1), uint16(200))
	f.Add(int64(2), uint16(3000))
	f.Fuzz(func(t *testing.T, seed int64, size uint16) {
		n := fuzzInt(seed, size)
		n.Abs(n)
		got, err := isqrt(smallArith(), n)
		if err != nil {
			t.Fatalf("got error %v, want nil", err)
		}

		if want := new(big.Int).Sqrt(n); got.Cmp(want) != 0 {
			t.Errorf("seed %d size %d: got %s, want %s", seed, size, got, want)
		}
	})
}

func FuzzArithMatchesMathBig(f *testing.F) {
	f.Add(int64(1), uint16(20), uint16(10))
	f.Add(int64(2), uint16(300), uint16(40))
	f.Fuzz(func(t *testing.T, seed int64, xSize, ySize uint16) {
		x, y := fuzzInt(seed, xSize), fuzzInt(seed+1, ySize)
		a := smallArith()
		product, err := a.mul(x, y)
		if err != nil {
			t.Fatalf("mul: got error %v, want nil", err)
		}

		if want := new(big.Int).Mul(x, y); product.Cmp(want) != 0 {
			t.Errorf("seed %d: got product %s, want %s", seed, product, want)
		}

		x.Abs(x)
		y.Abs(y)
		if y.Sign() == 0 {
			return
		}

		checkQuoRem(t, a, x, y)
	})
}
