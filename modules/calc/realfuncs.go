package calc

import (
	"context"
	"math/big"
	"math/bits"
)

// invReal returns 1/x after proving that x is not zero.
func invReal(ctx context.Context, x *real, maxBits int) (*real, error) {
	b, err := locate(ctx, x, maxBits, "cannot divide by")
	if err != nil {
		return nil, err
	}

	return &real{
		magnitude: max(b.exponent, 0),
		enclose: func(ctx context.Context, bits int) (interval, error) {
			// The error of 1/x is about dx/x^2 <= dx * 2^(2*exponent).
			iv, err := x.enclose(ctx, max(bits+2*b.exponent+2, 8))
			if err != nil {
				return interval{}, err
			}

			iv = clampAway(iv, b)
			if b.sign < 0 {
				iv = iv.negate()
			}
			// 1/(v/2^s) at scale bits is 2^(s+bits)/v.
			numerator := new(big.Int).Lsh(bigOne, uint(iv.scale+bits))
			result := interval{lo: floorDiv(numerator, iv.hi), hi: ceilDiv(numerator, iv.lo), scale: bits}
			if b.sign < 0 {
				result = result.negate()
			}
			return result, nil
		},
	}, nil
}

// powReal returns x^n for n >= 1, by squaring and multiplying with
// outward rounding.
func powReal(x *real, n uint64) *real {
	guard := (int(n)-1)*x.magnitude + 2*bits.Len64(n) + 4
	return &real{
		magnitude: x.magnitude * int(n),
		enclose: func(ctx context.Context, bits int) (interval, error) {
			iv, err := x.enclose(ctx, bits+guard)
			if err != nil {
				return interval{}, err
			}

			return powInterval(iv, n).rescale(bits), nil
		},
	}
}

// powInterval returns the interval of v^n for v in iv, at iv's scale.
func powInterval(iv interval, n uint64) interval {
	s := iv.scale
	absLo, absHi := new(big.Int).Abs(iv.lo), new(big.Int).Abs(iv.hi)
	even := n%2 == 0
	switch iv.sign() {
	case 1:
		return interval{lo: fixedPow(iv.lo, n, s, false), hi: fixedPow(iv.hi, n, s, true), scale: s}
	case -1:
		if even {
			return interval{lo: fixedPow(absHi, n, s, false), hi: fixedPow(absLo, n, s, true), scale: s}
		}
		return interval{lo: neg(fixedPow(absLo, n, s, true)), hi: neg(fixedPow(absHi, n, s, false)), scale: s}
	}
	if even {
		top := absLo
		if absHi.Cmp(top) > 0 {
			top = absHi
		}
		return interval{lo: new(big.Int), hi: fixedPow(top, n, s, true), scale: s}
	}
	return interval{lo: neg(fixedPow(absLo, n, s, true)), hi: fixedPow(iv.hi, n, s, true), scale: s}
}

// neg returns -x as a new integer.
func neg(x *big.Int) *big.Int {
	return new(big.Int).Neg(x)
}

// fixedPow returns (a/2^s)^n * 2^s for a >= 0, rounded down, or up when
// up is set, after every multiplication.
func fixedPow(a *big.Int, n uint64, s int, up bool) *big.Int {
	result := new(big.Int).Lsh(bigOne, uint(s))
	base := new(big.Int).Set(a)
	for {
		if n&1 == 1 {
			result = fixedMul(result, base, s, up)
		}
		n >>= 1
		if n == 0 {
			return result
		}
		base = fixedMul(base, base, s, up)
	}
}

// fixedMul returns a*b / 2^s, rounded down or up.
func fixedMul(a, b *big.Int, s int, up bool) *big.Int {
	product := new(big.Int).Mul(a, b)
	if up {
		return shiftCeil(product, s)
	}
	return shiftFloor(product, s)
}

// sqrtReal returns the square root of x after proving that x > 0.
func sqrtReal(ctx context.Context, x *real, maxBits int) (*real, error) {
	b, err := locate(ctx, x, maxBits, "sqrt cannot be taken of")
	if err != nil {
		return nil, err
	}

	if b.sign < 0 {
		return nil, newError(CodeDomain, "sqrt is not defined for negative numbers")
	}
	return &real{
		magnitude: (x.magnitude + 1) / 2,
		enclose: func(ctx context.Context, bits int) (interval, error) {
			// The error of sqrt(x) is about dx / (2 sqrt(x)) <= dx * 2^(exponent/2).
			iv, err := x.enclose(ctx, bits+max(b.exponent, 0)/2+2)
			if err != nil {
				return interval{}, err
			}

			iv = clampAway(iv, b)
			// sqrt(v / 2^s) * 2^bits = sqrt(v * 2^(2 bits - s)).
			shift := iv.scale - 2*bits
			lo := isqrt(shiftFloor(iv.lo, shift))
			square := shiftCeil(iv.hi, shift)
			hi := isqrt(square)
			if new(big.Int).Mul(hi, hi).Cmp(square) < 0 {
				hi.Add(hi, bigOne)
			}
			return interval{lo: lo, hi: hi, scale: bits}, nil
		},
	}, nil
}
