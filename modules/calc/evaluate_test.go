package calc

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

// evaluateCase is an expression with its expected Result fields.
type evaluateCase struct {
	expr        string
	value       string
	exact       string
	approximate bool
}

// checkEvaluate runs Evaluate on each case with a 10 s deadline.
func checkEvaluate(t *testing.T, cases []evaluateCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.expr, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			got, err := Evaluate(ctx, tt.expr, Options{})
			if err != nil {
				t.Fatalf("Evaluate(%q) error: %v", tt.expr, err)
			}
			if got.Value != tt.value {
				t.Errorf("Value: got %q, want %q", got.Value, tt.value)
			}
			if got.Exact != tt.exact {
				t.Errorf("Exact: got %q, want %q", got.Exact, tt.exact)
			}
			if got.Approximate != tt.approximate {
				t.Errorf("Approximate: got %v, want %v", got.Approximate, tt.approximate)
			}
			rational := tt.exact != "" && !strings.HasPrefix(tt.expr, "factor(")
			if rational != (got.Rat != nil) {
				t.Errorf("Rat: got %v, want set %v", got.Rat, rational)
			}
		})
	}
}

func TestEvaluateArithmetic(t *testing.T) {
	checkEvaluate(t, []evaluateCase{
		{expr: "0.1+0.2", value: "0.3", exact: "0.3"},
		{expr: "1/3*3", value: "1", exact: "1"},
		{expr: "5 \u2212 3", value: "2", exact: "2"},
		{expr: "\u22125", value: "-5", exact: "-5"},
		{expr: "1.68e\u22128", value: "0.0000000168", exact: "0.0000000168"},
		{expr: "1.68e-8*1e8", value: "1.68", exact: "1.68"},
		{expr: "-0", value: "0", exact: "0"},
		{expr: "-0.0*5", value: "0", exact: "0"},
		{expr: "1/3", value: "0.333333333333333333333333333333", exact: "1/3", approximate: true},
		{expr: "-2^2", value: "-4", exact: "-4"},
		{expr: "(-2)^2", value: "4", exact: "4"},
		{expr: "2^-1", value: "0.5", exact: "0.5"},
		{expr: "2^3^2", value: "512", exact: "512"},
		{expr: "2**10", value: "1024", exact: "1024"},
		{expr: "(2/3)^-2", value: "2.25", exact: "2.25"},
		{expr: "(-2)^-3", value: "-0.125", exact: "-0.125"},
		{expr: "0^0", value: "1", exact: "1"},
		{expr: "1^100000000000000000000", value: "1", exact: "1"},
		{expr: "(-1)^100000000000000000001", value: "-1", exact: "-1"},
		{expr: "0^100000000000000000000", value: "0", exact: "0"},
		{expr: "4^(1/2)", value: "2", exact: "2"},
		{expr: "(9/4)^(3/2)", value: "3.375", exact: "3.375"},
		{expr: "4^0.5", value: "2", exact: "2"},
		{expr: "6 \u00d7 7 \u00f7 4", value: "10.5", exact: "10.5"},
		{expr: "7 % 3", value: "1", exact: "1"},
		{expr: "-7 % 3", value: "2", exact: "2"},
		{expr: "7 % -3", value: "-2", exact: "-2"},
		{expr: "5.5 % 2", value: "1.5", exact: "1.5"},
		{expr: "1e-30", value: "0.000000000000000000000000000001", exact: "0.000000000000000000000000000001"},
		{expr: "1e30", value: "1" + strings.Repeat("0", 30), exact: "1" + strings.Repeat("0", 30)},
		{expr: "3!", value: "6", exact: "6"},
		{expr: "-3!", value: "-6", exact: "-6"},
		{expr: "3!!", value: "720", exact: "720"},
		{expr: "2^3!", value: "64", exact: "64"},
		{expr: "0!", value: "1", exact: "1"},
		{expr: ".5+5.", value: "5.5", exact: "5.5"},
		{expr: "((((((1+2))))))", value: "3", exact: "3"},
		{expr: "10^40/3", value: "3333333333333333333333333333333333333333",
			exact: "1" + strings.Repeat("0", 40) + "/3", approximate: true},
	})
}

