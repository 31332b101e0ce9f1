package facts

import (
	"context"
	"math"
	"math/big"

	"emma/modules/bigmath"
)

// Limits on the search for the decimal period.
const (
	// maxNaivePeriodModulus is the largest modulus whose period is found by
	// multiplying by 10 until the remainder returns to 1, which takes at
	// most that many steps.
	maxNaivePeriodModulus = 1 << 20
	// periodCheckEvery is the number of naive steps between context checks.
	periodCheckEvery = 4096
)

// decimalPeriod returns the period of the decimal expansion of 1/q, which
// is the multiplicative order of 10 modulo q, for q > 1 coprime to 10. It
// returns ok = false when ctx ends first, when q is too large to factor or
// when the period does not fit in an int.
func decimalPeriod(ctx context.Context, q *big.Int) (period int, ok bool) {
	if q.IsUint64() && q.Uint64() <= maxNaivePeriodModulus {
		return naivePeriod(ctx, q.Uint64())
	}

	if q.BitLen() > maxPrimeBits {
		return 0, false
	}

	order, ok := orderOfTen(ctx, q)
	if !ok || !order.IsInt64() || order.Int64() > math.MaxInt {
		return 0, false
	}

	return int(order.Int64()), true
}

// naivePeriod returns the order of 10 modulo q by repeated multiplication.
func naivePeriod(ctx context.Context, q uint64) (int, bool) {
	remainder := 10 % q
	period := 1
	for ; remainder != 1; period++ {
		if period%periodCheckEvery == 0 && ctx.Err() != nil {
			return 0, false
		}

		remainder = remainder * 10 % q
	}

	return period, true
}

// orderOfTen returns the order of 10 modulo q from the factorization of q:
// it is the least common multiple of the orders modulo each prime power.
// It returns ok = false when a factorization does not finish before ctx
// ends.
func orderOfTen(ctx context.Context, q *big.Int) (*big.Int, bool) {
	factorization, err := bigmath.Factor(ctx, q, nil)
	if err != nil || factorization.Rest != nil {
		return nil, false
	}

	order := big.NewInt(1)
	for _, factor := range factorization.Factors {
		local, ok := orderModPrimePower(ctx, factor.Prime, factor.Exp)
		if !ok {
			return nil, false
		}

		gcd := new(big.Int).GCD(nil, nil, order, local)
		order.Mul(order, local.Quo(local, gcd))
	}

	// The factors above 2^64 are probable primes, so confirm that the
	// result is a multiple of the order.
	if new(big.Int).Exp(big.NewInt(10), order, q).Cmp(big.NewInt(1)) != 0 {
		return nil, false
	}

	return order, true
}

// orderModPrimePower returns the order of 10 modulo p^e for a prime p
// other than 2 and 5. The order modulo p divides p - 1, so it is p - 1 with
// every prime factor removed that keeps 10^order = 1 (mod p). The order
// modulo p^e is that order times the smallest power of p that works.
func orderModPrimePower(ctx context.Context, p *big.Int, e int) (*big.Int, bool) {
	ten, one := big.NewInt(10), big.NewInt(1)
	pMinus1 := new(big.Int).Sub(p, one)
	factorization, err := bigmath.Factor(ctx, pMinus1, nil)
	if err != nil || factorization.Rest != nil {
		return nil, false
	}

	order := pMinus1
	candidate, power := new(big.Int), new(big.Int)
	for _, factor := range factorization.Factors {
		for range factor.Exp {
			candidate.Quo(order, factor.Prime)
			if power.Exp(ten, candidate, p).Cmp(one) != 0 {
				break
			}

			order.Set(candidate)
		}
	}

	modulus := new(big.Int).Exp(p, big.NewInt(int64(e)), nil)
	for power.Exp(ten, order, modulus).Cmp(one) != 0 {
		order.Mul(order, p)
	}

	return order, true
}
