package calc

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestEvaluateTooLargeIsQuick(t *testing.T) {
	inputs := []string{
		"10^10^10",
		"10000000000!",
		"factorial(10000000000)",
		"99999999999999999999!",
		"fib(10^12)",
		"binomial(10^12, 5*10^11)",
		"2^3321929",
		"(1/3)^1000000",
		"(2/3)^2000000+1",
		"1e100000^11",
		"(1e100000 * 1e100000)^5",
		"pi^10000000",
		"sqrt(2)*10^200000",
		"sqrt(10^300001)",
		"round(1/3, 100001)",
		"10^999999/(10^999999+1)",
		"gcd(10^900000+1, 10^800000+7)",
		"isprime(10^3000+1)",
		"factor(10^3000+1)",
		"1/2^4000000",
	}
	for _, input := range inputs {
		t.Run(input, func(t *testing.T) {
			start := time.Now()
			_, err := Evaluate(context.Background(), input, Options{})
			var calcErr *Error
			if !errors.As(err, &calcErr) || calcErr.Code != CodeResultTooLarge {
				t.Errorf("got %v, want a %s error", err, CodeResultTooLarge)
			}
			if elapsed := time.Since(start); elapsed > 500*time.Millisecond {
				t.Errorf("took %v, want under 500ms", elapsed)
			}
		})
	}
}

func TestEvaluateLongInputIsQuick(t *testing.T) {
	inputs := []string{
		strings.Repeat("(", 100000),
		strings.Repeat("-", 1000) + "1",
		strings.Repeat("1+", 600) + "1",
	}
	for _, input := range inputs {
		start := time.Now()
		_, err := Evaluate(context.Background(), input, Options{})
		var calcErr *Error
		if !errors.As(err, &calcErr) || calcErr.Code != CodeInvalidExpression {
			t.Errorf("%d characters: got %v, want a %s error", len(input), err, CodeInvalidExpression)
		}
		if elapsed := time.Since(start); elapsed > 100*time.Millisecond {
			t.Errorf("%d characters: took %v, want under 100ms", len(input), elapsed)
		}
	}
}

func TestEvaluateTimeout(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := Evaluate(ctx, "factor((2^127-1)*(2^107-1))", Options{})
	var calcErr *Error
	if !errors.As(err, &calcErr) || calcErr.Code != CodeTimeout {
		t.Fatalf("got %v, want a %s error", err, CodeTimeout)
	}
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("errors.Is(err, context.DeadlineExceeded) = false, want true")
	}
	if elapsed := time.Since(start); elapsed > 2*time.Second {
		t.Errorf("took %v after a 20ms deadline, want under 2s", elapsed)
	}
}

func TestEvaluateExpiredDeadline(t *testing.T) {
	ctx, cancel := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancel()
	_, err := Evaluate(ctx, "1+1", Options{})
	var calcErr *Error
	if !errors.As(err, &calcErr) || calcErr.Code != CodeTimeout {
		t.Errorf("got %v, want a %s error", err, CodeTimeout)
	}
}

func TestEvaluateCancelled(t *testing.T) {
	tests := []struct {
		name string
		expr string
		wait time.Duration
	}{
		{name: "before start", expr: "1+1"},
		{name: "during factor", expr: "factor((2^127-1)*(2^107-1))", wait: 20 * time.Millisecond},
		{name: "during pi", expr: "pi(100000)*pi(99999)", wait: 5 * time.Millisecond},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			if tt.wait == 0 {
				cancel()
			} else {
				timer := time.AfterFunc(tt.wait, cancel)
				defer timer.Stop()
			}
			_, err := Evaluate(ctx, tt.expr, Options{})
			cancel()
			if err != context.Canceled {
				t.Errorf("got %v, want context.Canceled unchanged", err)
			}
		})
	}
}

func TestLimitsRejectLongFractions(t *testing.T) {
	lim := limits{maxDigits: 100, maxDenominatorDigits: 20, maxApproximateDigits: 20}
	tests := []struct {
		expr string
		code string
	}{
		{expr: "10^101", code: CodeResultTooLarge},
		{expr: "10^99", code: ""},
		{expr: "1/3^42", code: CodeResultTooLarge},
		{expr: "1/3^41", code: ""},
		{expr: "(10^60+1)/(10^60+3)", code: CodeResultTooLarge},
		{expr: "10^60/10^60", code: ""},
		{expr: "gcd(10^60+1, 10^50+7)", code: CodeResultTooLarge},
		{expr: "gcd(10^60, 10^30)", code: ""},
		{expr: "factorial(69)", code: ""},
		{expr: "factorial(70)", code: CodeResultTooLarge},
		{expr: "pi*10^21", code: CodeResultTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			_, err := evaluate(context.Background(), tt.expr, Options{}, lim)
			var calcErr *Error
			switch {
			case tt.code == "" && err != nil:
				t.Errorf("got %v, want no error", err)
			case tt.code != "" && (!errors.As(err, &calcErr) || calcErr.Code != tt.code):
				t.Errorf("got %v, want a %s error", err, tt.code)
			}
		})
	}
}
