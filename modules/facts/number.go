package facts

import (
	"strconv"
	"strings"
)

// maxCanonicalExponent bounds the exponent of a number written with e or E
// that canonicalDecimal expands, so that a short text such as "1e999999999"
// cannot expand to gigabytes.
const maxCanonicalExponent = 1_000_000

// minusSign is U+2212, the typographic minus sign.
const minusSign = '\u2212'

// decimalNumber is a number written in decimal notation.
type decimalNumber struct {
	negative bool
	integer  string // digits before the point, without separators
	fraction string // digits after the point
	exponent int    // power of ten written after e or E
}

// canonical writes d as plain decimal text: no exponent, no leading zeros
// before the point, no trailing zeros after it, no point when the fraction
// is empty, and a "-" only before a nonzero value. It returns ok = false
// when the exponent exceeds maxCanonicalExponent.
func (d decimalNumber) canonical() (string, bool) {
	if d.exponent > maxCanonicalExponent || d.exponent < -maxCanonicalExponent {
		return "", false
	}

	digits := d.integer + d.fraction
	point := len(d.integer) + d.exponent
	if point < 0 {
		digits = strings.Repeat("0", -point) + digits
		point = 0
	}

	if point > len(digits) {
		digits += strings.Repeat("0", point-len(digits))
	}

	integer := strings.TrimLeft(digits[:point], "0")
	fraction := strings.TrimRight(digits[point:], "0")
	if integer == "" {
		integer = "0"
	}

	text := integer
	if fraction != "" {
		text += "." + fraction
	}

	if d.negative && text != "0" {
		text = "-" + text
	}

	return text, true
}

// significantDigits returns the number of digits from the first nonzero
// digit to the last digit written, or 0 when every digit is zero.
func (d decimalNumber) significantDigits() int {
	return len(strings.TrimLeft(d.integer+d.fraction, "0"))
}

// parseDecimal parses the whole of s as an optional sign (+, - or U+2212),
// digits with an optional decimal point and an optional exponent. It
// accepts no separators and no surrounding space.
func parseDecimal(s string) (decimalNumber, bool) {
	runes := []rune(s)
	negative := false
	start := 0
	if len(runes) > 0 && isSign(runes[0]) {
		negative = runes[0] != '+'
		start = 1
	}

	if !startsNumber(runes, start) {
		return decimalNumber{}, false
	}

	d, end := scanDecimal(runes, start, false)
	d.negative = negative

	return d, end == len(runes)
}

// canonicalDecimal returns the canonical text of the decimal number s, or
// ok = false when s is not one.
func canonicalDecimal(s string) (string, bool) {
	d, ok := parseDecimal(s)
	if !ok {
		return "", false
	}

	return d.canonical()
}

// isSign reports whether r is a plus or minus sign.
func isSign(r rune) bool {
	return r == '+' || r == '-' || r == minusSign
}

// isDigit reports whether r is an ASCII digit.
func isDigit(r rune) bool {
	return r >= '0' && r <= '9'
}

// startsNumber reports whether a number starts at runes[i]: a digit, or a
// point followed by a digit.
func startsNumber(runes []rune, i int) bool {
	if i >= len(runes) {
		return false
	}

	return isDigit(runes[i]) || runes[i] == '.' && i+1 < len(runes) && isDigit(runes[i+1])
}

// scanDecimal reads the unsigned number that starts at runes[i] and returns
// it with the index after it. With separators, a comma followed by exactly
// three digits continues the integer part when every group before it has
// at most three digits, as in "1,000,000".
func scanDecimal(runes []rune, i int, separators bool) (decimalNumber, int) {
	var d decimalNumber
	var integer strings.Builder
	group := 0
	for i < len(runes) {
		switch {
		case isDigit(runes[i]):
			integer.WriteRune(runes[i])
			group++
			i++
			continue
		case separators && runes[i] == ',' && group <= 3 && isDigitGroup(runes, i+1):
			group = 0
			i++
			continue
		}

		break
	}

	d.integer = integer.String()
	if i+1 < len(runes) && runes[i] == '.' && isDigit(runes[i+1]) {
		start := i + 1
		for i = start; i < len(runes) && isDigit(runes[i]); i++ {
		}

		d.fraction = string(runes[start:i])
	}

	if exponent, end, ok := scanExponent(runes, i); ok {
		d.exponent, i = exponent, end
	}

	return d, i
}

// isDigitGroup reports whether runes[i:] starts with exactly three digits.
func isDigitGroup(runes []rune, i int) bool {
	if i+3 > len(runes) {
		return false
	}

	for _, r := range runes[i : i+3] {
		if !isDigit(r) {
			return false
		}
	}

	return i+3 == len(runes) || !isDigit(runes[i+3])
}

// scanExponent reads an exponent such as "e-7" at runes[i]. An exponent
// too large for an int is clamped, which canonical then rejects.
func scanExponent(runes []rune, i int) (exponent, end int, ok bool) {
	if i >= len(runes) || runes[i] != 'e' && runes[i] != 'E' {
		return 0, i, false
	}

	j := i + 1
	negative := false
	if j < len(runes) && isSign(runes[j]) {
		negative = runes[j] != '+'
		j++
	}

	start := j
	for j < len(runes) && isDigit(runes[j]) {
		j++
	}

	if j == start {
		return 0, i, false
	}

	value, err := strconv.Atoi(string(runes[start:j]))
	if err != nil {
		value = maxCanonicalExponent + 1
	}

	if negative {
		value = -value
	}

	return value, j, true
}
