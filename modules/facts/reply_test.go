package facts

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestCheckReply(t *testing.T) {
	tests := []struct {
		name   string
		value  string
		reply  string
		reason string // empty when the reply is accepted
		number string
	}{
		{name: "accepted sentence", value: "3821", reply: "3821 is a prime number with digit sum 14."},
		{name: "wrong number", value: "3821", reply: "3822 is prime.", reason: ReasonUnknownNumber, number: "3822"},
		{name: "html", value: "3821", reply: "<b>3821</b> is prime.", reason: ReasonMarkup},
		{name: "bidi override", value: "5001", reply: "The result is \u202e5001\u202c.", reason: ReasonInvisible},
		{name: "zero-width space", value: "5002", reply: "Its digit sum is 4\u200b7.", reason: ReasonInvisible},
		{name: "tab", value: "5002", reply: "5002\tis even.", reason: ReasonInvisible},
		{name: "too long", value: "3821", reply: strings.Repeat("a", MaxReplyLength+1), reason: ReasonTooLong},
		{name: "at max length", value: "3821", reply: strings.Repeat("é", MaxReplyLength)},
		{name: "empty", value: "3821", reply: " \t ", reason: ReasonEmpty},
		{name: "two lines", value: "3821", reply: "3821 is prime.\nIt is odd.", reason: ReasonMultiline},
		{name: "surrounding space", value: "3821", reply: "  3821 is prime.\n"},
		{name: "thousands separators", value: "1000000", reply: "1,000,000 is the perfect power 10^6."},
		{name: "wrong grouped number", value: "1000000", reply: "1,000,001 is odd.", reason: ReasonUnknownNumber,
			number: "1,000,001"},
		{name: "comma list", value: "1001", reply: "1001 = 7 × 11 × 13, so 7,11,13 divide it."},
		{name: "negative value", value: "-7", reply: "-7 is negative and 7 is prime."},
		{name: "unicode minus", value: "-7", reply: "\u22127 is negative."},
		{name: "negative of positive value", value: "7", reply: "-7 is not it.", reason: ReasonUnknownNumber,
			number: "-7"},
		{name: "operator minus", value: mersenne(61).String(), reply: "It is the Mersenne prime 2^61-1."},
		{name: "ordinal", value: "144", reply: "144 is the 12th Fibonacci number."},
		{name: "number words ignored", value: "144", reply: "144 is twelve squared."},
		{name: "decimal forms", value: "0.5", reply: "0.50 equals .5, which is 1/2."},
		{name: "exponent notation", value: pow(10, 30).String(), reply: "It equals 1e30 and 1.0E+30."},
		{name: "superscript digit", value: "144", reply: "144 is 12².", reason: ReasonUnknownNumber, number: "²"},
		{name: "huge exponent", value: "144", reply: "144 is below 1e9999999.", reason: ReasonUnknownNumber,
			number: "1e9999999"},
		{name: "repeating decimal", value: "1/7", reply: "1/7 is 0.142857142857… with period 6."},
		{name: "wrong period", value: "1/7", reply: "1/7 has period 5.", reason: ReasonUnknownNumber, number: "5"},
	}

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := computeWithin(testBudget, mustRat(t, tt.value))

			err := CheckReply(f, tt.reply)

			if tt.reason == "" {
				if err != nil {
					t.Fatalf("CheckReply(%q) = %v, want nil", tt.reply, err)
				}

				return
			}

			var rejection *Rejection
			if !errors.As(err, &rejection) {
				t.Fatalf("CheckReply(%q) = %v, want a *Rejection", tt.reply, err)
			}

			if rejection.Reason != tt.reason || rejection.Number != tt.number {
				t.Errorf("Rejection = %s %q, want %s %q", rejection.Reason, rejection.Number, tt.reason, tt.number)
			}
		})
	}
}

func TestRejectionError(t *testing.T) {
	tests := []struct {
		rejection Rejection
		want      string
	}{
		{Rejection{Reason: ReasonMarkup}, "reply rejected: markup"},
		{Rejection{Reason: ReasonUnknownNumber, Number: "3,822"}, `reply rejected: unknown_number "3,822"`},
	}

	for _, tt := range tests {
		if got := tt.rejection.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
}

func TestScanNumbers(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"5 is the 5th.", []string{"5", "5"}},
		{"1,000,000 and 1,00 and 1234,567", []string{"1000000", "1", "0", "1234", "567"}},
		{"-7, (-7), x-7, 2^61-1, 3 - 1", []string{"-7", "-7", "7", "2", "61", "1", "3", "1"}},
		{"0.500 .25 7. 1.5e3 2E-2 3e", []string{"0.5", "0.25", "7", "1500", "0.02", "3"}},
		{"007 and 0.0", []string{"7", "0"}},
		{"no digits here", nil},
	}

	for _, tt := range tests {
		var got []string
		for _, token := range scanNumbers(tt.text) {
			got = append(got, token.canonical)
		}

		if !slices.Equal(got, tt.want) {
			t.Errorf("scanNumbers(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
