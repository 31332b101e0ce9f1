package calc

import (
	"math/big"
)

// surd is the exact irrational number coefficient * sqrt(radicand). Values
// built from square roots of rationals keep this form through + and - of
// equal radicands, *, /, whole powers, signs and abs, so that
// sqrt(2)*sqrt(2), sqrt(2)^2 and sqrt(8)/sqrt(2) are exact and
// sqrt(2)-sqrt(2) is exactly zero.
type surd struct {
	// coefficient is nonzero.
	coefficient *big.Rat
	// radicand is an integer above 1 that is not a perfect square.
	radicand *big.Int
}

// squareFactorBits is the largest radicand, in bits, from which
// surdValue removes square factors. Larger radicands are kept whole, which
// only hides equalities such as sqrt(8) = 2*sqrt(2).
const squareFactorBits = 4096

// squareFactorLimit bounds the odd divisors d whose squares surdValue
// removes from a radicand.
const squareFactorLimit = 1000

// surdValue returns coefficient * sqrt(radicand) for an integer radicand
// >= 1: exact when the root is an integer, otherwise a surd together with
// its enclosure.
func (ev *evaluator) surdValue(coefficient *big.Rat, radicand *big.Int, digits int) (value, error) {
	if coefficient.Sign() == 0 {
		return exact(new(big.Rat)), nil
	}
	square, rest := splitSquare(radicand)
	if root := isqrt(rest); new(big.Int).Mul(root, root).Cmp(rest) == 0 {
		square.Mul(square, root)
		rest = big.NewInt(1)
	}
	coefficient, err := ev.lim.mul(coefficient, new(big.Rat).SetInt(square))
	if err != nil {
		return value{}, err
	}

	if rest.Cmp(bigOne) == 0 {
		return value{rat: coefficient, digits: digits}, nil
	}
	root, err := sqrtReal(ev.ctx, exactReal(new(big.Rat).SetInt(rest)), ev.lim.refineLimit(0))
	if err != nil {
		return value{}, err
	}

	v, err := ev.product(exactReal(coefficient), root, digits)
	v.surd = &surd{coefficient: coefficient, radicand: rest}
	return v, err
}

// splitSquare returns s and r with n = s^2 * r, taking out the squares of
// 2 and of odd numbers up to squareFactorLimit when n is short enough.
func splitSquare(n *big.Int) (*big.Int, *big.Int) {
	square, rest := big.NewInt(1), new(big.Int).Set(n)
	if rest.BitLen() > squareFactorBits {
		return square, rest
	}
	twos := rest.TrailingZeroBits() / 2
	rest.Rsh(rest, 2*twos)
	square.Lsh(square, twos)
	quotient, remainder := new(big.Int), new(big.Int)
	for d := int64(3); d <= squareFactorLimit; d += 2 {
		divisor := big.NewInt(d * d)
		for {
			quotient.QuoRem(rest, divisor, remainder)
			if remainder.Sign() != 0 {
				break
			}
			rest.Set(quotient)
			square.Mul(square, big.NewInt(d))
		}
	}
	return square, rest
}

// sqrtRational returns the square root of q > 0 that is not the square of
// a rational: sqrt(a/b) = sqrt(a*b)/b.
func (ev *evaluator) sqrtRational(q *big.Rat, digits int) (value, error) {
	radicand := new(big.Int).Mul(q.Num(), q.Denom())
	return ev.surdValue(new(big.Rat).SetFrac(bigOne, q.Denom()), radicand, digits)
}

// surdBinary applies op exactly when both operands are surds or one is a
// surd and the other rational. It reports false when no exact form
// exists, such as for sqrt(2)+sqrt(3), sqrt(2)+1 or sqrt(2)*pi.
func (ev *evaluator) surdBinary(op tokenKind, x, y value, digits int) (value, bool, error) {
	if (x.surd == nil && y.surd == nil) || (x.surd == nil && x.rat == nil) ||
		(y.surd == nil && y.rat == nil) {
		return value{}, false, nil
	}
	switch op {
	case tokenPlus, tokenMinus:
		if x.surd == nil || y.surd == nil || x.surd.radicand.Cmp(y.surd.radicand) != 0 {
			return value{}, false, nil
		}
		combine := ev.lim.add
		if op == tokenMinus {
			combine = ev.lim.sub
		}
		coefficient, err := combine(x.surd.coefficient, y.surd.coefficient)
		if err != nil {
			return value{}, true, err
		}

		v, err := ev.surdValue(coefficient, x.surd.radicand, digits)
		return v, true, err
	case tokenTimes:
		v, err := ev.surdProduct(x, y, digits)
		return v, true, err
	case tokenDivide:
		inverse, err := ev.surdInverse(y)
		if err != nil {
			return value{}, true, err
		}

		v, err := ev.surdProduct(x, inverse, digits)
		return v, true, err
	}
	return value{}, false, nil
}

