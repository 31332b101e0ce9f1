package facts

import (
	"context"
	"math/big"
	"testing"
	"time"
)

// testBudget is the budget of computations that must finish: it is far
// above their running time, so that no check is skipped on a busy machine.
const testBudget = 10 * time.Second

// mustRat parses s, an integer, "p/q" or a decimal, as an exact rational.
func mustRat(t testing.TB, s string) *big.Rat {
	t.Helper()
	v, ok := new(big.Rat).SetString(s)
	if !ok {
		t.Fatalf("invalid test value %q", s)
	}

	return v
}

// computeWithin runs Compute on v with the given budget.
func computeWithin(budget time.Duration, v *big.Rat) Facts {
	ctx, cancel := context.WithTimeout(context.Background(), budget)
	defer cancel()

	return Compute(ctx, v.RatString(), v)
}

// pow returns base^exp.
func pow(base, exp int64) *big.Int {
	return new(big.Int).Exp(big.NewInt(base), big.NewInt(exp), nil)
}

// mersenne returns 2^p - 1.
func mersenne(p int64) *big.Int {
	return new(big.Int).Sub(pow(2, p), big.NewInt(1))
}
