package calc

import (
	"context"
	"fmt"
	"math/big"
)

// errInternalDigits reports text from bigmath that is not a decimal.
func errInternalDigits(text string) error {
	return fmt.Errorf("parse digits %s: not a decimal number", quote(text))
}

// negReal returns -x.
func negReal(x *real) *real {
	return &real{
		magnitude: x.magnitude,
		enclose: func(ctx context.Context, bits int) (interval, error) {
			iv, err := x.enclose(ctx, bits)
			return iv.negate(), err
		},
	}
}

// addReal returns x + y.
func addReal(x, y *real) *real {
	return &real{
		magnitude: max(x.magnitude, y.magnitude) + 1,
		enclose: func(ctx context.Context, bits int) (interval, error) {
			a, err := x.enclose(ctx, bits+2)
			if err != nil {
				return interval{}, err
			}

			b, err := y.enclose(ctx, bits+2)
			if err != nil {
				return interval{}, err
			}

			sum := interval{
				lo:    new(big.Int).Add(a.lo, b.lo),
				hi:    new(big.Int).Add(a.hi, b.hi),
				scale: bits + 2,
			}
			return sum.rescale(bits), nil
		},
	}
}

// mulReal returns x * y. Each factor is enclosed with as many more bits as
// the other factor has integer bits, so the product keeps bits bits.
func mulReal(x, y *real) *real {
	return &real{
		magnitude: x.magnitude + y.magnitude,
		enclose: func(ctx context.Context, bits int) (interval, error) {
			a, err := x.enclose(ctx, bits+y.magnitude+2)
			if err != nil {
				return interval{}, err
			}

			b, err := y.enclose(ctx, bits+x.magnitude+2)
			if err != nil {
				return interval{}, err
			}

			return multiplyIntervals(a, b).rescale(bits), nil
		},
	}
}

// multiplyIntervals returns the product of two intervals at the sum of
// their scales.
func multiplyIntervals(a, b interval) interval {
	products := []*big.Int{
		new(big.Int).Mul(a.lo, b.lo), new(big.Int).Mul(a.lo, b.hi),
		new(big.Int).Mul(a.hi, b.lo), new(big.Int).Mul(a.hi, b.hi),
	}
	lo, hi := products[0], products[0]
	for _, p := range products[1:] {
		if p.Cmp(lo) < 0 {
			lo = p
		}
		if p.Cmp(hi) > 0 {
			hi = p
		}
	}
	return interval{lo: lo, hi: hi, scale: a.scale + b.scale}
}

// absReal returns |x|.
func absReal(x *real) *real {
	return &real{
		magnitude: x.magnitude,
		enclose: func(ctx context.Context, bits int) (interval, error) {
			iv, err := x.enclose(ctx, bits)
			if err != nil {
				return interval{}, err
			}

			switch iv.sign() {
			case 1:
				return iv, nil
			case -1:
				return iv.negate(), nil
			}
			hi := new(big.Int).Neg(iv.lo)
			if hi.Cmp(iv.hi) < 0 {
				hi = iv.hi
			}
			return interval{lo: new(big.Int), hi: hi, scale: bits}, nil
		},
	}
}

// bound is a proven sign and size of a nonzero real: 2^-exponent <= |x|.
type bound struct {
	sign     int
	exponent int
}

// locate encloses x with more and more bits, up to maxBits, until the
// interval excludes zero, and returns the sign and a lower bound on |x|.
// It fails with CodeDomain when no interval up to maxBits excludes zero,
// which is the case when x is exactly zero, as pi-pi is. operation starts
// the message, such as "cannot divide by".
func locate(ctx context.Context, x *real, maxBits int, operation string) (bound, error) {
	for bits := 16; ; bits *= 2 {
		bits = min(bits, maxBits)
		if err := checkContext(ctx); err != nil {
			return bound{}, err
		}

		iv, err := x.enclose(ctx, bits)
		if err != nil {
			return bound{}, err
		}

		if s := iv.sign(); s != 0 {
			low := iv.lo
			if s < 0 {
				low = new(big.Int).Neg(iv.hi)
			}
			return bound{sign: s, exponent: bits - low.BitLen() + 1}, nil
		}
		if bits == maxBits {
			return bound{}, newError(CodeDomain,
				"%s a value that cannot be distinguished from zero with exact digits, "+
					"because it may be exactly zero", operation)
		}
	}
}

// clampAway narrows iv, an enclosure of a value with bound b, to the side
// of zero where the value is proven to lie.
func clampAway(iv interval, b bound) interval {
	limit := shiftFloor(bigOne, b.exponent-iv.scale)
	if b.sign > 0 && iv.lo.Cmp(limit) < 0 {
		return interval{lo: limit, hi: iv.hi, scale: iv.scale}
	}
	limit.Neg(limit)
	if b.sign < 0 && iv.hi.Cmp(limit) > 0 {
		return interval{lo: iv.lo, hi: limit, scale: iv.scale}
	}
	return iv
}
