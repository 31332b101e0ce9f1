package calc

import (
	"math/big"
	"strconv"
	"unicode/utf8"
)

// describeMaxLength is the maximum length of a number quoted in a message.
const describeMaxLength = 40

// describeRat returns a short text for r in an error message: a decimal
// when it terminates within a few digits, otherwise a fraction, cut to
// describeMaxLength characters.
func describeRat(r *big.Rat) string {
	if r.IsInt() {
		return describeInt(r.Num())
	}
	if r.Num().BitLen()+r.Denom().BitLen() > 8*describeMaxLength {
		return "a fraction of about " +
			strconv.Itoa(bitsToDigits(r.Num().BitLen())) + " digits"
	}
	if places, ok := decimalPlaces(r.Denom()); ok && places <= describeMaxLength {
		return shorten(r.FloatString(places))
	}
	return shorten(r.RatString())
}

// describeInt returns a short text for n in an error message.
func describeInt(n *big.Int) string {
	if n.BitLen() > 4*describeMaxLength {
		return "a number of about " + strconv.Itoa(bitsToDigits(n.BitLen())) + " digits"
	}
	return shorten(n.String())
}

// shorten cuts s to describeMaxLength characters, marking the cut with "…".
func shorten(s string) string {
	if utf8.RuneCountInString(s) <= describeMaxLength {
		return s
	}
	return string([]rune(s)[:describeMaxLength-1]) + "…"
}
