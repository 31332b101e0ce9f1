package bigmath

import (
	"context"
	"math/big"
	"math/bits"
)

// binomialSieveRatio is the largest n/k for which Binomial sieves primes up
// to n. For larger ratios the k-term product of the numerator costs less
// than a sieve of all primes up to n.
const binomialSieveRatio = 64

// packCheckEvery is the number of numerator factors packed between context
// checks.
const packCheckEvery = 1 << 16

// Binomial returns the binomial coefficient C(n, k), which is 0 for k > n.
//
// For n/k up to binomialSieveRatio and n < 2^32 it multiplies the prime
// powers of C(n, k), whose exponents follow from Legendre's formula.
// Otherwise it divides the product of n-k+1 ... n by k!.
func Binomial(ctx context.Context, n, k uint64, p Progress) (*big.Int, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	if k > n {
		p.report(1, "multiplying")
		return new(big.Int), nil
	}

	k = min(k, n-k)
	if k == 0 {
		p.report(1, "multiplying")
		return big.NewInt(1), nil
	}

	if n <= maxSieveLimit && n/k <= binomialSieveRatio {
		return binomialByPrimes(ctx, n, k, p)
	}

	return binomialByQuotient(ctx, n, k, p)
}

// binomialByPrimes returns C(n, k) from its prime factorization.
func binomialByPrimes(ctx context.Context, n, k uint64, p Progress) (*big.Int, error) {
	primes, err := primesUpTo(ctx, n, p.span(0, sieveShare))
	if err != nil {
		return nil, err
	}

	exponent := func(q uint64) uint64 {
		return legendreExponent(n, q) - legendreExponent(k, q) - legendreExponent(n-k, q)
	}

	result, err := productOfPowers(ctx, primes, exponent, p.span(sieveShare, 1))
	if err != nil {
		return nil, err
	}

	twos := exponent(2)

	return result.Lsh(result, uint(twos)), nil
}

// binomialByQuotient returns C(n, k) as (n-k+1)(n-k+2)...n / k!.
func binomialByQuotient(ctx context.Context, n, k uint64, p Progress) (*big.Int, error) {
	words, err := packRange(ctx, n-k+1, n)
	if err != nil {
		return nil, err
	}

	// Progress shares follow the result sizes: k log2(n) bits for the
	// numerator and k log2(k) bits for k!. Division costs a few
	// multiplications of the numerator size.
	numeratorCost := 2 * mulCost(float64(bits.Len64(n)))
	denominatorCost := 2 * mulCost(float64(bits.Len64(k)))
	divisionCost := 3 * mulCost(float64(bits.Len64(n)))
	total := numeratorCost + denominatorCost + divisionCost
	numeratorEnd := numeratorCost / total
	denominatorEnd := (numeratorCost + denominatorCost) / total

	t := newTracker(ctx, p.span(0, numeratorEnd), "multiplying", productTreeCost(len(words)))
	numerator, err := productTree(words, t)
	if err != nil {
		return nil, err
	}

	denominator, err := Factorial(ctx, k, p.span(numeratorEnd, denominatorEnd))
	if err != nil {
		return nil, err
	}

	p.report(denominatorEnd, "dividing")
	quotient, _, err := t.quoRem(numerator, denominator)
	if err != nil {
		return nil, err
	}

	p.report(1, "dividing")

	return quotient, nil
}

// packRange returns the product of low, low+1, ..., high packed into words.
func packRange(ctx context.Context, low, high uint64) ([]uint64, error) {
	var packer wordPacker
	for i := low; i <= high && i != 0; i++ {
		if i%packCheckEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}

		packer.add(i)
	}

	return packer.result(), nil
}
