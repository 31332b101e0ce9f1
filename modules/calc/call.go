package calc

import (
	"context"
	"math/big"

	"emma/modules/bigmath"
)

// call applies the function name to its evaluated arguments, whose count
// the parser has checked.
func (ev *evaluator) call(name string, args []value) (value, error) {
	switch name {
	case "abs":
		return ev.abs(args[0]), nil
	case "floor", "ceil":
		return ev.floor(args[0], name)
	case "round":
		return ev.round(args)
	case "sqrt":
		return ev.sqrtCall(args)
	case "pi", "e":
		return ev.constant(name, args)
	case "mod":
		return ev.binary(tokenModulo, args[0], args[1])
	case "gcd", "lcm":
		return ev.gcdCall(name, args[0], args[1])
	case "factorial":
		return ev.factorial(args[0], name)
	case "fib":
		return ev.fib(args[0])
	case "binomial":
		return ev.binomial(args[0], args[1])
	case "isprime":
		return ev.isPrime(args[0])
	}
	return ev.factor(args[0])
}

func (ev *evaluator) abs(v value) value {
	if v.rat != nil {
		return value{rat: new(big.Rat).Abs(v.rat), digits: v.digits}
	}
	return value{approx: absReal(v.approx), surd: absSurd(v.surd), digits: v.digits}
}

// floor returns floor(v), or ceil(v) for name "ceil".
func (ev *evaluator) floor(v value, name string) (value, error) {
	ceiling := name == "ceil"
	if v.rat == nil {
		r, err := floorReal(ev.ctx, v.approx, ev.lim, ceiling, name)
		return exact(r), err
	}
	q := floorDiv(v.rat.Num(), v.rat.Denom())
	if ceiling && !v.rat.IsInt() {
		q.Add(q, bigOne)
	}
	return exact(new(big.Rat).SetInt(q)), nil
}

// round returns args[0] rounded half away from zero to args[1] digits
// after the point, 0 by default. Negative digits round to tens, hundreds
// and so on.
func (ev *evaluator) round(args []value) (value, error) {
	places := 0
	if len(args) == 2 {
		p, err := digitsArgument(args[1], "round", -MaxPrecision)
		if err != nil {
			return value{}, err
		}

		places = p
	}
	x := args[0]
	if x.approx != nil {
		r, err := roundReal(ev.ctx, x.approx, places, ev.lim)
		return exact(r), err
	}
	num, den := scaleByPow10(x.rat.Num(), x.rat.Denom(), places)
	num, den = scaleByPow10(roundHalfAway(num, den), big.NewInt(1), -places)
	if err := ev.lim.checkBits(num.BitLen()); err != nil {
		return value{}, err
	}

	if err := ev.lim.checkDenominatorBits(den.BitLen()); err != nil {
		return value{}, err
	}

	return exact(new(big.Rat).SetFrac(num, den)), nil
}

// sqrtCall returns sqrt(x), shown with args[1] digits after the point
// when the root is irrational.
func (ev *evaluator) sqrtCall(args []value) (value, error) {
	root, err := ev.sqrt(args[0])
	if err != nil || len(args) == 1 {
		return root, err
	}

	digits, err := digitsArgument(args[1], "sqrt", 0)
	if err != nil {
		return value{}, err
	}

	root.digits = max(root.digits, digits)
	return root, nil
}

// sqrt returns the square root of v: exact when v is the square of a
// rational, approximate otherwise.
func (ev *evaluator) sqrt(v value) (value, error) {
	if v.rat != nil {
		if v.rat.Sign() < 0 {
			return value{}, newError(CodeDomain,
				"sqrt is not defined for negative numbers, got %s", describeRat(v.rat))
		}
		if root, ok := bigmath.SqrtRat(v.rat); ok {
			return value{rat: root, digits: v.digits}, nil
		}
		return ev.sqrtRational(v.rat, v.digits)
	}
	x := v.asReal()
	if err := ev.lim.checkApproximate(x.magnitude / 2); err != nil {
		return value{}, err
	}

	root, err := sqrtReal(ev.ctx, x, ev.lim.refineLimit(0))
	return value{approx: root, digits: v.digits}, err
}

// constant returns pi or e, shown with args[0] digits after the point
// when given.
func (ev *evaluator) constant(name string, args []value) (value, error) {
	digits := -1
	if len(args) == 1 {
		d, err := digitsArgument(args[0], name, 0)
		if err != nil {
			return value{}, err
		}

		digits = d
	}
	compute := func(ctx context.Context, digits int) (string, error) {
		if name == "pi" {
			return bigmath.Pi(ctx, digits, ev.progress)
		}
		return bigmath.E(ctx, digits, ev.progress)
	}
	// pi < 4 = 2^2 and e < 4.
	return value{approx: truncatedReal(compute, 2), digits: digits}, nil
}
