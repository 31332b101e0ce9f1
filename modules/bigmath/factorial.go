package bigmath

import (
	"context"
	"fmt"
	"math/big"
	"math/bits"
)

// sieveShare is the part of the progress range given to sieving primes.
const sieveShare = 0.02

// Factorial returns n!. It multiplies the odd prime powers of the prime
// factorization of n!, squaring once per bit of the exponents, and then
// shifts in the power of two. It returns an error wrapping ErrTooLarge
// for n >= 2^32, whose factorial has over 3.9e10 digits.
func Factorial(ctx context.Context, n uint64, p Progress) (*big.Int, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	if n < 21 {
		result := uint64(1)
		for i := uint64(2); i <= n; i++ {
			result *= i
		}

		p.report(1, "multiplying")

		return new(big.Int).SetUint64(result), nil
	}

	if n > maxSieveLimit {
		return nil, fmt.Errorf("factorial of %d: %w", n, ErrTooLarge)
	}

	primes, err := primesUpTo(ctx, n, p.span(0, sieveShare))
	if err != nil {
		return nil, err
	}

	legendre := func(q uint64) uint64 { return legendreExponent(n, q) }
	result, err := productOfPowers(ctx, primes, legendre, p.span(sieveShare, 1))
	if err != nil {
		return nil, err
	}

	// The exponent of 2 in n! is n minus the number of ones in binary n.
	return result.Lsh(result, uint(n-uint64(bits.OnesCount64(n)))), nil
}

// legendreExponent returns the exponent of prime q in n!, which is the sum
// of floor(n / q^i) for i >= 1.
func legendreExponent(n, q uint64) uint64 {
	exp := uint64(0)
	for n >= q {
		n /= q
		exp += n
	}

	return exp
}

// productOfPowers returns the product of q^exponent(q) over primes. It
// groups the primes by exponent bit and builds the result from the top
// bit down: square, then multiply by the product of the primes whose
// exponent has that bit set.
func productOfPowers(
	ctx context.Context, primes []uint32, exponent func(uint64) uint64, p Progress,
) (*big.Int, error) {
	groups := groupByExponentBit(primes, exponent)
	squareCosts, multiplyCosts := powersCosts(groups)
	total := sum(squareCosts) + sum(multiplyCosts)
	for _, group := range groups {
		total += productTreeCost(len(group))
	}

	t := newTracker(ctx, p, "multiplying", total)
	result := big.NewInt(1)
	for b := len(groups) - 1; b >= 0; b-- {
		var err error
		result, err = squareAndMultiply(t, result, groups[b], squareCosts[b], multiplyCosts[b])
		if err != nil {
			return nil, err
		}
	}

	return result, nil
}

// squareAndMultiply returns x^2 times the product of words, recording the
// estimated costs of the squaring and of the multiplication in t.
func squareAndMultiply(
	t *tracker, x *big.Int, words []uint64, squareCost, multiplyCost float64,
) (*big.Int, error) {
	square, err := t.mul(x, x)
	if err != nil {
		return nil, err
	}

	if err := t.add(squareCost); err != nil {
		return nil, err
	}

	group, err := productTree(words, t)
	if err != nil {
		return nil, err
	}

	result, err := t.mul(square, group)
	if err != nil {
		return nil, err
	}

	return result, t.add(multiplyCost)
}

// groupByExponentBit returns, for each bit b of the exponents, the primes
// whose exponent has bit b set, packed into words.
func groupByExponentBit(primes []uint32, exponent func(uint64) uint64) [][]uint64 {
	exps := make([]uint64, len(primes))
	maxExp := uint64(0)
	for i, q := range primes {
		exps[i] = exponent(uint64(q))
		maxExp = max(maxExp, exps[i])
	}

	groups := make([][]uint64, bits.Len64(maxExp))
	for b := range groups {
		var packer wordPacker
		for i, q := range primes {
			if exps[i]>>b&1 == 1 {
				packer.add(uint64(q))
			}
		}

		groups[b] = packer.result()
	}

	return groups
}

// powersCosts estimates the cost of the squaring and of the multiplication
// at each bit in productOfPowers, from the word count of the result.
func powersCosts(groups [][]uint64) (squareCosts, multiplyCosts []float64) {
	squareCosts = make([]float64, len(groups))
	multiplyCosts = make([]float64, len(groups))
	words := 0.0
	for b := len(groups) - 1; b >= 0; b-- {
		words *= 2
		squareCosts[b] = mulCost(words)
		words += float64(len(groups[b]))
		multiplyCosts[b] = mulCost(words)
	}

	return squareCosts, multiplyCosts
}
