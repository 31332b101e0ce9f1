package facts

import "strings"

// approximateFacts returns the facts of a result known only by its decimal
// approximation text: its sign and its number of significant digits. The
// facts are Invalid when text is not a decimal number.
func approximateFacts(text string) Facts {
	trimmed := strings.TrimSpace(text)
	d, ok := parseDecimal(trimmed)
	if !ok {
		return Facts{Invalid: true}
	}

	// An exponent beyond maxCanonicalExponent has no canonical text, so
	// CheckReply could not match the value.
	if _, ok := d.canonical(); !ok {
		return Facts{Invalid: true}
	}

	f := Facts{Value: trimmed}
	if digits := d.significantDigits(); digits > 0 {
		f.Negative = d.negative
		f.SignificantDigits = digits
	}

	return f
}
