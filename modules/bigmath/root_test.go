package bigmath

import (
	"context"
	"math/big"
	"testing"
	"time"
)

func TestExactRoot(t *testing.T) {
	p, _ := new(big.Int).SetString("100000000000000000039", 10)
	cases := []struct {
		name string
		x    *big.Int
		k    int
		want bool
	}{
		{"cube of prime", new(big.Int).Exp(p, big.NewInt(3), nil), 3, true},
		{"cube plus one", new(big.Int).Add(new(big.Int).Exp(p, big.NewInt(3), nil), big.NewInt(1)), 3, false},
		{"seventh power", new(big.Int).Exp(p, big.NewInt(7), nil), 7, true},
		{"one", big.NewInt(1), 5, true},
		{"eight", big.NewInt(8), 3, true},
		{"nine", big.NewInt(9), 3, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			root, ok := exactRoot(tc.x, tc.k)
			if ok != tc.want {
				t.Fatalf("got ok %t, want %t", ok, tc.want)
			}
			if ok && new(big.Int).Exp(root, big.NewInt(int64(tc.k)), nil).Cmp(tc.x) != 0 {
				t.Errorf("got root %s, whose %d-th power is not x", root, tc.k)
			}
		})
	}
}

func TestFactorPowersOfLargePrimes(t *testing.T) {
	p, _ := new(big.Int).SetString("2305843009213693951", 10) // 2^61 - 1
	for _, k := range []int{3, 5, 6, 7} {
		x := new(big.Int).Exp(p, big.NewInt(int64(k)), nil)
		// A deadline turns a regression into a failure instead of a hang.
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		f, err := Factor(ctx, x, nil)
		cancel()
		if err != nil {
			t.Fatalf("p^%d: %v", k, err)
		}
		if len(f.Factors) != 1 || f.Factors[0].Prime.Cmp(p) != 0 || f.Factors[0].Exp != k || f.Rest != nil {
			t.Errorf("p^%d: got %+v rest %v, want p^%d", k, f.Factors, f.Rest, k)
		}
	}
}