// surdProduct returns x * y for surds or rationals x and y. For two surds,
// sqrt(p)*sqrt(q) = g*sqrt((p/g)*(q/g)) with g = gcd(p, q).
func (ev *evaluator) surdProduct(x, y value, digits int) (value, error) {
	cx, rx := surdParts(x)
	cy, ry := surdParts(y)
	coefficient, err := ev.lim.mul(cx, cy)
	if err != nil {
		return value{}, err
	}

	g, err := ev.lim.gcd(rx, ry)
	if err != nil {
		return value{}, err
	}

	radicand := new(big.Int).Quo(rx, g)
	radicand.Mul(radicand, new(big.Int).Quo(ry, g))
	if coefficient, err = ev.lim.mul(coefficient, new(big.Rat).SetInt(g)); err != nil {
		return value{}, err
	}

	return ev.surdValue(coefficient, radicand, digits)
}

// surdParts returns v as coefficient and radicand. A rational r is
// r * sqrt(1).
func surdParts(v value) (*big.Rat, *big.Int) {
	if v.surd != nil {
		return v.surd.coefficient, v.surd.radicand
	}
	return v.rat, big.NewInt(1)
}

// surdInverse returns 1/v for a surd or rational v:
// 1/(c*sqrt(q)) = (1/(c*q)) * sqrt(q). A surd result carries no enclosure,
// so it may only be passed on to surdProduct or surdPower.
func (ev *evaluator) surdInverse(v value) (value, error) {
	if v.surd == nil {
		if v.rat.Sign() == 0 {
			return value{}, newError(CodeDivisionByZero, "cannot divide by zero")
		}
		return exact(reciprocal(v.rat)), nil
	}
	scaled, err := ev.lim.mul(v.surd.coefficient, new(big.Rat).SetInt(v.surd.radicand))
	if err != nil {
		return value{}, err
	}

	inverse := *v.surd
	inverse.coefficient = reciprocal(scaled)
	return value{surd: &inverse}, nil
}

// surdPower returns s^n for a whole n: c^n * q^(n/2) for even n, times
// sqrt(q) for odd n.
func (ev *evaluator) surdPower(s *surd, n *big.Int, digits int) (value, error) {
	base := value{surd: s}
	if n.Sign() < 0 {
		inverse, err := ev.surdInverse(base)
		if err != nil {
			return value{}, err
		}

		base, n = inverse, new(big.Int).Neg(n)
	}
	coefficient, err := ev.ratPower(base.surd.coefficient, n)
	if err != nil {
		return value{}, err
	}

	half := new(big.Int).Rsh(n, 1)
	if half.Sign() > 0 {
		radicandPower, err := ev.ratPower(new(big.Rat).SetInt(base.surd.radicand), half)
		if err != nil {
			return value{}, err
		}

		if coefficient, err = ev.lim.mul(coefficient, radicandPower); err != nil {
			return value{}, err
		}
	}
	if n.Bit(0) == 0 {
		return value{rat: coefficient, digits: digits}, nil
	}
	return ev.surdValue(coefficient, base.surd.radicand, digits)
}

// negateSurd returns -s, or nil for nil.
func negateSurd(s *surd) *surd {
	if s == nil {
		return nil
	}
	return &surd{coefficient: new(big.Rat).Neg(s.coefficient), radicand: s.radicand}
}

// absSurd returns |s|, or nil for nil.
func absSurd(s *surd) *surd {
	if s == nil {
		return nil
	}
	return &surd{coefficient: new(big.Rat).Abs(s.coefficient), radicand: s.radicand}
}
