package calc

import (
	"context"
	"math"
	"math/big"
)

// refineLimitBits is the least number of bits, beyond the bits needed for
// the requested digits, that a decision may use before giving up. A value
// that is exactly on a boundary, such as sqrt(2)^2 on the integer 2, is
// never decided, so the search must stop somewhere.
const refineLimitBits = 4096

// refineLimit returns the highest scale at which a decision starting at
// startBits is attempted: enough to tell values down to about
// 10^-maxApproximateDigits from zero.
func (l limits) refineLimit(startBits int) int {
	return startBits + digitsToBits(l.maxApproximateDigits) + refineLimitBits
}

// decideInteger encloses x with more and more bits until round gives the
// same integer for both ends of the interval, and returns that integer.
// round must be monotone. It returns nil when the limit is reached first.
func decideInteger(ctx context.Context, x *real, startBits, limitBits int,
	round func(n *big.Int, scale int) *big.Int) (*big.Int, error) {
	for bits := startBits; ; bits *= 2 {
		bits = min(bits, limitBits)
		if err := checkContext(ctx); err != nil {
			return nil, err
		}

		iv, err := x.enclose(ctx, bits)
		if err != nil {
			return nil, err
		}

		if lo := round(iv.lo, iv.scale); lo.Cmp(round(iv.hi, iv.scale)) == 0 {
			return lo, nil
		}
		if bits == limitBits {
			return nil, nil
		}
	}
}

// digitsToBitsCeil returns the bits that hold digits decimal digits.
func digitsToBitsCeil(digits int) int {
	return int(math.Ceil(float64(digits)*math.Log2(10))) + 1
}

// floorReal returns floor(x), or ceil(x) when ceiling is set.
func floorReal(ctx context.Context, x *real, lim limits, ceiling bool, name string) (*big.Rat, error) {
	start := 16 + x.magnitude
	n, err := decideInteger(ctx, x, start, lim.refineLimit(start),
		func(n *big.Int, scale int) *big.Int {
			if ceiling {
				return shiftCeil(n, scale)
			}
			return shiftFloor(n, scale)
		})
	if err != nil {
		return nil, err
	}

	if n == nil {
		return nil, newError(CodeDomain,
			"%s cannot be computed with exact digits because its argument "+
				"may be exactly an integer", name)
	}
	return new(big.Rat).SetInt(n), nil
}

// roundReal returns x rounded half away from zero to places digits after
// the point, or to a multiple of 10^-places when places is negative.
func roundReal(ctx context.Context, x *real, places int, lim limits) (*big.Rat, error) {
	start := 16 + x.magnitude + digitsToBitsCeil(max(places, 0))
	n, err := decideInteger(ctx, x, start, lim.refineLimit(start),
		func(n *big.Int, scale int) *big.Int {
			num, den := scaleByPow10(n, new(big.Int).Lsh(bigOne, uint(scale)), places)
			return roundHalfAway(num, den)
		})
	if err != nil {
		return nil, err
	}

	if n == nil {
		return nil, newError(CodeDomain,
			"round cannot be computed with exact digits because its argument "+
				"may lie exactly halfway between two rounded values")
	}
	num, den := scaleByPow10(n, big.NewInt(1), -places)
	return new(big.Rat).SetFrac(num, den), nil
}

// scaleByPow10 returns num/den * 10^places as a new fraction.
func scaleByPow10(num, den *big.Int, places int) (*big.Int, *big.Int) {
	if places >= 0 {
		return new(big.Int).Mul(num, pow10(places)), den
	}
	return num, new(big.Int).Mul(den, pow10(-places))
}

// roundHalfAway returns n/d rounded to the nearest integer, with halves
// rounded away from zero, for d > 0.
func roundHalfAway(n, d *big.Int) *big.Int {
	twice := new(big.Int).Lsh(new(big.Int).Abs(n), 1)
	twice.Add(twice, d)
	q := twice.Quo(twice, new(big.Int).Lsh(d, 1))
	if n.Sign() < 0 {
		q.Neg(q)
	}
	return q
}
