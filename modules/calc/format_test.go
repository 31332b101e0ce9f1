package calc

import (
	"context"
	"errors"
	"strings"
	"testing"
)

func TestFormatRat(t *testing.T) {
	tests := []struct {
		name        string
		input       string // big.Rat.SetString syntax
		value       string
		exact       string
		approximate bool
	}{
		{name: "integer", input: "-42", value: "-42", exact: "-42"},
		{name: "zero", input: "0", value: "0", exact: "0"},
		{name: "eighth", input: "1/8", value: "0.125", exact: "0.125"},
		{name: "power of five denominator", input: "1/625", value: "0.0016", exact: "0.0016"},
		{name: "tiny decimal in full", input: "1/1000000000000000000000000000000",
			value: "0.000000000000000000000000000001", exact: "0.000000000000000000000000000001"},
		{name: "long terminating decimal is exact", input: "1/1099511627776",
			value: "0.0000000000009094947017729282379150390625",
			exact: "0.0000000000009094947017729282379150390625"},
		{name: "seventh", input: "1/7", value: "0.142857142857142857142857142857",
			exact: "1/7", approximate: true},
		{name: "large repeating keeps integer digits", input: "10000000000000000000000000000000000000000/3",
			value: "3333333333333333333333333333333333333333",
			exact: "10000000000000000000000000000000000000000/3", approximate: true},
		{name: "thirty integer digits", input: "1000000000000000000000000000000/3",
			value: "333333333333333333333333333333",
			exact: "1000000000000000000000000000000/3", approximate: true},
		{name: "small repeating", input: "1/3000000000000000000000000000000000000000",
			value: "0.000000000000000000000000000000000000000333333333333333333333333333333",
			exact: "1/3000000000000000000000000000000000000000", approximate: true},
		{name: "rounding carries into a new digit", input: "999999999999999999999999999999999/1000000000000000000000000000000000001",
			value: "0.00100000000000000000000000000000",
			exact: "999999999999999999999999999999999/1000000000000000000000000000000000001", approximate: true},
		{name: "rounding carries past the point", input: "99999999999999999999999999999999999/10000000000000000000000000000000001",
			value: "10.0000000000000000000000000000",
			exact: "99999999999999999999999999999999999/10000000000000000000000000000000001", approximate: true},
		{name: "negative rounding", input: "-5/3", value: "-1.66666666666666666666666666667",
			exact: "-5/3", approximate: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := formatRat(context.Background(), rat(t, tt.input), defaultLimits())
			if err != nil {
				t.Fatalf("formatRat error: %v", err)
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
			if got.Rat == nil || got.Rat.Cmp(rat(t, tt.input)) != 0 {
				t.Errorf("Rat: got %v, want %s", got.Rat, tt.input)
			}
		})
	}
}

func TestFormatRatSignificantDigits(t *testing.T) {
	got, err := formatRat(context.Background(), rat(t, "22/7"), defaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	digits := strings.NewReplacer(".", "", "-", "").Replace(got.Value)
	if len(digits) != SignificantDigits {
		t.Errorf("digits in %q: got %d, want %d", got.Value, len(digits), SignificantDigits)
	}
}

func TestFormatRatTooLarge(t *testing.T) {
	lim := limits{maxDigits: 50, maxDenominatorDigits: 50, maxApproximateDigits: 50}
	tests := []struct {
		name  string
		input string
	}{
		{name: "long integer", input: "1" + strings.Repeat("0", 60)},
		{name: "long denominator", input: "1/3" + strings.Repeat("0", 60)},
		{name: "long terminating expansion", input: "1/1125899906842624"}, // 2^-50 has 50 decimals
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := formatRat(context.Background(), rat(t, tt.input), lim)
			var calcErr *Error
			if !errors.As(err, &calcErr) || calcErr.Code != CodeResultTooLarge {
				t.Errorf("got %v, want a %s error", err, CodeResultTooLarge)
			}
		})
	}
}

func TestDecimalPlaces(t *testing.T) {
	tests := []struct {
		den        string
		places     int
		terminates bool
	}{
		{den: "1", places: 0, terminates: true},
		{den: "2", places: 1, terminates: true},
		{den: "5", places: 1, terminates: true},
		{den: "16", places: 4, terminates: true},
		{den: "3125", places: 5, terminates: true},
		{den: "400", places: 4, terminates: true},
		{den: "3", terminates: false},
		{den: "15", terminates: false},
		{den: "625000000000000000000000000000000000000001", terminates: false},
	}
	for _, tt := range tests {
		t.Run(tt.den, func(t *testing.T) {
			places, terminates := decimalPlaces(rat(t, tt.den).Num())
			if terminates != tt.terminates {
				t.Fatalf("terminates: got %v, want %v", terminates, tt.terminates)
			}
			if terminates && places != tt.places {
				t.Errorf("places: got %d, want %d", places, tt.places)
			}
		})
	}
}
