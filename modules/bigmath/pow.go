package bigmath

import (
	"context"
	"fmt"
	"math"
	"math/big"
	"math/bits"
)

// Pow returns base^exp, with 0^0 = 1. It squares and multiplies from the
// top bit of exp down and checks ctx after every step. Powers of 0, ±1
// and ±2^s are computed directly.
func Pow(ctx context.Context, base *big.Int, exp uint64, p Progress) (*big.Int, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	if result, ok := trivialPow(base, exp); ok {
		p.report(1, "multiplying")
		return result, nil
	}

	if shift, ok := powerOfTwoShift(base); ok {
		p.report(1, "shifting")
		return shiftPow(base, shift, exp)
	}

	steps := bits.Len64(exp)
	weights := doublingWeights(steps)
	t := newTracker(ctx, p, "multiplying", sum(weights))
	result := big.NewInt(1)

	for i := steps - 1; i >= 0; i-- {
		var err error
		if result, err = t.mul(result, result); err != nil {
			return nil, err
		}

		if exp>>i&1 == 1 {
			if result, err = t.mul(result, base); err != nil {
				return nil, err
			}
		}

		if err := t.add(weights[steps-1-i]); err != nil {
			return nil, err
		}
	}

	return result, nil
}

// trivialPow returns base^exp when exp is 0 or |base| <= 1.
func trivialPow(base *big.Int, exp uint64) (*big.Int, bool) {
	if exp == 0 {
		return big.NewInt(1), true
	}

	if base.CmpAbs(big.NewInt(1)) > 0 {
		return nil, false
	}

	result := new(big.Int).Set(base)
	if base.Sign() < 0 && exp%2 == 0 {
		result.SetInt64(1)
	}

	return result, true
}

// powerOfTwoShift returns s when |base| = 2^s.
func powerOfTwoShift(base *big.Int) (uint, bool) {
	abs := new(big.Int).Abs(base)
	s := abs.TrailingZeroBits()

	return s, abs.BitLen() == int(s)+1
}

// shiftPow returns (±2^shift)^exp as a shift of 1, with the sign of base
// for odd exp.
func shiftPow(base *big.Int, shift uint, exp uint64) (*big.Int, error) {
	hi, total := bits.Mul64(uint64(shift), exp)
	if hi != 0 || total >= math.MaxInt {
		return nil, fmt.Errorf("power (2^%d)^%d: %w", shift, exp, ErrTooLarge)
	}

	result := new(big.Int).Lsh(big.NewInt(1), uint(total))
	if base.Sign() < 0 && exp%2 == 1 {
		result.Neg(result)
	}

	return result, nil
}
