package calc

import (
	"context"
	"math/big"
	"math/rand/v2"
	"testing"
)

// contains reports whether iv contains r.
func contains(iv interval, r *big.Rat) bool {
	unit := new(big.Int).Lsh(bigOne, uint(iv.scale))
	lo := new(big.Rat).SetFrac(iv.lo, unit)
	hi := new(big.Rat).SetFrac(iv.hi, unit)
	return lo.Cmp(r) <= 0 && r.Cmp(hi) <= 0
}

// width returns the width of iv in units of 2^-scale.
func width(iv interval) *big.Int {
	return new(big.Int).Sub(iv.hi, iv.lo)
}

func TestRealOperationsEncloseExactResults(t *testing.T) {
	ctx := context.Background()
	random := rand.New(rand.NewPCG(7, 8))
	lim := defaultLimits()
	for range 300 {
		x, y := randomRat(random, 40), randomRat(random, 40)
		n := uint64(random.IntN(6) + 1)
		type check struct {
			name string
			real *real
			want *big.Rat
		}
		checks := []check{
			{name: "add", real: addReal(exactReal(x), exactReal(y)), want: new(big.Rat).Add(x, y)},
			{name: "neg", real: negReal(exactReal(x)), want: new(big.Rat).Neg(x)},
			{name: "mul", real: mulReal(exactReal(x), exactReal(y)), want: new(big.Rat).Mul(x, y)},
			{name: "abs", real: absReal(exactReal(x)), want: new(big.Rat).Abs(x)},
			{name: "pow", real: powReal(exactReal(x), n), want: ratPowForTest(x, n)},
		}
		if y.Sign() != 0 {
			inverse, err := invReal(ctx, exactReal(y), lim.refineLimit(0))
			if err != nil {
				t.Fatalf("invReal(%s) error: %v", y, err)
			}
			checks = append(checks, check{name: "inv", real: inverse, want: new(big.Rat).Inv(y)})
		}
		if x.Sign() > 0 {
			square := new(big.Rat).Mul(x, x)
			root, err := sqrtReal(ctx, exactReal(square), lim.refineLimit(0))
			if err != nil {
				t.Fatalf("sqrtReal(%s) error: %v", square, err)
			}
			checks = append(checks, check{name: "sqrt", real: root, want: x})
		}
		for _, c := range checks {
			for _, bits := range []int{8, 64, 300} {
				iv, err := c.real.enclose(ctx, bits)
				if err != nil {
					t.Fatalf("%s enclose error: %v", c.name, err)
				}
				if !contains(iv, c.want) {
					t.Fatalf("%s at %d bits: interval does not contain %s", c.name, bits, c.want.RatString())
				}
				if iv.scale != bits {
					t.Fatalf("%s: scale %d, want %d", c.name, iv.scale, bits)
				}
				if bits == 300 && width(iv).Cmp(big.NewInt(64)) > 0 {
					t.Errorf("%s at 300 bits: width %s units, want at most 64", c.name, width(iv))
				}
			}
		}
	}
}

// ratPowForTest returns x^n by repeated multiplication.
func ratPowForTest(x *big.Rat, n uint64) *big.Rat {
	result := big.NewRat(1, 1)
	for range n {
		result.Mul(result, x)
	}
	return result
}

func TestTruncatedRealCachesDigits(t *testing.T) {
	var requests []int
	compute := func(_ context.Context, digits int) (string, error) {
		requests = append(requests, digits)
		return truncate(piDigits, min(digits, 100)), nil
	}
	pi := truncatedReal(compute, 2)
	for _, bits := range []int{200, 100, 50, 200} {
		iv, err := pi.enclose(context.Background(), bits)
		if err != nil {
			t.Fatal(err)
		}
		if !contains(iv, rat(t, truncate(piDigits, 90))) {
			t.Errorf("%d bits: interval does not contain pi", bits)
		}
	}
	if len(requests) != 1 {
		t.Errorf("digit requests: got %v, want one", requests)
	}
}
