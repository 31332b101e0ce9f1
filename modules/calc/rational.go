package calc

import (
	"math/big"
)

// The functions in this file compute with reduced fractions and check
// every result against the limits. They avoid big.Rat's arithmetic, which
// reduces each result with one GCD of the full numerator and denominator,
// and instead take GCDs only where one operand is a denominator, which
// checkRat keeps short.

// ratFromReduced returns num/den without computing their GCD, for a
// fraction already in lowest terms with den > 0. SetInt initializes the
// Rat, so Denom returns a reference to its denominator.
func ratFromReduced(num, den *big.Int) *big.Rat {
	r := new(big.Rat).SetInt(num)
	if den.Cmp(bigOne) != 0 {
		r.Denom().Set(den)
	}
	return r
}

var bigOne = big.NewInt(1)

// fraction checks the sizes of the reduced fraction num/den and returns it.
func (l limits) fraction(num, den *big.Int) (*big.Rat, error) {
	if err := l.checkBits(num.BitLen()); err != nil {
		return nil, err
	}

	if err := l.checkDenominatorBits(den.BitLen()); err != nil {
		return nil, err
	}

	return ratFromReduced(num, den), nil
}

// gcd returns the greatest common divisor of |x| and |y|. It rejects pairs
// whose shorter member is longer than maxDenominatorBits, unless one
// divides the other, because math/big's GCD would then take seconds.
func (l limits) gcd(x, y *big.Int) (*big.Int, error) {
	small, large := new(big.Int).Abs(x), new(big.Int).Abs(y)
	if small.CmpAbs(large) > 0 {
		small, large = large, small
	}
	if small.Cmp(bigOne) == 0 {
		return small, nil
	}
	if small.BitLen() > l.maxDenominatorBits() {
		if small.Sign() != 0 && new(big.Int).Rem(large, small).Sign() == 0 {
			return small, nil
		}
		return nil, newError(CodeResultTooLarge,
			"this calculation would need the greatest common divisor of two numbers "+
				"of more than %d digits each, which is not supported", l.maxDenominatorDigits)
	}
	return new(big.Int).GCD(nil, nil, small, large), nil
}

// add returns x + y. It divides by g = gcd(b, d) before multiplying and
// then by gcd(t, g), which reduces the sum fully (Knuth, The Art of
// Computer Programming, vol. 2, section 4.5.1).
func (l limits) add(x, y *big.Rat) (*big.Rat, error) {
	a, b, c, d := x.Num(), x.Denom(), y.Num(), y.Denom()
	g, err := l.gcd(b, d)
	if err != nil {
		return nil, err
	}

	bg, dg := new(big.Int).Quo(b, g), new(big.Int).Quo(d, g)
	if err := l.checkBits(max(a.BitLen()+dg.BitLen(), c.BitLen()+bg.BitLen()) - 1); err != nil {
		return nil, err
	}

	t := new(big.Int).Mul(a, dg)
	t.Add(t, new(big.Int).Mul(c, bg))
	if t.Sign() == 0 {
		return new(big.Rat), nil
	}
	g2, err := l.gcd(t, g)
	if err != nil {
		return nil, err
	}

	return l.fraction(t.Quo(t, g2), bg.Mul(bg, new(big.Int).Quo(d, g2)))
}

// sub returns x - y.
func (l limits) sub(x, y *big.Rat) (*big.Rat, error) {
	return l.add(x, new(big.Rat).Neg(y))
}

// mul returns x * y, cancelling gcd(a, d) and gcd(c, b) before
// multiplying so that the product is already reduced.
func (l limits) mul(x, y *big.Rat) (*big.Rat, error) {
	a, b, c, d := x.Num(), x.Denom(), y.Num(), y.Denom()
	if a.Sign() == 0 || c.Sign() == 0 {
		return new(big.Rat), nil
	}
	g1, err := l.gcd(a, d)
	if err != nil {
		return nil, err
	}

	g2, err := l.gcd(c, b)
	if err != nil {
		return nil, err
	}

	a1, d1 := new(big.Int).Quo(a, g1), new(big.Int).Quo(d, g1)
	c1, b1 := new(big.Int).Quo(c, g2), new(big.Int).Quo(b, g2)
	if err := l.checkBits(a1.BitLen() + c1.BitLen() - 1); err != nil {
		return nil, err
	}

	if err := l.checkDenominatorBits(b1.BitLen() + d1.BitLen() - 1); err != nil {
		return nil, err
	}

	return l.fraction(a1.Mul(a1, c1), b1.Mul(b1, d1))
}

// quo returns x / y, or a CodeDivisionByZero error when y is zero.
func (l limits) quo(x, y *big.Rat) (*big.Rat, error) {
	if y.Sign() == 0 {
		return nil, newError(CodeDivisionByZero, "cannot divide by zero")
	}
	return l.mul(x, reciprocal(y))
}

// reciprocal returns 1/y for y != 0.
func reciprocal(y *big.Rat) *big.Rat {
	num, den := new(big.Int).Set(y.Denom()), new(big.Int).Set(y.Num())
	if den.Sign() < 0 {
		num.Neg(num)
		den.Neg(den)
	}
	return ratFromReduced(num, den)
}

// mod returns x - y*floor(x/y), whose sign is that of y, or a
// CodeDivisionByZero error when y is zero.
func (l limits) mod(x, y *big.Rat) (*big.Rat, error) {
	if y.Sign() == 0 {
		return nil, newError(CodeDivisionByZero,
			"cannot take the remainder of a division by zero")
	}
	num := new(big.Int).Mul(x.Num(), y.Denom())
	den := new(big.Int).Mul(x.Denom(), y.Num())
	quotient, err := l.mul(y, new(big.Rat).SetInt(floorDiv(num, den)))
	if err != nil {
		return nil, err
	}

	return l.sub(x, quotient)
}

// floorDiv returns floor(n / d) for d != 0.
func floorDiv(n, d *big.Int) *big.Int {
	q, m := new(big.Int).QuoRem(n, d, new(big.Int))
	if m.Sign() != 0 && (m.Sign() < 0) != (d.Sign() < 0) {
		q.Sub(q, bigOne)
	}
	return q
}
