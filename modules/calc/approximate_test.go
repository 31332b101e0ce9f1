package calc

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// Reference digits, truncated, from mpmath 1.3.0 at 130 digits.
const (
	sqrt2Digits = "1.4142135623730950488016887242096980785696718753769480731766797379907324784621070388503875343276415727"
	piDigits    = "3.1415926535897932384626433832795028841971693993751058209749445923078164062862089986280348253421170679"
	eDigits     = "2.7182818284590452353602874713526624977572470936999595749669676277240766303535475945713821785251664274"
)

// truncate returns the reference digits cut to places digits after the point.
func truncate(digits string, places int) string {
	point := strings.IndexByte(digits, '.')
	if places == 0 {
		return digits[:point]
	}
	return digits[:point+1+places]
}

func TestEvaluateApproximate(t *testing.T) {
	checkEvaluate(t, []evaluateCase{
		{expr: "sqrt(2)", value: truncate(sqrt2Digits, 30), approximate: true},
		{expr: "sqrt(2, 100)", value: sqrt2Digits, approximate: true},
		{expr: "sqrt(2, 0)", value: "1", approximate: true},
		{expr: "2^(1/2)", value: truncate(sqrt2Digits, 30), approximate: true},
		{expr: "2^0.5", value: truncate(sqrt2Digits, 30), approximate: true},
		{expr: "-sqrt(2)", value: "-" + truncate(sqrt2Digits, 30), approximate: true},
		{expr: "pi", value: truncate(piDigits, 30), approximate: true},
		{expr: "pi()", value: truncate(piDigits, 30), approximate: true},
		{expr: "pi(100)", value: piDigits, approximate: true},
		{expr: "pi(0)", value: "3", approximate: true},
		{expr: "e", value: truncate(eDigits, 30), approximate: true},
		{expr: "e(100)", value: eDigits, approximate: true},
		{expr: "sqrt(pi)", value: "1.772453850905516027298167483341", approximate: true},
		{expr: "pi^2", value: "9.869604401089358618834490999876", approximate: true},
		{expr: "1/pi", value: "0.318309886183790671537767526745", approximate: true},
		{expr: "e^2", value: "7.389056098930650227230427460575", approximate: true},
		{expr: "pi*e", value: "8.539734222673567065463550869546", approximate: true},
		{expr: "pi-e", value: "0.423310825130748003102355911926", approximate: true},
		{expr: "sqrt(2)^-3", value: "0.353553390593273762200422181052", approximate: true},
		{expr: "1/sqrt(7)", value: "0.377964473009227227214516536234", approximate: true},
		{expr: "(sqrt(3)+sqrt(2))*3", value: "9.438793109825917026987405197146", approximate: true},
		{expr: "abs(-pi)", value: truncate(piDigits, 30), approximate: true},
		{expr: "pi(5) + sqrt(2)", value: "4.55580", approximate: true},
		{expr: "pi-pi", value: "0.000000000000000000000000000000", approximate: true},
		{expr: "sqrt(2)+sqrt(3)", value: "3.146264369941972342329135065715", approximate: true},
		{expr: "0*pi", value: "0", exact: "0"},
		{expr: "0/pi", value: "0", exact: "0"},
		{expr: "pi^0", value: "1", exact: "1"},
		{expr: "floor(pi)", value: "3", exact: "3"},
		{expr: "ceil(-pi)", value: "-3", exact: "-3"},
		{expr: "round(pi, 4)", value: "3.1416", exact: "3.1416"},
		{expr: "round(-e, 2)", value: "-2.72", exact: "-2.72"},
		{expr: "round(pi*1000, -2)", value: "3100", exact: "3100"},
		{expr: "sqrt(9/4)", value: "1.5", exact: "1.5"},
	})
}

func TestEvaluatePrecisionOption(t *testing.T) {
	tests := []struct {
		expr      string
		precision int
		value     string
	}{
		{expr: "sqrt(2)", precision: 0, value: truncate(sqrt2Digits, DefaultPrecision)},
		{expr: "sqrt(2)", precision: 5, value: "1.41421"},
		{expr: "pi", precision: 100, value: piDigits},
		{expr: "sqrt(2, 3)", precision: 50, value: "1.414"},
		{expr: "1/3", precision: 5, value: "0.333333333333333333333333333333"},
	}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			got, err := Evaluate(context.Background(), tt.expr, Options{Precision: tt.precision})
			if err != nil {
				t.Fatal(err)
			}
			if got.Value != tt.value {
				t.Errorf("precision %d: got %q, want %q", tt.precision, got.Value, tt.value)
			}
		})
	}
}

func TestEvaluateRejectsPrecision(t *testing.T) {
	tests := []struct {
		precision int
		code      string
	}{
		{precision: -1, code: CodeInvalidNumber},
		{precision: MaxPrecision + 1, code: CodeResultTooLarge},
	}
	for _, tt := range tests {
		_, err := Evaluate(context.Background(), "1", Options{Precision: tt.precision})
		var calcErr *Error
		if !errors.As(err, &calcErr) {
			t.Fatalf("precision %d: got %v, want *Error", tt.precision, err)
		}
		if calcErr.Code != tt.code || calcErr.Field != "precision" {
			t.Errorf("precision %d: got code %q field %q, want %q and precision",
				tt.precision, calcErr.Code, calcErr.Field, tt.code)
		}
	}
}

func TestEvaluateReportsProgress(t *testing.T) {
	var calls int
	progress := func(fraction float64, phase string) {
		calls++
		if fraction < 0 || fraction > 1 {
			t.Errorf("fraction %v outside [0, 1] in phase %q", fraction, phase)
		}
	}
	if _, err := Evaluate(context.Background(), "factorial(3000)", Options{Progress: progress}); err != nil {
		t.Fatal(err)
	}
	if calls == 0 {
		t.Error("got no progress calls, want at least one")
	}
}

func TestEvaluateSurds(t *testing.T) {
	checkEvaluate(t, []evaluateCase{
		{expr: "sqrt(2)*sqrt(2)", value: "2", exact: "2"},
		{expr: "sqrt(2)^2", value: "2", exact: "2"},
		{expr: "(2^(1/2))^4", value: "4", exact: "4"},
		{expr: "sqrt(2)^-2", value: "0.5", exact: "0.5"},
		{expr: "sqrt(2)-sqrt(2)", value: "0", exact: "0"},
		{expr: "sqrt(8)/sqrt(2)", value: "2", exact: "2"},
		{expr: "sqrt(8)-2*sqrt(2)", value: "0", exact: "0"},
		{expr: "sqrt(6)*sqrt(10)/sqrt(15)", value: "2", exact: "2"},
		{expr: "3*sqrt(5)/sqrt(5)", value: "3", exact: "3"},
		{expr: "abs(-sqrt(3))^2", value: "3", exact: "3"},
		{expr: "(-sqrt(3))^3/sqrt(3)", value: "-3", exact: "-3"},
		{expr: "floor(sqrt(2)^2)", value: "2", exact: "2"},
		{expr: "sqrt(1/2)*sqrt(2)", value: "1", exact: "1"},
		{expr: "sqrt(12)", value: "3.464101615137754587054892683011", approximate: true},
		{expr: "sqrt(2)*sqrt(3)", value: "2.449489742783178098197284074705", approximate: true},
		{expr: "sqrt(2)^3", value: "2.828427124746190097603377448419", approximate: true},
		{expr: "1/sqrt(2)", value: "0.707106781186547524400844362104", approximate: true},
		{expr: "sqrt(1/2)", value: "0.707106781186547524400844362104", approximate: true},
	})
}
