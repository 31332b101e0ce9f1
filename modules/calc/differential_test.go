package calc

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// exprPair is one random expression in calc syntax and in Python syntax.
type exprPair struct {
	calc, python string
}

// exprGenerator writes random expressions over + - * / % ^, signs,
// parentheses and decimal literals, valid in both calc and Python.
type exprGenerator struct {
	random *rand.Rand
	// number converts a literal into Python, such as Fraction('1.5').
	number func(literal string) string
}

func (g *exprGenerator) literal() string {
	integer := fmt.Sprint(g.random.IntN(1000))
	switch g.random.IntN(9) {
	case 0:
		return fmt.Sprintf("%d.%d", g.random.IntN(100), g.random.IntN(1000))
	case 1:
		return fmt.Sprintf(".%d", g.random.IntN(100))
	case 2:
		return integer + "."
	case 3:
		return fmt.Sprintf("%de-%d", g.random.IntN(50), g.random.IntN(5))
	case 4:
		return fmt.Sprintf("%d.%dE%d", g.random.IntN(10), g.random.IntN(10), g.random.IntN(4))
	case 5:
		return "0"
	}
	return integer
}

// expr returns an expression of at most depth nested operators.
func (g *exprGenerator) expr(depth int) exprPair {
	if depth == 0 || g.random.IntN(4) == 0 {
		text := g.literal()
		return exprPair{calc: text, python: g.number(text)}
	}
	switch g.random.IntN(10) {
	case 0:
		inner := g.expr(depth - 1)
		minus := "-"
		if g.random.IntN(3) == 0 {
			minus = "\u2212"
		}
		return exprPair{calc: minus + inner.calc, python: "-" + inner.python}
	case 1, 2:
		return g.power(depth)
	case 3:
		inner := g.expr(depth - 1)
		return exprPair{calc: "(" + inner.calc + ")", python: "(" + inner.python + ")"}
	}
	left, right := g.expr(depth-1), g.expr(depth-1)
	ops := []string{"+", "-", "*", "/", "%", " + ", " - ", " * ", " / "}
	op := ops[g.random.IntN(len(ops))]
	return exprPair{calc: left.calc + op + right.calc, python: left.python + op + right.python}
}

// power returns a parenthesized base to a small integer exponent.
func (g *exprGenerator) power(depth int) exprPair {
	base := g.expr(depth - 1)
	exponent := fmt.Sprint(g.random.IntN(5))
	if g.random.IntN(3) == 0 {
		exponent = "-" + exponent
	}
	op := "^"
	if g.random.IntN(4) == 0 {
		op = "**"
	}
	return exprPair{
		calc:   "(" + base.calc + ")" + op + exponent,
		python: "(" + base.python + ")**(" + exponent + ")",
	}
}

// runPython runs a Python 3 script once with the given input lines and
// returns its output lines, skipping the test when python3 is missing.
func runPython(t *testing.T, script string, lines []string) []string {
	t.Helper()
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, python, "-c", script)
	cmd.Stdin = strings.NewReader(strings.Join(lines, "\n") + "\n")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if strings.Contains(stderr.String(), "ModuleNotFoundError") {
			t.Skipf("python3 lacks a module: %s", stderr.String())
		}
		t.Fatalf("python3 failed: %v\n%s", err, stderr.String())
	}
	got := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(got) != len(lines) {
		t.Fatalf("python3 printed %d lines, want %d", len(got), len(lines))
	}
	return got
}

// fractionOracle evaluates each line with fractions.Fraction and prints
// the exact fraction and the text calc must show, or ZeroDivisionError.
const fractionOracle = `
import sys
from decimal import Decimal, localcontext, ROUND_HALF_EVEN
from fractions import Fraction
sys.set_int_max_str_digits(0)

def shown(r):
    d = r.denominator
    for p in (2, 5):
        while d % p == 0:
            d //= p
    with localcontext() as c:
        if d == 1:
            c.prec = 100000
            return format(Decimal(r.numerator) / Decimal(r.denominator), 'f')
        if abs(r) >= 10**29:
            return str(round(r))
        c.prec = 30
        c.rounding = ROUND_HALF_EVEN
        return format(Decimal(r.numerator) / Decimal(r.denominator), 'f')

for line in sys.stdin:
    try:
        r = eval(line, {"Fraction": Fraction})
        print("%d/%d %s" % (r.numerator, r.denominator, shown(r)))
    except ZeroDivisionError:
        print("ZeroDivisionError")
`

func TestEvaluateMatchesPythonFractions(t *testing.T) {
	const count = 3000
	g := &exprGenerator{
		random: rand.New(rand.NewPCG(2024, 12)),
		number: func(literal string) string { return "Fraction('" + literal + "')" },
	}
	pairs := make([]exprPair, count)
	lines := make([]string, count)
	for i := range pairs {
		pairs[i] = g.expr(4)
		lines[i] = pairs[i].python
	}
	want := runPython(t, fractionOracle, lines)
	for i, pair := range pairs {
		got := calcOutcome(t, pair.calc)
		if got != want[i] {
			t.Errorf("%s\ngot  %s\nwant %s\npython: %s", pair.calc, got, want[i], pair.python)
		}
	}
}

// calcOutcome evaluates expr and formats the outcome as fractionOracle
// prints it.
func calcOutcome(t *testing.T, expr string) string {
	t.Helper()
	result, err := Evaluate(context.Background(), expr, Options{})
	var calcErr *Error
	switch {
	case errors.As(err, &calcErr) && calcErr.Code == CodeDivisionByZero:
		return "ZeroDivisionError"
	case err != nil:
		return "error: " + err.Error()
	}
	return fmt.Sprintf("%s/%s %s", result.Rat.Num(), result.Rat.Denom(), result.Value)
}
