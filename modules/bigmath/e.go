package bigmath

import (
	"context"
	"math/big"
)

// E returns Euler's number e truncated to digits digits after the point,
// such as "2.7182" for 4 digits and "2" for 0. Every digit is correct. It
// sums 1/k! by binary splitting and proves the truncation with guard
// digits.
func E(ctx context.Context, digits int, p Progress) (string, error) {
	return truncatedDigits(ctx, "e", digits, p, approximateE)
}

// approximateE returns e 10^scale rounded down, within 2 units: the sum of
// 1/k! for k <= n falls short of e by less than 2/(n+1)!, which is below
// 10^-(scale+5).
func approximateE(ctx context.Context, scale int, p Progress) (*big.Int, error) {
	terms := factorialExceedingPowerOfTen(float64(scale) + 5)
	t := newTracker(ctx, p.span(0, 0.8), "summing series", splittingCost(int(terms), 1))
	sums, err := reciprocalFactorials(0, terms, t)
	if err != nil {
		return nil, err
	}

	// e = 1 + P/Q, so e 10^scale = (P + Q) 10^scale / Q.
	p.report(0.8, "dividing")
	scaleFactor, err := tenToThe(t.arith, scale)
	if err != nil {
		return nil, err
	}

	v, err := t.mul(new(big.Int).Add(sums.p, sums.q), scaleFactor)
	if err != nil {
		return nil, err
	}

	v, _, err = t.quoRem(v, sums.q)

	return v, err
}

// factorialExceedingPowerOfTen returns the smallest n with log10(n!) > x.
func factorialExceedingPowerOfTen(x float64) uint64 {
	n := uint64(1)
	for FactorialDigits(n) <= x {
		n *= 2
	}

	low := n / 2
	for low+1 < n {
		mid := low + (n-low)/2
		if FactorialDigits(mid) > x {
			n = mid
		} else {
			low = mid
		}
	}

	return n
}

// factorialSums are P and Q of the sum over a < k <= b of
// 1 / ((a+1)(a+2)...k) = P / Q, with Q = (a+1)(a+2)...b.
type factorialSums struct {
	p, q *big.Int
}

// reciprocalFactorials returns the sums for a < k <= b and records the
// work in t, which also checks the context.
func reciprocalFactorials(a, b uint64, t *tracker) (factorialSums, error) {
	if b-a == 1 {
		return factorialSums{p: big.NewInt(1), q: new(big.Int).SetUint64(b)}, t.add(1)
	}

	m := (a + b) / 2
	left, err := reciprocalFactorials(a, m, t)
	if err != nil {
		return factorialSums{}, err
	}

	right, err := reciprocalFactorials(m, b, t)
	if err != nil {
		return factorialSums{}, err
	}

	// P = P(a,m) Q(m,b) + P(m,b), Q = Q(a,m) Q(m,b).
	p, err := t.mul(left.p, right.q)
	if err != nil {
		return factorialSums{}, err
	}

	q, err := t.mul(left.q, right.q)
	if err != nil {
		return factorialSums{}, err
	}

	return factorialSums{p: p.Add(p, right.p), q: q}, t.add(mulCost(float64(b - a)))
}
