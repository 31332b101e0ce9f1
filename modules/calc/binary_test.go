package calc

import (
	"context"
	"errors"
	"math/big"
	"strings"
	"testing"
)

// rat parses a decimal or fraction for tests.
func rat(t *testing.T, s string) *big.Rat {
	t.Helper()
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		t.Fatalf("invalid test number %q", s)
	}
	return r
}

func TestBinary(t *testing.T) {
	tests := []struct {
		name        string
		op          Operation
		a, b        string
		value       string
		exact       string
		approximate bool
	}{
		{name: "add", op: OperationAdd, a: "5", b: "10", value: "15", exact: "15"},
		{name: "subtract", op: OperationSubtract, a: "5", b: "10", value: "-5", exact: "-5"},
		{name: "multiply", op: OperationMultiply, a: "5", b: "10", value: "50", exact: "50"},
		{name: "divide", op: OperationDivide, a: "5", b: "10", value: "0.5", exact: "0.5"},
		{name: "tenths", op: OperationAdd, a: "0.1", b: "0.2", value: "0.3", exact: "0.3"},
		{name: "one third", op: OperationDivide, a: "1", b: "3",
			value: "0.333333333333333333333333333333", exact: "1/3", approximate: true},
		{name: "two thirds rounds up", op: OperationDivide, a: "2", b: "3",
			value: "0.666666666666666666666666666667", exact: "2/3", approximate: true},
		{name: "negative third", op: OperationDivide, a: "-1", b: "3",
			value: "-0.333333333333333333333333333333", exact: "-1/3", approximate: true},
		{name: "zero difference", op: OperationSubtract, a: "-0", b: "0", value: "0", exact: "0"},
		{name: "small product", op: OperationMultiply, a: "1e-15", b: "1e-15",
			value: "0.000000000000000000000000000001", exact: "0.000000000000000000000000000001"},
		{name: "large product", op: OperationMultiply, a: "1e20", b: "1e20",
			value: "1" + strings.Repeat("0", 40), exact: "1" + strings.Repeat("0", 40)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Binary(context.Background(), tt.op, rat(t, tt.a), rat(t, tt.b))
			if err != nil {
				t.Fatalf("Binary error: %v", err)
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
			if got.Rat == nil {
				t.Errorf("Rat: got nil, want the exact value")
			}
		})
	}
}

func TestBinaryDivideByZero(t *testing.T) {
	_, err := Binary(context.Background(), OperationDivide, big.NewRat(1, 1), new(big.Rat))
	var calcErr *Error
	if !errors.As(err, &calcErr) {
		t.Fatalf("got %v, want *Error", err)
	}
	if calcErr.Code != CodeDivisionByZero {
		t.Errorf("code: got %q, want %q", calcErr.Code, CodeDivisionByZero)
	}
	if calcErr.Message != "cannot divide by zero" {
		t.Errorf("message: got %q, want %q", calcErr.Message, "cannot divide by zero")
	}
}

func TestBinaryUnknownOperation(t *testing.T) {
	_, err := Binary(context.Background(), OperationExpression, big.NewRat(1, 1), big.NewRat(1, 1))
	var calcErr *Error
	if err == nil || errors.As(err, &calcErr) {
		t.Errorf("got %v, want a plain error", err)
	}
}

func TestBinaryCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Binary(ctx, OperationAdd, big.NewRat(1, 1), big.NewRat(1, 1))
	if err != context.Canceled {
		t.Errorf("got %v, want context.Canceled", err)
	}
}

func TestBinaryOperations(t *testing.T) {
	want := []Operation{"add", "subtract", "multiply", "divide"}
	got := BinaryOperations()
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("operation %d: got %q, want %q", i, got[i], want[i])
		}
	}
}

func TestBinaryExtremeInputs(t *testing.T) {
	// Numbers of the maximum length with the minimum and maximum exponent.
	mantissa := "1." + strings.Repeat("7", MaxNumberLength-10)
	tiny, err := ParseNumber("a", mantissa+"e-100000")
	if err != nil {
		t.Fatal(err)
	}
	huge, err := ParseNumber("b", mantissa+"e100000")
	if err != nil {
		t.Fatal(err)
	}
	for _, op := range BinaryOperations() {
		for _, pair := range [][2]*big.Rat{{tiny, tiny}, {tiny, huge}, {huge, tiny}, {huge, huge}} {
			result, err := Binary(context.Background(), op, pair[0], pair[1])
			if err != nil {
				t.Errorf("%s: got %v, want no error", op, err)
				continue
			}
			if result.Value == "" {
				t.Errorf("%s: got an empty Value", op)
			}
		}
	}
}
