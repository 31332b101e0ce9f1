package bigmath

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"testing"
)

// parseRat returns the rational with text s such as "9/4".
func parseRat(t *testing.T, s string) *big.Rat {
	t.Helper()
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		t.Fatalf("parse %q: not a rational", s)
	}

	return r
}

func TestSqrtDigitsKnownValues(t *testing.T) {
	tests := []struct {
		x      string
		digits int
		want   string
	}{
		{x: "0", digits: 0, want: "0"},
		{x: "0", digits: 3, want: "0.000"},
		{x: "1", digits: 2, want: "1.00"},
		{x: "2", digits: 0, want: "1"},
		{x: "2", digits: 20, want: "1.41421356237309504880"},
		{x: "99", digits: 0, want: "9"},
		{x: "1/4", digits: 3, want: "0.500"},
		{x: "2/9", digits: 10, want: "0.4714045207"},
		{x: "1/1000000000000000000000000000000", digits: 10, want: "0.0000000000"},
		{x: "1/1000000000000000000000000000000", digits: 16, want: "0.0000000000000010"},
		{x: "10000000000000000000000000000000001", digits: 5,
			want: "100000000000000000.00000"},
	}

	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s/%d", tt.x, tt.digits), func(t *testing.T) {
			got, err := SqrtDigits(context.Background(), parseRat(t, tt.x), tt.digits)
			if err != nil {
				t.Fatalf("got error %v, want nil", err)
			}

			if got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

func TestSqrtDigitsMatchesBc(t *testing.T) {
	tests := []struct {
		x  string
		bc string
	}{
		{x: "2", bc: "2"},
		{x: "10005", bc: "10005"},
		{x: "22/7", bc: "22/7"},
	}

	for _, tt := range tests {
		t.Run(tt.x, func(t *testing.T) {
			// bc truncates to scale digits but may be off in the last ones.
			want := bcDigits(t, fmt.Sprintf("scale=1010; sqrt(%s)", tt.bc))
			got, err := SqrtDigits(context.Background(), parseRat(t, tt.x), 1000)
			if err != nil {
				t.Fatalf("got error %v, want nil", err)
			}

			if want = want[:len(got)]; got != want {
				t.Errorf("got %s, want %s", got, want)
			}
		})
	}
}

func TestSqrtDigitsRejectsInvalid(t *testing.T) {
	tests := []struct {
		name   string
		x      string
		digits int
	}{
		{name: "negative x", x: "-1/4", digits: 5},
		{name: "negative digits", x: "2", digits: -1},
	}

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := SqrtDigits(context.Background(), parseRat(t, tt.x), tt.digits)
			if !errors.Is(err, ErrInvalidArgument) {
				t.Errorf("got error %v, want ErrInvalidArgument", err)
			}
		})
	}
}

func TestSqrtRat(t *testing.T) {
	tests := []struct {
		x    string
		want string
		ok   bool
	}{
		{x: "0", want: "0", ok: true},
		{x: "1", want: "1", ok: true},
		{x: "4", want: "2", ok: true},
		{x: "9/4", want: "3/2", ok: true},
		{x: "18/8", want: "3/2", ok: true},
		{x: "1000000000000000000000000000000000000/49", want: "1000000000000000000/7", ok: true},
		{x: "2"},
		{x: "1/3"},
		{x: "8/9"},
		{x: "-4"},
	}

	for _, tt := range tests {
		t.Run(tt.x, func(t *testing.T) {
			got, ok := SqrtRat(parseRat(t, tt.x))
			if ok != tt.ok {
				t.Fatalf("got ok %v, want %v", ok, tt.ok)
			}

			if ok && got.RatString() != tt.want {
				t.Errorf("got %s, want %s", got.RatString(), tt.want)
			}

			if !ok && got != nil {
				t.Errorf("got %s, want nil", got.RatString())
			}
		})
	}
}
