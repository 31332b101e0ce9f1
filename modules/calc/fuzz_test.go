package calc

import (
	"context"
	"errors"
	"math/big"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// fuzzLimits keeps fuzzed evaluations small, so that no single math/big
// operation outlasts the deadline by much.
var fuzzLimits = limits{maxDigits: 2000, maxDenominatorDigits: 500, maxApproximateDigits: 500}

func FuzzParse(f *testing.F) {
	f.Add("1,5+1")
	f.Fuzz(func(t *testing.T, expr string) {
		err := Validate(expr)
		IsHeavy(expr)
		if err == nil {
			return
		}
		var calcErr *Error
		if !errors.As(err, &calcErr) {
			t.Fatalf("Validate(%q) error %T, want *Error", expr, err)
		}
		if calcErr.Code != CodeInvalidExpression {
			t.Errorf("code: got %q, want %q", calcErr.Code, CodeInvalidExpression)
		}
		if calcErr.Position < 0 || calcErr.Position > utf8.RuneCountInString(expr)+1 {
			t.Errorf("position %d outside 0..%d", calcErr.Position, utf8.RuneCountInString(expr)+1)
		}
	})
}

func FuzzEvaluate(f *testing.F) {
	f.Add("1/3", uint8(0))
	f.Fuzz(func(t *testing.T, expr string, precision uint8) {
		ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
		defer cancel()
		result, err := evaluate(ctx, expr, Options{Precision: int(precision)}, fuzzLimits)
		var calcErr *Error
		invalid := errors.As(err, &calcErr) && calcErr.Code == CodeInvalidExpression
		if valid := Validate(expr) == nil; valid == invalid {
			t.Fatalf("Validate and evaluate disagree on %q: %v", expr, err)
		}
		if err != nil {
			if calcErr == nil {
				t.Fatalf("evaluate(%q) error %T %v, want *Error", expr, err, err)
			}
			return
		}
		checkFuzzResult(t, expr, result)
	})
}

// checkFuzzResult checks the invariants of a successful evaluation.
func checkFuzzResult(t *testing.T, expr string, result Result) {
	t.Helper()
	if result.Value == "" {
		t.Fatalf("evaluate(%q): empty Value", expr)
	}
	if strings.ContainsAny(result.Value, "eE") {
		t.Errorf("evaluate(%q): Value %q uses exponent notation", expr, result.Value)
	}
	if result.Rat == nil || result.Approximate {
		return
	}
	shown, ok := new(big.Rat).SetString(result.Value)
	if !ok || shown.Cmp(result.Rat) != 0 {
		t.Errorf("evaluate(%q): exact Value %q differs from Rat %s", expr, result.Value, result.Rat)
	}
	if result.Exact != result.Value {
		t.Errorf("evaluate(%q): Exact %q differs from exact Value %q", expr, result.Exact, result.Value)
	}
}
