package calc

import (
	"context"
	"errors"
	"math/big"

	"emma/modules/bigmath"
)

// value is an intermediate result. Exactly one of rat, approx and text is
// set: rat for exact rational values, approx for irrational ones and text
// for the factorization that factor returns. surd is set together with
// approx when the value is known exactly as a multiple of a square root.
type value struct {
	rat    *big.Rat
	approx *real
	surd   *surd
	text   string
	// digits is the largest digits argument of sqrt, pi or e that the value
	// was computed from, or -1 when there is none.
	digits int
}

// exact returns the exact value r.
func exact(r *big.Rat) value {
	return value{rat: r, digits: -1}
}

// asReal returns v as a real, for arithmetic with approximate values.
func (v value) asReal() *real {
	if v.approx != nil {
		return v.approx
	}
	return exactReal(v.rat)
}

// isZero reports whether v is exactly zero.
func (v value) isZero() bool {
	return v.rat != nil && v.rat.Sign() == 0
}

// evaluator computes the value of a parsed expression.
type evaluator struct {
	ctx      context.Context
	lim      limits
	progress bigmath.Progress
}

// eval returns the value of n. Errors caused by the input get the position
// of the innermost node that failed.
func (ev *evaluator) eval(n *node) (value, error) {
	if err := checkContext(ev.ctx); err != nil {
		return value{}, err
	}

	v, err := ev.evalNode(n)
	if err != nil {
		return value{}, placeError(err, n.pos)
	}

	return v, nil
}

func (ev *evaluator) evalNode(n *node) (value, error) {
	if n.kind == nodeNumber {
		return exact(n.number.rat()), nil
	}
	args := make([]value, len(n.args))
	for i, arg := range n.args {
		v, err := ev.eval(arg)
		if err != nil {
			return value{}, err
		}

		args[i] = v
	}
	if err := requireNumbers(args); err != nil {
		return value{}, err
	}

	switch n.kind {
	case nodeNegate:
		return ev.negate(args[0]), nil
	case nodeBinary:
		return ev.binary(n.op, args[0], args[1])
	case nodeFactorial:
		return ev.factorial(args[0], "!")
	}
	return ev.call(n.name, args)
}

// requireNumbers rejects the text result of factor as an operand.
func requireNumbers(args []value) error {
	for _, v := range args {
		if v.rat == nil && v.approx == nil {
			return newError(CodeDomain,
				"factor returns a factorization, which cannot be used in further calculations")
		}
	}
	return nil
}

// placeError adds the 1-based column pos to an *Error that has none.
// Timeouts and errors that are not *Error are returned unchanged.
func placeError(err error, pos int) error {
	var calcErr *Error
	if !errors.As(err, &calcErr) || calcErr.Position != 0 || calcErr.Code == CodeTimeout {
		return err
	}
	placed := positionError(calcErr.Code, pos, "%s", calcErr.Message)
	placed.Field = calcErr.Field
	return placed
}

func (ev *evaluator) negate(v value) value {
	if v.rat != nil {
		return value{rat: new(big.Rat).Neg(v.rat), digits: v.digits}
	}
	return value{approx: negReal(v.approx), surd: negateSurd(v.surd), digits: v.digits}
}

// binary applies the operator op to x and y.
func (ev *evaluator) binary(op tokenKind, x, y value) (value, error) {
	if op == tokenPower {
		return ev.power(x, y)
	}
	digits := max(x.digits, y.digits)
	if x.rat != nil && y.rat != nil {
		r, err := ev.exactBinary(op, x.rat, y.rat)
		return value{rat: r, digits: digits}, err
	}
	if v, ok, err := ev.surdBinary(op, x, y, digits); ok {
		return v, err
	}
	return ev.approxBinary(op, x, y, digits)
}

// exactBinary applies + - * / or % to two rationals.
func (ev *evaluator) exactBinary(op tokenKind, x, y *big.Rat) (*big.Rat, error) {
	switch op {
	case tokenPlus:
		return ev.lim.add(x, y)
	case tokenMinus:
		return ev.lim.sub(x, y)
	case tokenTimes:
		return ev.lim.mul(x, y)
	case tokenDivide:
		return ev.lim.quo(x, y)
	}
	return ev.lim.mod(x, y)
}

// approxBinary applies + - * or / when at least one operand is
// approximate. Products with an exact zero stay exact.
func (ev *evaluator) approxBinary(op tokenKind, x, y value, digits int) (value, error) {
	switch op {
	case tokenPlus, tokenMinus:
		y := y.asReal()
		if op == tokenMinus {
			y = negReal(y)
		}
		sum := addReal(x.asReal(), y)
		return value{approx: sum, digits: digits}, ev.lim.checkApproximate(sum.magnitude)
	case tokenTimes:
		if x.isZero() || y.isZero() {
			return exact(new(big.Rat)), nil
		}
		return ev.product(x.asReal(), y.asReal(), digits)
	case tokenDivide:
		if y.isZero() {
			return value{}, newError(CodeDivisionByZero, "cannot divide by zero")
		}
		// Dividing proves y nonzero, even when x is zero.
		inverse, err := invReal(ev.ctx, y.asReal(), ev.lim.refineLimit(0))
		if err != nil {
			return value{}, err
		}

		if x.isZero() {
			return exact(new(big.Rat)), nil
		}
		return ev.product(x.asReal(), inverse, digits)
	}
	return value{}, newError(CodeDomain,
		"the remainder %% is only supported for exact values, not for approximate "+
			"values such as sqrt(2) or pi")
}

// product returns x * y after checking the size of the product.
func (ev *evaluator) product(x, y *real, digits int) (value, error) {
	if err := ev.lim.checkApproximate(x.magnitude + y.magnitude); err != nil {
		return value{}, err
	}

	return value{approx: mulReal(x, y), digits: digits}, nil
}
