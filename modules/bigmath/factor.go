package bigmath

import (
	"context"
	"fmt"
	"math/big"
	"slices"
)

// PrimePower is a prime factor and its multiplicity.
type PrimePower struct {
	Prime *big.Int
	Exp   int
}

// Factorization is the result of Factor: the prime powers found so far and
// the part of the number still unfactored.
type Factorization struct {
	// Factors are the prime powers found, in ascending order of Prime.
	Factors []PrimePower
	// Rest is the unfactored cofactor > 1 when the context ended, and nil
	// when the factorization is complete. It is composite, except when the
	// context ended during trial division or a primality test, before the
	// primality of every part was known.
	Rest *big.Int
}

// trialDivisionLimit is the bound below which Factor finds prime factors
// by trial division. Larger factors are found by Pollard-Brent rho.
const trialDivisionLimit = 1 << 16

// Factor factors |n| for n != 0. The sign of n is dropped, and 1 and -1
// have no factors. It removes primes below trialDivisionLimit by trial
// division, then splits composite cofactors with Pollard's rho method in
// Brent's variant and tests every cofactor with IsPrimeContext. Factors
// above 2^64 are therefore probable primes (Baillie-PSW).
//
// Factor runs until the number is factored or ctx ends. When ctx ends it
// returns the partial factorization, with the unfactored part in Rest,
// together with ctx.Err(). Progress reports the share of the bits of |n|
// already factored and, while rho searches a large cofactor, an estimate
// of how far that search has come.
func Factor(ctx context.Context, n *big.Int, p Progress) (Factorization, error) {
	if n.Sign() == 0 {
		return Factorization{}, fmt.Errorf("factor 0: %w", ErrInvalidArgument)
	}

	f := &factorizer{ctx: ctx, progress: p, totalBits: log10Abs(n) / log10Two}
	rest, err := f.trialDivide(new(big.Int).Abs(n))
	if err != nil {
		return f.result([]*big.Int{rest}), err
	}

	var composites []*big.Int
	if err := f.classify(rest, &composites); err != nil {
		return f.result(composites), err
	}

	for len(composites) > 0 {
		x := composites[len(composites)-1]
		d, err := f.findFactor(x)
		if err != nil {
			return f.result(composites), err
		}

		composites = composites[:len(composites)-1]
		cofactor := new(big.Int).Quo(x, d)
		if err := f.classify(d, &composites); err != nil {
			return f.result(append(composites, cofactor)), err
		}

		if err := f.classify(cofactor, &composites); err != nil {
			return f.result(composites), err
		}
	}

	p.report(1, f.phase)

	return f.result(nil), nil
}

// factorizer collects the prime factors found by one Factor call.
type factorizer struct {
	ctx       context.Context
	progress  Progress
	primes    []PrimePower
	totalBits float64
	doneBits  float64
	reported  float64
	phase     string
}

// addPrime records the prime power q^exp and reports progress.
func (f *factorizer) addPrime(q *big.Int, exp int) {
	f.primes = append(f.primes, PrimePower{Prime: q, Exp: exp})
	f.doneBits += float64(exp) * log10Abs(q) / log10Two
	if f.totalBits > 0 {
		f.report(min(f.doneBits/f.totalBits, 1))
	}
}

// report passes fraction on unless an earlier report was higher, so the
// progress never moves backwards when a new cofactor search starts.
func (f *factorizer) report(fraction float64) {
	f.reported = max(f.reported, fraction)
	f.progress.report(f.reported, f.phase)
}

// log10Two is log10(2), which converts log10 to bits.
const log10Two = 0.30102999566398120

// classify records x as a prime factor or appends it to composites. It
// ignores x = 1. When ctx ends during the primality test, it appends x to
// composites and returns the context error.
func (f *factorizer) classify(x *big.Int, composites *[]*big.Int) error {
	if x.Cmp(big.NewInt(1)) == 0 {
		return nil
	}

	prime, _, err := IsPrimeContext(f.ctx, x)
	if prime {
		f.addPrime(x, 1)
		return nil
	}

	*composites = append(*composites, x)

	return err
}

// result returns the factors found in ascending order with multiplicities,
// and the product of unfactored as Rest, or nil Rest when it is empty.
func (f *factorizer) result(unfactored []*big.Int) Factorization {
	slices.SortFunc(f.primes, func(a, b PrimePower) int { return a.Prime.Cmp(b.Prime) })

	var factors []PrimePower
	for _, pp := range f.primes {
		last := len(factors) - 1
		if last >= 0 && factors[last].Prime.Cmp(pp.Prime) == 0 {
			factors[last].Exp += pp.Exp
			continue
		}

		factors = append(factors, pp)
	}

	rest := big.NewInt(1)
	for _, x := range unfactored {
		rest.Mul(rest, x)
	}

	if rest.Cmp(big.NewInt(1)) == 0 {
		rest = nil
	}

	return Factorization{Factors: factors, Rest: rest}
}
