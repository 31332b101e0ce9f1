package calc

import (
	"context"
	"math"
	"math/big"
)

// interval is the closed interval [lo/2^scale, hi/2^scale]: fixed-point
// numbers with scale bits after the binary point.
type interval struct {
	lo, hi *big.Int
	scale  int
}

// real is an approximate value: an irrational number such as sqrt(2) or
// pi, or a value computed from one. It can be enclosed in an interval as
// narrow as requested, so every digit shown can be proven.
type real struct {
	// enclose returns an interval at scale bits that contains the value.
	// Its width is a few units of 2^-bits for the values built here, but
	// callers check the width rather than rely on it.
	enclose func(ctx context.Context, bits int) (interval, error)
	// magnitude is an upper bound m >= 0 with |value| <= 2^m.
	magnitude int
}

// exactReal returns r as a real, for arithmetic with approximate values.
func exactReal(r *big.Rat) *real {
	magnitude := max(r.Num().BitLen()-r.Denom().BitLen()+1, 0)
	return &real{
		magnitude: magnitude,
		enclose: func(_ context.Context, bits int) (interval, error) {
			scaled := new(big.Int).Lsh(r.Num(), uint(bits))
			lo := floorDiv(scaled, r.Denom())
			hi := ceilDiv(scaled, r.Denom())
			return interval{lo: lo, hi: hi, scale: bits}, nil
		},
	}
}

// digitsFunc returns a positive constant truncated to digits digits after
// the decimal point, as bigmath.Pi and bigmath.E do.
type digitsFunc func(ctx context.Context, digits int) (string, error)

// truncatedReal returns the positive constant that compute truncates. It
// keeps the longest text computed so far and reuses it for every request
// it covers.
func truncatedReal(compute digitsFunc, magnitude int) *real {
	var cached decimal
	cachedDigits := -1
	return &real{
		magnitude: magnitude,
		enclose: func(ctx context.Context, bits int) (interval, error) {
			digits := int(math.Ceil(float64(bits)*math.Log10(2))) + 2
			if digits > cachedDigits {
				text, err := compute(ctx, digits)
				if err != nil {
					return interval{}, err
				}

				d, end, problem := scanDecimal([]rune(text), 0)
				if problem != nil || end != len(text) {
					return interval{}, errInternalDigits(text)
				}
				cached, cachedDigits = d, digits
			}
			return truncatedInterval(cached, bits), nil
		},
	}
}

// truncatedInterval returns the interval at scale bits that contains every
// number whose truncation to len(d.fraction) digits is d, for d >= 0.
func truncatedInterval(d decimal, bits int) interval {
	low, _ := new(big.Int).SetString("0"+d.whole+d.fraction, 10)
	high := new(big.Int).Add(low, bigOne)
	unit := pow10(len(d.fraction))
	low.Lsh(low, uint(bits))
	high.Lsh(high, uint(bits))
	return interval{lo: floorDiv(low, unit), hi: ceilDiv(high, unit), scale: bits}
}

// ceilDiv returns ceil(n / d) for d != 0.
func ceilDiv(n, d *big.Int) *big.Int {
	q := floorDiv(new(big.Int).Neg(n), d)
	return q.Neg(q)
}

// shiftFloor returns floor(x / 2^k) for k >= 0, and x * 2^-k otherwise.
func shiftFloor(x *big.Int, k int) *big.Int {
	if k <= 0 {
		return new(big.Int).Lsh(x, uint(-k))
	}
	// Rsh of a negative big.Int rounds toward negative infinity.
	return new(big.Int).Rsh(x, uint(k))
}

// shiftCeil returns ceil(x / 2^k) for k >= 0, and x * 2^-k otherwise.
func shiftCeil(x *big.Int, k int) *big.Int {
	q := shiftFloor(new(big.Int).Neg(x), k)
	return q.Neg(q)
}

// rescale returns iv at another scale, rounding outward when bits are
// dropped.
func (iv interval) rescale(bits int) interval {
	shift := iv.scale - bits
	return interval{lo: shiftFloor(iv.lo, shift), hi: shiftCeil(iv.hi, shift), scale: bits}
}

// sign returns 1 when the interval lies above zero, -1 when it lies below
// and 0 when it contains zero.
func (iv interval) sign() int {
	switch {
	case iv.lo.Sign() > 0:
		return 1
	case iv.hi.Sign() < 0:
		return -1
	}
	return 0
}

// negate returns the interval of the negated values.
func (iv interval) negate() interval {
	return interval{
		lo:    new(big.Int).Neg(iv.hi),
		hi:    new(big.Int).Neg(iv.lo),
		scale: iv.scale,
	}
}
