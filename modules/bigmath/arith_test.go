package bigmath

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"math/rand"
	"testing"
)

// smallArith returns an arith with tiny piece sizes, so that small inputs
// take every splitting path.
func smallArith() arith {
	return arith{ctx: context.Background(), mulLeafBits: 128, divLeafBits: 128}
}

func TestArithMulMatchesMul(t *testing.T) {
	rng := rand.New(rand.NewSource(15))
	sizes := []uint{0, 1, 64, 127, 128, 129, 500, 1000, 4000, 9000}
	a := smallArith()
	for _, xBits := range sizes {
		for _, yBits := range sizes {
			x, y := randomInt(rng, xBits), randomInt(rng, yBits)
			if rng.Intn(2) == 1 {
				x.Neg(x)
			}

			got, err := a.mul(x, y)
			if err != nil {
				t.Fatalf("got error %v, want nil", err)
			}

			if want := new(big.Int).Mul(x, y); got.Cmp(want) != 0 {
				t.Errorf("%d by %d bits: got %s, want %s", xBits, yBits, got, want)
			}
		}
	}
}

func TestArithMulSquares(t *testing.T) {
	rng := rand.New(rand.NewSource(16))
	a := smallArith()
	for _, size := range []uint{200, 1000, 7777} {
		x := randomInt(rng, size)
		x.Neg(x)
		got, err := a.mul(x, x)
		if err != nil {
			t.Fatalf("got error %v, want nil", err)
		}

		if want := new(big.Int).Mul(x, x); got.Cmp(want) != 0 {
			t.Errorf("square of %d bits: got %s, want %s", size, got, want)
		}
	}
}

func TestArithQuoRemMatchesQuoRem(t *testing.T) {
	rng := rand.New(rand.NewSource(17))
	a := smallArith()
	sizes := []uint{1, 64, 127, 128, 129, 256, 300, 1000, 3000}
	for _, yBits := range sizes {
		for _, extra := range []uint{0, 1, 100, 256, 1000, 5000} {
			t.Run(fmt.Sprintf("%d+%d bits", yBits, extra), func(t *testing.T) {
				y := randomInt(rng, yBits)
				y.SetBit(y, int(yBits-1), 1)
				x := randomInt(rng, yBits+extra)
				checkQuoRem(t, a, x, y)

				// Dividends just below a multiple of y stress the
				// quotient correction.
				near := new(big.Int).Mul(y, randomInt(rng, extra+1))
				checkQuoRem(t, a, near, y)
				if near.Sign() > 0 {
					checkQuoRem(t, a, near.Sub(near, big.NewInt(1)), y)
				}

				// A quotient of all one bits with remainder y-1 makes the
				// top half of a partial dividend reach the divisor's.
				ones := new(big.Int).Lsh(big.NewInt(1), extra)
				ones.Sub(ones, big.NewInt(1))
				allOnes := new(big.Int).Mul(y, ones)
				checkQuoRem(t, a, allOnes.Add(allOnes, y).Sub(allOnes, big.NewInt(1)), y)
			})
		}
	}
}

// checkQuoRem fails t unless a.quoRem(x, y) equals big.Int.QuoRem.
func checkQuoRem(t *testing.T, a arith, x, y *big.Int) {
	t.Helper()
	q, r, err := a.quoRem(x, y)
	if err != nil {
		t.Fatalf("got error %v, want nil", err)
	}

	wantQ, wantR := new(big.Int).QuoRem(x, y, new(big.Int))
	if q.Cmp(wantQ) != 0 || r.Cmp(wantR) != 0 {
		t.Errorf("%s / %s: got %s rem %s, want %s rem %s", x, y, q, r, wantQ, wantR)
	}
}

func TestArithStopsWhenCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	a := arith{ctx: ctx, mulLeafBits: 128, divLeafBits: 128}
	x := randomInt(rand.New(rand.NewSource(18)), 5000)
	if _, err := a.mul(x, x); !errors.Is(err, context.Canceled) {
		t.Errorf("mul: got error %v, want context.Canceled", err)
	}

	if _, _, err := a.quoRem(x, big.NewInt(3)); !errors.Is(err, context.Canceled) {
		t.Errorf("quoRem: got error %v, want context.Canceled", err)
	}
}
