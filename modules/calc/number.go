package calc

import (
	"math/big"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// numberFormat describes the syntax that ParseNumber accepts, for messages.
const numberFormat = "use digits with an optional sign, decimal point and " +
	"exponent, like 42, -1.5, .5 or 1.68e-8"

// ParseNumber parses the decimal number s given for the named field ("a"
// or "b") into an exact rational.
//
// The accepted syntax is an optional sign (+, - or U+2212 minus) followed
// by digits with an optional decimal point, so ".5" and "5." are accepted
// and "." is not. An optional exponent follows: e or E, an optional sign
// and digits, with an absolute value of at most MaxExponent. Spaces around
// the number are ignored. The number may be at most MaxNumberLength characters long.
// Commas, spaces or other separators inside the number, NaN, Infinity and
// hexadecimal, binary or octal prefixes are rejected with an *Error of
// CodeInvalidNumber whose Field is field. "-0" parses to 0.
func ParseNumber(field, s string) (*big.Rat, error) {
	text := strings.TrimSpace(s)
	if text == "" {
		return nil, numberError(field, "%s is empty; %s", field, numberFormat)
	}
	if len(text) > 4*MaxNumberLength ||
		utf8.RuneCountInString(text) > MaxNumberLength {
		return nil, numberError(field,
			"invalid number %s: it is longer than %d characters",
			quote(text), MaxNumberLength)
	}
	runes := []rune(text)
	start := 0
	if isSign(runes[0]) {
		start = 1
	}
	d, end, problem := scanDecimal(runes, start)
	if problem == nil && end == len(runes) {
		value := d.rat()
		if runes[0] == '-' || runes[0] == minusSign {
			value.Neg(value)
		}
		return value, nil
	}
	return nil, numberError(field, "invalid number %s: %s",
		quote(text), diagnoseNumber(text, runes, end, problem))
}

// numberError builds a CodeInvalidNumber *Error for field.
func numberError(field, format string, args ...any) *Error {
	err := newError(CodeInvalidNumber, format, args...)
	err.Field = field
	return err
}

// diagnoseNumber explains why text is not a number, naming common mistakes
// such as decimal commas before the generic description of the syntax.
func diagnoseNumber(text string, runes []rune, end int, problem *scanProblem) string {
	unsigned := strings.TrimLeft(text, "+-\u2212")
	lower := strings.ToLower(unsigned)
	switch {
	case lower == "nan" || lower == "inf" || lower == "infinity":
		return "only finite numbers are accepted; " + numberFormat
	case strings.HasPrefix(lower, "0x") || strings.HasPrefix(lower, "0b") ||
		strings.HasPrefix(lower, "0o"):
		return "hexadecimal, binary and octal numbers are not accepted; " +
			numberFormat
	case strings.Contains(unsigned, ","):
		return commaHint(unsigned)
	case end < len(runes) && unicode.IsSpace(runes[end]):
		return "spaces inside a number are not accepted; " + numberFormat
	case end < len(runes) && strings.ContainsRune("_'\u2009\u202f", runes[end]):
		return "digit group separators are not accepted; " + numberFormat
	case problem != nil:
		return "character " + strconv.Itoa(problem.index+1) + ": " +
			problem.message + "; " + numberFormat
	}
	return "unexpected " + strconv.Quote(string(runes[end])) +
		" at character " + strconv.Itoa(end+1) + "; " + numberFormat
}
