package bigmath

import (
	"context"
	"math"
	"math/big"
)

// Default piece sizes of arith. One big.Int.Mul of two 2^20-bit operands,
// or one QuoRem of a 2^20-bit number by a 2^19-bit one, takes an estimated
// 10 ms on an idle core of the AMD EPYC test machine. That time bounds how
// long a canceled computation keeps running. Splitting at these sizes
// costs no measurable speed, because math/big splits the same way inside.
const (
	defaultMulLeafBits = 1 << 20
	defaultDivLeafBits = 1 << 19
)

// arith multiplies and divides big integers in pieces of bounded size and
// checks its context before each piece, so that cancellation takes effect
// inside a single huge multiplication or division.
type arith struct {
	ctx context.Context
	// mulLeafBits is the operand size up to which mul calls big.Int.Mul.
	mulLeafBits int
	// divLeafBits is the divisor size up to which quoRem calls
	// big.Int.QuoRem. It must be a power of two and a multiple of the word
	// size.
	divLeafBits int
}

// newArith returns an arith with the default piece sizes.
func newArith(ctx context.Context) arith {
	return arith{ctx: ctx, mulLeafBits: defaultMulLeafBits, divLeafBits: defaultDivLeafBits}
}

// mul returns x*y. Above the leaf size it splits the larger operand in
// half: unbalanced operands take two products, and balanced ones take
// three by one Karatsuba step. Passing the same pointer twice squares,
// which math/big does faster than a general product.
func (a arith) mul(x, y *big.Int) (*big.Int, error) {
	if err := a.ctx.Err(); err != nil {
		return nil, err
	}

	small, large := x, y
	if small.BitLen() > large.BitLen() {
		small, large = large, small
	}

	// math/big multiplies unbalanced operands in blocks of the smaller
	// one, so the cost grows as large * small^0.585.
	leafCost := mulCost(float64(a.mulLeafBits))
	cost := float64(large.BitLen()) * math.Pow(float64(small.BitLen()), karatsubaExponent-1)
	if cost <= leafCost {
		return new(big.Int).Mul(x, y), nil
	}

	result, err := a.mulSplit(new(big.Int).Abs(small), new(big.Int).Abs(large), x == y)
	if err != nil {
		return nil, err
	}

	if x.Sign()*y.Sign() < 0 {
		result.Neg(result)
	}

	return result, nil
}

// mulSplit returns small*large for non-negative operands, split at half
// the bit length of large.
func (a arith) mulSplit(small, large *big.Int, square bool) (*big.Int, error) {
	half := uint(large.BitLen() / 2)
	largeHigh, largeLow := splitBits(large, half)
	if square {
		return a.karatsuba(largeHigh, largeLow, largeHigh, largeLow, half, true)
	}

	if small.BitLen() > int(half) {
		smallHigh, smallLow := splitBits(small, half)
		return a.karatsuba(smallHigh, smallLow, largeHigh, largeLow, half, false)
	}

	high, err := a.mul(small, largeHigh)
	if err != nil {
		return nil, err
	}

	low, err := a.mul(small, largeLow)
	if err != nil {
		return nil, err
	}

	return high.Lsh(high, half).Add(high, low), nil
}

// karatsuba returns (x1 2^h + x0)(y1 2^h + y0) from the three products
// x1 y1, x0 y0 and (x1 + x0)(y1 + y0).
func (a arith) karatsuba(x1, x0, y1, y0 *big.Int, h uint, square bool) (*big.Int, error) {
	high, err := a.mul(x1, y1)
	if err != nil {
		return nil, err
	}

	low, err := a.mul(x0, y0)
	if err != nil {
		return nil, err
	}

	xSum := new(big.Int).Add(x1, x0)
	ySum := xSum
	if !square {
		ySum = new(big.Int).Add(y1, y0)
	}

	middle, err := a.mul(xSum, ySum)
	if err != nil {
		return nil, err
	}

	middle.Sub(middle, high).Sub(middle, low)
	result := high.Lsh(high, 2*h)
	result.Add(result, middle.Lsh(middle, h))

	return result.Add(result, low), nil
}

// splitBits returns x >> h and the low h bits of x, for x >= 0.
func splitBits(x *big.Int, h uint) (high, low *big.Int) {
	high = new(big.Int).Rsh(x, h)
	low = new(big.Int).Lsh(high, h)

	return high, low.Sub(x, low)
}
