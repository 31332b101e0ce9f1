package calc

import (
	"errors"
	"math/big"
	"strings"
	"testing"
)

func TestParseNumberAccepts(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  string // big.Rat.RatString of the expected value
	}{
		{name: "integer", input: "42", want: "42"},
		{name: "negative", input: "-12.5", want: "-25/2"},
		{name: "plus sign", input: "+7", want: "7"},
		{name: "unicode minus", input: "\u22123", want: "-3"},
		{name: "leading point", input: ".5", want: "1/2"},
		{name: "trailing point", input: "5.", want: "5"},
		{name: "exponent", input: "1.5e-3", want: "3/2000"},
		{name: "capital exponent", input: "2E3", want: "2000"},
		{name: "exponent plus", input: "2e+3", want: "2000"},
		{name: "unicode minus exponent", input: "1.68e\u22128", want: "21/1250000000"},
		{name: "negative zero", input: "-0", want: "0"},
		{name: "zero fraction", input: "0.000", want: "0"},
		{name: "leading zeros", input: "007.50", want: "15/2"},
		{name: "surrounding spaces", input: "  3.25\t", want: "13/4"},
		{name: "max exponent", input: "1e100000", want: "1" + strings.Repeat("0", 100000)},
		{name: "min exponent", input: "1e-100000", want: "1/1" + strings.Repeat("0", 100000)},
		{name: "exponent leading zeros", input: "1e0003", want: "1000"},
		{name: "long number", input: strings.Repeat("9", MaxNumberLength), want: strings.Repeat("9", MaxNumberLength)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseNumber("a", tt.input)
			if err != nil {
				t.Fatalf("ParseNumber(%q) error: %v", tt.input, err)
			}
			if got.RatString() != tt.want {
				t.Errorf("ParseNumber(%q) = %s, want %s", tt.input, shorten(got.RatString()), shorten(tt.want))
			}
		})
	}
}

func TestParseNumberRejects(t *testing.T) {
	tests := []struct {
		name     string
		field    string
		input    string
		contains string
	}{
		{name: "empty", field: "a", input: "", contains: "a is empty"},
		{name: "blank", field: "b", input: "   ", contains: "b is empty"},
		{name: "decimal comma", field: "a", input: "1,5", contains: "use 1.5"},
		{name: "thousands comma", field: "a", input: "1,000", contains: "use 1000, or 1.000 if the comma is a decimal point"},
		{name: "several thousands commas", field: "a", input: "1,000,000", contains: "use 1000000"},
		{name: "space inside", field: "a", input: "1 000", contains: "spaces inside a number are not accepted"},
		{name: "markup not called a space", field: "a", input: "<img src=x>", contains: "character 1"},
		{name: "underscore", field: "a", input: "1_000", contains: "digit group separators are not accepted"},
		{name: "apostrophe", field: "a", input: "1'000", contains: "digit group separators are not accepted"},
		{name: "nan", field: "a", input: "NaN", contains: "only finite numbers are accepted"},
		{name: "infinity", field: "a", input: "-Infinity", contains: "only finite numbers are accepted"},
		{name: "inf", field: "a", input: "inf", contains: "only finite numbers are accepted"},
		{name: "hex", field: "a", input: "0x1F", contains: "hexadecimal, binary and octal numbers are not accepted"},
		{name: "letters", field: "a", input: "abc", contains: "like 42, -1.5, .5 or 1.68e-8"},
		{name: "point only", field: "a", input: ".", contains: "expected a digit"},
		{name: "two points", field: "a", input: "1.2.3", contains: "only one decimal point"},
		{name: "double sign", field: "a", input: "--5", contains: "expected a digit"},
		{name: "sign only", field: "a", input: "-", contains: "expected a digit"},
		{name: "exponent without digits", field: "a", input: "1e", contains: "the exponent after 'e' needs digits"},
		{name: "exponent sign without digits", field: "a", input: "1e-", contains: "the exponent after 'e' needs digits"},
		{name: "exponent too large", field: "a", input: "1e100001", contains: "the exponent must be between -100000 and 100000"},
		{name: "exponent huge", field: "a", input: "1e99999999999999999999", contains: "the exponent must be between"},
		{name: "trailing garbage", field: "a", input: "12abc", contains: "unexpected \"a\" at character 3"},
		{name: "expression", field: "a", input: "1+2", contains: "unexpected \"+\" at character 2"},
		{name: "too long", field: "a", input: strings.Repeat("1", MaxNumberLength+1), contains: "longer than 1000 characters"},
		{name: "percent", field: "a", input: "5%", contains: "unexpected \"%\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseNumber(tt.field, tt.input)
			if err == nil {
				t.Fatalf("ParseNumber(%q) = %v, want an error", tt.input, got)
			}
			var calcErr *Error
			if !errors.As(err, &calcErr) {
				t.Fatalf("ParseNumber(%q) error %T, want *Error", tt.input, err)
			}
			if calcErr.Code != CodeInvalidNumber {
				t.Errorf("code: got %q, want %q", calcErr.Code, CodeInvalidNumber)
			}
			if calcErr.Field != tt.field {
				t.Errorf("field: got %q, want %q", calcErr.Field, tt.field)
			}
			if !strings.Contains(calcErr.Message, tt.contains) {
				t.Errorf("message: got %q, want it to contain %q", calcErr.Message, tt.contains)
			}
		})
	}
}

func TestParseNumberMessageNamesValue(t *testing.T) {
	_, err := ParseNumber("b", "1,5")
	want := `b: invalid number "1,5": decimal commas and thousands separators are not accepted, use 1.5`
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}

func TestParseNumberTruncatesLongValue(t *testing.T) {
	input := strings.Repeat("1", 500) + "x"
	_, err := ParseNumber("a", input)
	if err == nil {
		t.Fatal("got nil error, want an error")
	}
	if len(err.Error()) > 300 {
		t.Errorf("message length: got %d, want at most 300: %s", len(err.Error()), err)
	}
	if !strings.Contains(err.Error(), "(501 characters)") {
		t.Errorf("message: got %q, want the length of the cut value", err)
	}
}

func TestParseNumberNegativeZeroIsZero(t *testing.T) {
	got, err := ParseNumber("a", "-0.0")
	if err != nil {
		t.Fatal(err)
	}
	if got.Cmp(new(big.Rat)) != 0 || got.Sign() != 0 {
		t.Errorf("got %v, want 0", got)
	}
}
