package calc

import "testing"

func TestIsHeavy(t *testing.T) {
	tests := []struct {
		expr string
		want bool
	}{
		{expr: "1+2", want: false},
		{expr: "sqrt(2)", want: false},
		{expr: "sqrt(2, 1000)", want: false},
		{expr: "sqrt(2, 1001)", want: true},
		{expr: "sqrt(2, 10*100)", want: true},
		{expr: "2^10000", want: false},
		{expr: "2^-10000", want: false},
		{expr: "2^(10000)", want: false},
		{expr: "2^10001", want: true},
		{expr: "2^1e5", want: true},
		{expr: "2^(1+1)", want: true},
		{expr: "10^10^10", want: true},
		{expr: "5!", want: true},
		{expr: "factorial(5)", want: true},
		{expr: "1 + fib(10)", want: true},
		{expr: "binomial(5, 2)", want: true},
		{expr: "factor(12)", want: true},
		{expr: "pi", want: true},
		{expr: "2*e(5)", want: true},
		{expr: "abs(gcd(4, 6))", want: false},
		{expr: "1,5", want: false},
		{expr: "", want: false},
	}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			if got := IsHeavy(tt.expr); got != tt.want {
				t.Errorf("IsHeavy(%q) = %v, want %v", tt.expr, got, tt.want)
			}
		})
	}
}
