package bigmath

import (
	"context"
	"math"
	"math/big"
	"strings"
)

// decimalLeafDigits is the digit count of the blocks that Decimal hands to
// big.Int.Append.
const decimalLeafDigits = 1 << 12

// Decimal returns the base-10 text of n, with a leading "-" when n is
// negative. It splits n by divide and conquer on the powers 10^(d 2^i),
// with d = decimalLeafDigits, squared once per call, and checks ctx after
// every division. Blocks of up to d digits are converted by math/big.
func Decimal(ctx context.Context, n *big.Int, p Progress) (string, error) {
	if err := ctx.Err(); err != nil {
		return "", err
	}

	if n.BitLen() <= decimalLeafDigits*3 {
		p.report(1, "converting")
		return n.Text(10), nil
	}

	digits := float64(n.BitLen()) * log10Two
	top := powerLevels(n.BitLen())
	t := newTracker(ctx, p, "converting", powersCost(top)+conversionCost(digits, top))
	powers, err := fivePowers(top, t)
	if err != nil {
		return "", err
	}

	c := &decimalConverter{
		powers:  powers,
		out:     make([]byte, 0, int(digits)+2),
		tracker: t,
	}
	if n.Sign() < 0 {
		c.out = append(c.out, '-')
	}

	if err := c.write(new(big.Int).Abs(n), top, 0); err != nil {
		return "", err
	}

	t.finish()

	return string(c.out), nil
}

// decimalConverter holds the state of one Decimal call.
type decimalConverter struct {
	// powers[i] is 5^(decimalLeafDigits * 2^i).
	powers  []*big.Int
	out     []byte
	leaf    []byte
	tracker *tracker
}

// powerLevels returns the smallest top such that the square of
// 10^(decimalLeafDigits * 2^top) exceeds every number of bitLen bits.
func powerLevels(bitLen int) int {
	top := 0
	// 10^m has at least floor(m log2(10)) + 1 bits, so its square is at
	// least 2^(2 floor(m log2(10))).
	for 2*math.Floor(float64(int(decimalLeafDigits)<<top)*math.Log2(10)) < float64(bitLen) {
		top++
	}

	return top
}

// fivePowers returns 5^(decimalLeafDigits * 2^i) for i = 0 ... top. It
// records each squaring in t, which also checks the context.
func fivePowers(top int, t *tracker) ([]*big.Int, error) {
	first := new(big.Int).Exp(big.NewInt(5), big.NewInt(decimalLeafDigits), nil)
	powers := []*big.Int{first}
	for level := 1; level <= top; level++ {
		last := powers[level-1]
		square, err := t.mul(last, last)
		if err != nil {
			return nil, err
		}

		powers = append(powers, square)
		if err := t.add(mulCost(float64(int(decimalLeafDigits) << level))); err != nil {
			return nil, err
		}
	}

	return powers, nil
}

// powersCost estimates the cost of fivePowers up to level top.
func powersCost(top int) float64 {
	cost := 0.0
	for level := 1; level <= top; level++ {
		cost += mulCost(float64(int(decimalLeafDigits) << level))
	}

	return cost
}

// write appends the digits of x < powers[level]^2, zero-padded to width
// digits. Width 0 means no padding, for the leading block.
func (c *decimalConverter) write(x *big.Int, level, width int) error {
	if level < 0 {
		c.writeLeaf(x, width)
		return nil
	}

	lowWidth := decimalLeafDigits << level
	q, r, err := c.divideByPowerOfTen(x, level)
	if err != nil {
		return err
	}

	if err := c.tracker.add(mulCost(float64(2 * lowWidth))); err != nil {
		return err
	}

	if width == 0 && q.Sign() == 0 {
		return c.write(r, level-1, 0)
	}

	highWidth := max(width-lowWidth, 0)
	if err := c.write(q, level-1, highWidth); err != nil {
		return err
	}

	return c.write(r, level-1, lowWidth)
}

// divideByPowerOfTen returns the quotient and remainder of x divided by
// 10^w, with w = decimalLeafDigits * 2^level. Because 10^w = 5^w 2^w, it
// divides x >> w by the smaller 5^w and rebuilds the remainder from the
// low w bits: x = q 10^w + (r5 2^w + low), where r5 < 5^w and low < 2^w.
func (c *decimalConverter) divideByPowerOfTen(x *big.Int, level int) (q, r *big.Int, err error) {
	high, low := splitBits(x, uint(decimalLeafDigits<<level))
	q, r, err = c.tracker.quoRem(high, c.powers[level])
	if err != nil {
		return nil, nil, err
	}

	r.Lsh(r, uint(decimalLeafDigits<<level))

	return q, r.Add(r, low), nil
}

// writeLeaf appends x < 10^decimalLeafDigits, zero-padded to width digits.
func (c *decimalConverter) writeLeaf(x *big.Int, width int) {
	c.leaf = x.Append(c.leaf[:0], 10)
	if pad := width - len(c.leaf); pad > 0 {
		c.out = append(c.out, strings.Repeat("0", pad)...)
	}

	c.out = append(c.out, c.leaf...)
}

// conversionCost estimates the cost of converting a number of digits
// digits by write from level top: each level divides about
// digits / (2 width) blocks of twice its block width.
func conversionCost(digits float64, top int) float64 {
	cost := 0.0
	for level := 0; level <= top; level++ {
		width := float64(int(decimalLeafDigits) << level)
		cost += math.Ceil(digits/(2*width)) * mulCost(2*width)
	}

	return cost
}

// formatFixed returns v / 10^digits for v >= 0 as decimal text with
// exactly digits digits after the point, and no point when digits is 0.
func formatFixed(ctx context.Context, v *big.Int, digits int, p Progress) (string, error) {
	text, err := Decimal(ctx, v, p)
	if err != nil {
		return "", err
	}

	if digits == 0 {
		return text, nil
	}

	if pad := digits + 1 - len(text); pad > 0 {
		text = strings.Repeat("0", pad) + text
	}

	point := len(text) - digits

	return text[:point] + "." + text[point:], nil
}
