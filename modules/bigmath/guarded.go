package bigmath

import (
	"context"
	"fmt"
	"math/big"
)

// guardDigits is the number of extra digits computed beyond a request on
// the first attempt. Each retry doubles it.
const guardDigits = 12

// guardSlack bounds |v - x 10^scale| in units of the last computed digit
// for the approximations v that Pi and E compute.
const guardSlack = 2

// scaledApproximation returns v with |v - x 10^scale| < guardSlack for the
// constant x being computed.
type scaledApproximation func(ctx context.Context, scale int, p Progress) (*big.Int, error)

// truncatedDigits returns x truncated to digits digits after the point as
// text, where approximate computes x. It computes guard digits more and
// accepts the result only when the guard digits prove the truncation: the
// guard part must stay within [0, 10^guard) after any error below
// guardSlack. Otherwise it retries with twice the guard digits, which ends
// for every irrational x.
func truncatedDigits(
	ctx context.Context, name string, digits int, p Progress, approximate scaledApproximation,
) (string, error) {
	if digits < 0 {
		return "", fmt.Errorf("digits of %s: negative count %d: %w", name, digits, ErrInvalidArgument)
	}

	if err := ctx.Err(); err != nil {
		return "", err
	}

	for guard := guardDigits; ; guard *= 2 {
		v, err := approximate(ctx, digits+guard, p.span(0, 0.9))
		if err != nil {
			return "", err
		}

		if q, ok := truncateGuarded(v, guard); ok {
			return formatFixed(ctx, q, digits, p.span(0.9, 1))
		}
	}
}

// truncateGuarded returns v / 10^guard rounded down and whether any value
// within guardSlack of v has the same quotient.
func truncateGuarded(v *big.Int, guard int) (*big.Int, bool) {
	scale := powerOfTen(guard)
	q, r := new(big.Int).QuoRem(v, scale, new(big.Int))
	slack := big.NewInt(guardSlack)
	if r.Cmp(slack) < 0 || r.Cmp(scale.Sub(scale, slack)) >= 0 {
		return nil, false
	}

	return q, true
}

// powerOfTen returns 10^n.
func powerOfTen(n int) *big.Int {
	return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil)
}

// tenToThe returns 10^n, checking the context of a between squarings.
func tenToThe(a arith, n int) (*big.Int, error) {
	return Pow(a.ctx, big.NewInt(10), uint64(n), nil)
}
