package calc

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"testing"
)

// irrationalLeaf returns a random irrational value in calc and mpmath.
func (g *exprGenerator) irrationalLeaf() exprPair {
	switch g.random.IntN(5) {
	case 0:
		return exprPair{calc: "pi", python: "mpmath.pi"}
	case 1:
		return exprPair{calc: "e", python: "mpmath.e"}
	case 2:
		num, den := g.random.IntN(50)+1, g.random.IntN(9)+1
		if isSquareFraction(num, den) {
			num++
		}
		return exprPair{
			calc:   fmt.Sprintf("(%d/%d)^(1/2)", num, den),
			python: fmt.Sprintf("mpmath.sqrt(F('%d')/%d)", num, den),
		}
	}
	n := g.random.IntN(1000) + 2
	if isSquareFraction(n, 1) {
		n++
	}
	return exprPair{calc: fmt.Sprintf("sqrt(%d)", n), python: fmt.Sprintf("mpmath.sqrt(%d)", n)}
}

// isSquareFraction reports whether num/den is the square of a rational.
func isSquareFraction(num, den int) bool {
	isSquare := func(n int) bool {
		for r := 0; r*r <= n; r++ {
			if r*r == n {
				return true
			}
		}
		return false
	}
	return isSquare(num*den) && isSquare(den*den)
}

// irrationalExpr combines one irrational leaf with rational expressions
// by + - * / and a small power. The result is irrational unless it is
// multiplied by zero or is an even power of a square root.
func (g *exprGenerator) irrationalExpr(depth int) exprPair {
	if depth == 0 {
		return g.irrationalLeaf()
	}
	inner := g.irrationalExpr(depth - 1)
	other := g.expr(2)
	switch g.random.IntN(7) {
	case 0:
		return exprPair{calc: "-(" + inner.calc + ")", python: "-(" + inner.python + ")"}
	case 1:
		exponent := fmt.Sprint(g.random.IntN(4) + 1)
		return exprPair{calc: "(" + inner.calc + ")^" + exponent, python: "(" + inner.python + ")**" + exponent}
	}
	ops := []string{"+", "-", "*", "/"}
	op := ops[g.random.IntN(len(ops))]
	if g.random.IntN(2) == 0 {
		return exprPair{calc: "(" + inner.calc + ")" + op + "(" + other.calc + ")",
			python: "(" + inner.python + ")" + op + "(" + other.python + ")"}
	}
	return exprPair{calc: "(" + other.calc + ")" + op + "(" + inner.calc + ")",
		python: "(" + other.python + ")" + op + "(" + inner.python + ")"}
}

// mpmathOracle evaluates each line with mpmath at 90 digits and prints it
// truncated toward zero to 30 digits after the point.
const mpmathOracle = `
import sys
import mpmath
from fractions import Fraction
sys.set_int_max_str_digits(0)
mpmath.mp.dps = 90

def F(s):
    f = Fraction(s)
    return mpmath.mpf(f.numerator) / f.denominator

for line in sys.stdin:
    try:
        x = eval(line, {"F": F, "mpmath": mpmath})
    except ZeroDivisionError:
        print("ZeroDivisionError")
        continue
    if mpmath.isinf(x) or mpmath.isnan(x):
        print("ZeroDivisionError")
        continue
    t = int(mpmath.floor(abs(x) * 10**30))
    sign = "-" if x < 0 and t != 0 else ""
    print("%s%d.%030d" % (sign, t // 10**30, t % 10**30))
`

func TestEvaluateMatchesMpmath(t *testing.T) {
	const count = 400
	g := &exprGenerator{
		random: rand.New(rand.NewPCG(7, 2024)),
		number: func(literal string) string { return "F('" + literal + "')" },
	}
	pairs := make([]exprPair, count)
	lines := make([]string, count)
	for i := range pairs {
		pairs[i] = g.irrationalExpr(g.random.IntN(4))
		lines[i] = pairs[i].python
	}
	want := runPython(t, mpmathOracle, lines)
	compared := 0
	for i, pair := range pairs {
		result, err := Evaluate(context.Background(), pair.calc, Options{})
		var calcErr *Error
		got := result.Value
		switch {
		case errors.As(err, &calcErr) && calcErr.Code == CodeDivisionByZero:
			got = "ZeroDivisionError"
		case errors.As(err, &calcErr) && calcErr.Code == CodeResultTooLarge:
			continue
		case err != nil:
			t.Errorf("%s: error %v", pair.calc, err)
			continue
		case result.Rat != nil:
			// Multiplied by an exact zero, so the result is exact.
			continue
		}
		compared++
		if got != want[i] {
			t.Errorf("%s\ngot  %s\nwant %s\npython: %s", pair.calc, got, want[i], pair.python)
		}
	}
	if compared < count/2 {
		t.Errorf("compared %d of %d expressions, want at least half", compared, count)
	}
}
