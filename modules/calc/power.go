package calc

import (
	"math"
	"math/big"

	"emma/modules/bigmath"
)

// power returns base^exponent. The exponent must be exact: an integer,
// which gives an exact result for an exact base, or a half-integer p/2,
// computed as sqrt(base^p).
func (ev *evaluator) power(base, exponent value) (value, error) {
	if exponent.approx != nil {
		return value{}, newError(CodeDomain,
			"the exponent of ^ must be an exact number; approximate exponents "+
				"such as pi are not supported with exact digits")
	}
	e := exponent.rat
	digits := max(base.digits, exponent.digits)
	switch {
	case e.IsInt():
		v, err := ev.integerPower(base, e.Num())
		v.digits = max(v.digits, digits)
		return v, err
	case e.Denom().Cmp(big.NewInt(2)) == 0:
		return ev.halfPower(base, e.Num(), digits)
	}
	return value{}, newError(CodeDomain,
		"^ supports whole exponents and halves such as 1/2 or 3/2; "+
			"the exponent %s is not supported with exact digits", describeRat(e))
}

// integerPower returns base^e for an integer e.
func (ev *evaluator) integerPower(base value, e *big.Int) (value, error) {
	if e.Sign() == 0 {
		// 0^0 = 1, as in most programming languages.
		return exact(big.NewRat(1, 1)), nil
	}
	if base.rat != nil {
		r, err := ev.ratPower(base.rat, e)
		return exact(r), err
	}
	if base.surd != nil {
		return ev.surdPower(base.surd, e, base.digits)
	}
	if !e.IsInt64() || new(big.Int).Abs(e).Cmp(big.NewInt(int64(ev.lim.maxBits()))) > 0 {
		return value{}, newError(CodeResultTooLarge,
			"the exponent %s is too large for an approximate base", describeInt(e))
	}
	x := base.approx
	if e.Sign() < 0 {
		inverse, err := invReal(ev.ctx, x, ev.lim.refineLimit(0))
		if err != nil {
			return value{}, err
		}

		x = inverse
	}
	n := new(big.Int).Abs(e).Uint64()
	if err := ev.lim.checkApproximate(x.magnitude * int(n)); err != nil {
		return value{}, err
	}

	return value{approx: powReal(x, n), digits: base.digits}, nil
}

// ratPower returns b^e exactly for an integer e != 0. Sizes are estimated
// with bigmath.PowDigits before any power is computed.
func (ev *evaluator) ratPower(b *big.Rat, e *big.Int) (*big.Rat, error) {
	num, den := new(big.Int).Abs(b.Num()), new(big.Int).Set(b.Denom())
	switch {
	case num.Sign() == 0 && e.Sign() < 0:
		return nil, newError(CodeDivisionByZero,
			"cannot divide by zero: zero to a negative power is undefined")
	case num.Sign() == 0:
		return new(big.Rat), nil
	case e.Sign() < 0:
		num, den = den, num
	}

	negative := b.Sign() < 0 && e.Bit(0) == 1
	if num.Cmp(bigOne) == 0 && den.Cmp(bigOne) == 0 {
		return signedRat(big.NewInt(1), negative), nil
	}

	k := new(big.Int).Abs(e)
	if !k.IsUint64() {
		return nil, newError(CodeResultTooLarge,
			"%s^%s would have more than %d digits", describeRat(b), describeInt(e), ev.lim.maxDigits)
	}

	if err := ev.checkPowerSize(b, e, num, den); err != nil {
		return nil, err
	}

	num, err := bigmath.Pow(ev.ctx, num, k.Uint64(), ev.progress)
	if err != nil {
		return nil, err
	}

	den, err = bigmath.Pow(ev.ctx, den, k.Uint64(), ev.progress)
	if err != nil {
		return nil, err
	}

	if negative {
		num.Neg(num)
	}
	// Powers of coprime integers are coprime, so num/den stays reduced.
	return ev.lim.fraction(num, den)
}

// checkPowerSize rejects b^e, whose numerator is num^|e| and denominator
// den^|e|, when either would exceed the limits.
func (ev *evaluator) checkPowerSize(b *big.Rat, e, num, den *big.Int) error {
	k := new(big.Int).Abs(e).Uint64()
	call := describeRat(b) + "^" + describeInt(e)
	if digits := bigmath.PowDigits(num, k); digits >= float64(ev.lim.maxDigits) {
		return newError(CodeResultTooLarge,
			"%s would have about %.0f digits, more than the limit of %d",
			call, math.Floor(digits)+1, ev.lim.maxDigits)
	}
	if digits := bigmath.PowDigits(den, k); digits >= float64(ev.lim.maxDenominatorDigits) {
		return newError(CodeResultTooLarge,
			"%s would have a denominator of about %.0f digits, more than the limit of %d",
			call, math.Floor(digits)+1, ev.lim.maxDenominatorDigits)
	}
	return nil
}

// signedRat returns n, negated when negative is set, as a rational.
func signedRat(n *big.Int, negative bool) *big.Rat {
	r := new(big.Rat).SetInt(n)
	if negative {
		r.Neg(r)
	}
	return r
}

// halfPower returns base^(p/2) for an odd p, as sqrt(base^p).
func (ev *evaluator) halfPower(base value, p *big.Int, digits int) (value, error) {
	if base.rat != nil && base.rat.Sign() < 0 {
		return value{}, newError(CodeDomain,
			"a negative number to a fractional power has no real value")
	}
	v, err := ev.integerPower(base, p)
	if err != nil {
		return value{}, err
	}

	root, err := ev.sqrt(v)
	root.digits = max(root.digits, digits)
	return root, err
}
