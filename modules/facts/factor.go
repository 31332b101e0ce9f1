package facts

import (
	"context"
	"math/big"
	"slices"
	"strconv"
	"strings"

	"emma/modules/bigmath"
)

// addFactorization sets Factorization for abs = |n| >= 2. bigmath.Factor
// runs until ctx ends, and a cofactor left then makes the result partial.
func (f *Facts) addFactorization(ctx context.Context, abs *big.Int) {
	if abs.Cmp(big.NewInt(2)) < 0 {
		return
	}

	if abs.BitLen() > maxPrimeBits || f.Prime == nil {
		f.skip(CheckFactorization)
		return
	}

	if f.Prime.IsPrime {
		f.Factorization = newFactorizationFact([]bigmath.PrimePower{{Prime: abs, Exp: 1}}, nil)
		f.Factorization.ProbablePrimes = f.Prime.Probable()
		return
	}

	if ctx.Err() != nil {
		f.skip(CheckFactorization)
		return
	}

	// Factor returns only ctx.Err() for abs >= 2, and the partial result is
	// still valid then.
	result, _ := bigmath.Factor(ctx, abs, nil)
	factors, rest := result.Factors, result.Rest
	// Rest may be prime when ctx ended during trial division.
	if rest != nil {
		if prime, _ := bigmath.IsPrime(rest); prime {
			factors = addPrimeFactor(factors, rest)
			rest = nil
		}
	}

	f.Factorization = newFactorizationFact(factors, rest)
}

// addPrimeFactor returns factors with one more factor q, in ascending order.
func addPrimeFactor(factors []bigmath.PrimePower, q *big.Int) []bigmath.PrimePower {
	for i := range factors {
		if factors[i].Prime.Cmp(q) == 0 {
			factors[i].Exp++
			return factors
		}
	}

	factors = append(factors, bigmath.PrimePower{Prime: q, Exp: 1})
	slices.SortFunc(factors, func(a, b bigmath.PrimePower) int {
		return a.Prime.Cmp(b.Prime)
	})

	return factors
}

// newFactorizationFact builds the fact for the prime powers factors and the
// unfactored composite rest, which is nil when the factorization is complete.
func newFactorizationFact(factors []bigmath.PrimePower, rest *big.Int) *FactorizationFact {
	fact := &FactorizationFact{Factors: make([]PrimePower, 0, len(factors))}
	terms := make([]string, 0, len(factors)+1)
	for _, factor := range factors {
		prime := factor.Prime.String()
		fact.Factors = append(fact.Factors, PrimePower{Prime: prime, Exp: factor.Exp})
		fact.ProbablePrimes = fact.ProbablePrimes || !factor.Prime.IsUint64()
		terms = append(terms, powerText(prime, factor.Exp))
	}

	if rest != nil {
		fact.Cofactor = rest.String()
		fact.Partial = true
		terms = append(terms, fact.Cofactor)
	}

	fact.Text = strings.Join(terms, " × ")

	return fact
}

// powerText writes base^exp, or base alone when exp is 1.
func powerText(base string, exp int) string {
	if exp == 1 {
		return base
	}

	return base + "^" + strconv.Itoa(exp)
}