func TestEvaluateFunctions(t *testing.T) {
	checkEvaluate(t, []evaluateCase{
		{expr: "abs(-2.5)", value: "2.5", exact: "2.5"},
		{expr: "floor(-2.5)", value: "-3", exact: "-3"},
		{expr: "floor(7/2)", value: "3", exact: "3"},
		{expr: "ceil(-2.5)", value: "-2", exact: "-2"},
		{expr: "ceil(7/2)", value: "4", exact: "4"},
		{expr: "ceil(4)", value: "4", exact: "4"},
		{expr: "round(2.5)", value: "3", exact: "3"},
		{expr: "round(-2.5)", value: "-3", exact: "-3"},
		{expr: "round(2.4)", value: "2", exact: "2"},
		{expr: "round(1/3, 4)", value: "0.3333", exact: "0.3333"},
		{expr: "round(2/3, 2)", value: "0.67", exact: "0.67"},
		{expr: "round(0.125, 2)", value: "0.13", exact: "0.13"},
		{expr: "round(1250, -2)", value: "1300", exact: "1300"},
		{expr: "gcd(12, 18)", value: "6", exact: "6"},
		{expr: "gcd(-12, 18)", value: "6", exact: "6"},
		{expr: "gcd(0, 0)", value: "0", exact: "0"},
		{expr: "lcm(4, 6)", value: "12", exact: "12"},
		{expr: "lcm(-4, 6)", value: "12", exact: "12"},
		{expr: "lcm(0, 6)", value: "0", exact: "0"},
		{expr: "mod(-7, 3)", value: "2", exact: "2"},
		{expr: "factorial(20)", value: "2432902008176640000", exact: "2432902008176640000"},
		{expr: "5!", value: "120", exact: "120"},
		{expr: "binomial(50, 25)", value: "126410606437752", exact: "126410606437752"},
		{expr: "binomial(5, 7)", value: "0", exact: "0"},
		{expr: "fib(0)", value: "0", exact: "0"},
		{expr: "fib(100)", value: "354224848179261915075", exact: "354224848179261915075"},
		{expr: "isprime(97)", value: "1", exact: "1"},
		{expr: "isprime(91)", value: "0", exact: "0"},
		{expr: "isprime(1)", value: "0", exact: "0"},
		{expr: "isprime(-7)", value: "0", exact: "0"},
		{expr: "isprime(2^127-1)", value: "1", exact: "1"},
		{expr: "factor(120)", value: "2^3 \u00d7 3 \u00d7 5", exact: "2^3 \u00d7 3 \u00d7 5"},
		{expr: "factor(-7)", value: "-1 \u00d7 7", exact: "-1 \u00d7 7"},
		{expr: "factor(97)", value: "97", exact: "97"},
		{expr: "factor(1)", value: "1", exact: "1"},
		{expr: "factor(-1)", value: "-1", exact: "-1"},
		{expr: "factor(2^64+1)", value: "274177 \u00d7 67280421310721", exact: "274177 \u00d7 67280421310721"},
		{expr: "sqrt(16/9)", value: "1.33333333333333333333333333333",
			exact: "4/3", approximate: true},
		{expr: "sqrt(0)", value: "0", exact: "0"},
		{expr: "sqrt(6.25)", value: "2.5", exact: "2.5"},
	})
}

func TestEvaluateFactorRoundTrips(t *testing.T) {
	for _, n := range []string{"360", "-1001", "1024", "999999000001"} {
		factored, err := Evaluate(context.Background(), "factor("+n+")", Options{})
		if err != nil {
			t.Fatalf("factor(%s) error: %v", n, err)
		}
		back, err := Evaluate(context.Background(), factored.Value, Options{})
		if err != nil {
			t.Fatalf("evaluating %q error: %v", factored.Value, err)
		}
		if back.Value != n {
			t.Errorf("factor(%s) = %q evaluates to %s, want %s", n, factored.Value, back.Value, n)
		}
	}
}

// evaluateError is an expression with the error it must return.
type evaluateError struct {
	expr     string
	code     string
	position int
	contains string
}

// checkEvaluateErrors runs Evaluate on each case and checks the *Error.
func checkEvaluateErrors(t *testing.T, cases []evaluateError) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.expr, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			got, err := Evaluate(ctx, tt.expr, Options{})
			var calcErr *Error
			if !errors.As(err, &calcErr) {
				t.Fatalf("Evaluate(%q) = %+v, %v; want *Error", tt.expr, got, err)
			}
			if calcErr.Code != tt.code {
				t.Errorf("code: got %q, want %q (%s)", calcErr.Code, tt.code, calcErr.Message)
			}
			if calcErr.Position != tt.position {
				t.Errorf("position: got %d, want %d", calcErr.Position, tt.position)
			}
			if !strings.Contains(calcErr.Message, tt.contains) {
				t.Errorf("message: got %q, want it to contain %q", calcErr.Message, tt.contains)
			}
		})
	}
}

