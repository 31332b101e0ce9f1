package bigmath

import (
	"context"
	"math/big"
)

// Constants of the Chudnovsky series
// 1/pi = 12 sum_k (-1)^k (6k)! (13591409 + 545140134 k) /
// ((3k)! (k!)^3 640320^(3k+3/2)).
const (
	chudnovskyA        = 13591409
	chudnovskyB        = 545140134
	chudnovskyC3Over24 = 640320 * 640320 * 640320 / 24
	// chudnovskyDigitsPerTerm is log10(640320^3 / 1728), the digits each
	// term adds.
	chudnovskyDigitsPerTerm = 14.181647462725477
)

// Pi returns pi truncated to digits digits after the point, such as
// "3.1415" for 4 digits and "3" for 0. Every digit is correct. It sums the
// Chudnovsky series by binary splitting and proves the truncation with
// guard digits.
func Pi(ctx context.Context, digits int, p Progress) (string, error) {
	return truncatedDigits(ctx, "pi", digits, p, approximatePi)
}

// approximatePi returns pi 10^scale within 2 units. The series is
// alternating and each term is below 10^-14.18 times the previous one, so
// the error of the terms summed is below 10^-(scale+14) relative. The square
// root and the division each round down by less than one unit.
func approximatePi(ctx context.Context, scale int, p Progress) (*big.Int, error) {
	terms := int(float64(scale)/chudnovskyDigitsPerTerm) + 2
	t := newTracker(ctx, p.span(0, 0.8), "summing series", splittingCost(terms, 1))
	sums, err := chudnovsky(0, terms, t)
	if err != nil {
		return nil, err
	}

	p.report(0.8, "dividing")

	// pi = 426880 sqrt(10005) Q / T.
	root, err := scaledSqrt(t.arith, big.NewRat(10005, 1), scale)
	if err != nil {
		return nil, err
	}

	v, err := t.mul(root, sums.q)
	if err != nil {
		return nil, err
	}

	v, _, err = t.quoRem(v.Mul(v, big.NewInt(426880)), sums.t)

	return v, err
}

// chudnovskySums are the binary-splitting products P, Q and T of the
// series terms a <= k < b.
type chudnovskySums struct {
	p, q, t *big.Int
}

// chudnovsky returns the sums over terms a <= k < b and records the work in
// t, which also checks the context.
func chudnovsky(a, b int, t *tracker) (chudnovskySums, error) {
	if b-a == 1 {
		return chudnovskyTerm(int64(a)), t.add(1)
	}

	m := (a + b) / 2
	left, err := chudnovsky(a, m, t)
	if err != nil {
		return chudnovskySums{}, err
	}

	right, err := chudnovsky(m, b, t)
	if err != nil {
		return chudnovskySums{}, err
	}

	merged, err := mergeChudnovsky(t, left, right)
	if err != nil {
		return chudnovskySums{}, err
	}

	return merged, t.add(mulCost(float64(b - a)))
}

// mergeChudnovsky returns the sums over a <= k < b from those over
// a <= k < m (left) and m <= k < b (right):
// P = P(a,m) P(m,b), Q = Q(a,m) Q(m,b), T = Q(m,b) T(a,m) + P(a,m) T(m,b).
func mergeChudnovsky(t *tracker, left, right chudnovskySums) (chudnovskySums, error) {
	pairs := [][2]*big.Int{
		{left.p, right.p}, {left.q, right.q}, {right.q, left.t}, {left.p, right.t},
	}

	products := make([]*big.Int, len(pairs))
	for i, pair := range pairs {
		product, err := t.mul(pair[0], pair[1])
		if err != nil {
			return chudnovskySums{}, err
		}

		products[i] = product
	}

	sum := products[2].Add(products[2], products[3])

	return chudnovskySums{p: products[0], q: products[1], t: sum}, nil
}

// chudnovskyTerm returns P, Q and T of the single term k.
func chudnovskyTerm(k int64) chudnovskySums {
	if k == 0 {
		return chudnovskySums{p: big.NewInt(1), q: big.NewInt(1), t: big.NewInt(chudnovskyA)}
	}

	// P = (6k-5)(2k-1)(6k-1), Q = k^3 640320^3 / 24.
	p := big.NewInt(6*k - 5)
	p.Mul(p, big.NewInt(2*k-1)).Mul(p, big.NewInt(6*k-1))
	q := big.NewInt(k)
	q.Mul(q, q).Mul(q, big.NewInt(k)).Mul(q, big.NewInt(chudnovskyC3Over24))
	t := new(big.Int).Mul(p, big.NewInt(chudnovskyA+chudnovskyB*k))
	if k%2 == 1 {
		t.Neg(t)
	}

	return chudnovskySums{p: p, q: q, t: t}
}