func TestEvaluateErrors(t *testing.T) {
	checkEvaluateErrors(t, []evaluateError{
		{expr: "1/0", code: CodeDivisionByZero, position: 2, contains: "cannot divide by zero"},
		{expr: "0/0", code: CodeDivisionByZero, position: 2, contains: "cannot divide by zero"},
		{expr: "5 % 0", code: CodeDivisionByZero, position: 3, contains: "remainder of a division by zero"},
		{expr: "mod(5, 0)", code: CodeDivisionByZero, position: 1, contains: "remainder of a division by zero"},
		{expr: "0^-1", code: CodeDivisionByZero, position: 2, contains: "zero to a negative power"},
		{expr: "1/(2-2)", code: CodeDivisionByZero, position: 2, contains: "cannot divide by zero"},
		{expr: "pi/0", code: CodeDivisionByZero, position: 3, contains: "cannot divide by zero"},
		{expr: "1,5+1", code: CodeInvalidExpression, position: 2, contains: "use 1.5"},
		{expr: "factorial(1.5)", code: CodeDomain, position: 1, contains: "factorial requires a whole number, got 1.5"},
		{expr: "1.5!", code: CodeDomain, position: 4, contains: "factorial requires a whole number, got 1.5"},
		{expr: "(-3)!", code: CodeDomain, position: 5, contains: "factorial is not defined for negative numbers, got -3"},
		{expr: "fib(2.5)", code: CodeDomain, position: 1, contains: "fib requires a whole number"},
		{expr: "fib(-1)", code: CodeDomain, position: 1, contains: "fib is not defined for negative numbers"},
		{expr: "gcd(1.5, 3)", code: CodeDomain, position: 1, contains: "gcd requires a whole number"},
		{expr: "lcm(pi, 3)", code: CodeDomain, position: 1, contains: "lcm requires a whole number, but its argument is approximate"},
		{expr: "isprime(7.5)", code: CodeDomain, position: 1, contains: "isprime requires a whole number"},
		{expr: "factor(0.5)", code: CodeDomain, position: 1, contains: "factor requires a whole number"},
		{expr: "factor(0)", code: CodeDomain, position: 1, contains: "factor is not defined for 0"},
		{expr: "binomial(-1, 2)", code: CodeDomain, position: 1, contains: "binomial is not defined for negative numbers"},
		{expr: "sqrt(-4)", code: CodeDomain, position: 1, contains: "sqrt is not defined for negative numbers, got -4"},
		{expr: "sqrt(-pi)", code: CodeDomain, position: 1, contains: "sqrt is not defined for negative numbers"},
		{expr: "(-8)^(1/2)", code: CodeDomain, position: 5, contains: "negative number to a fractional power"},
		{expr: "2^(1/3)", code: CodeDomain, position: 2, contains: "the exponent 1/3 is not supported with exact digits"},
		{expr: "2^pi", code: CodeDomain, position: 2, contains: "approximate exponents"},
		{expr: "pi % 2", code: CodeDomain, position: 4, contains: "remainder % is only supported for exact values"},
		{expr: "factor(12)+1", code: CodeDomain, position: 11, contains: "factor returns a factorization"},
		{expr: "sqrt(2, 1.5)", code: CodeDomain, position: 1, contains: "sqrt digits requires a whole number"},
		{expr: "sqrt(2, -1)", code: CodeDomain, position: 1, contains: "the digits argument of sqrt must be at least 0"},
		{expr: "pi(100001)", code: CodeResultTooLarge, position: 1, contains: "must be at most 100000"},
		{expr: "round(1, 100001)", code: CodeResultTooLarge, position: 1, contains: "must be at most 100000"},
		{expr: "1/(sqrt(2)-sqrt(2))", code: CodeDivisionByZero, position: 2, contains: "cannot divide by zero"},
		{expr: "pi/pi", code: CodeDomain, contains: "cannot be determined with certainty"},
		{expr: "(sqrt(2)+sqrt(3))*(sqrt(3)-sqrt(2))", code: CodeDomain, contains: "cannot be determined with certainty"},
		{expr: "1/(pi-pi)", code: CodeDomain, position: 2, contains: "cannot be distinguished from zero"},
		{expr: "floor(pi/pi)", code: CodeDomain, position: 1, contains: "may be exactly an integer"},
		{expr: "round(pi/pi/2)", code: CodeDomain, position: 1, contains: "halfway"},
	})
}
