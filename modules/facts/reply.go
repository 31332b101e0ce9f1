package facts

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxReplyLength is the maximum length of a model reply, in runes.
const MaxReplyLength = 240

// Reasons for rejecting a reply, in Rejection.Reason.
const (
	ReasonEmpty         = "empty"
	ReasonMultiline     = "multiline"
	ReasonTooLong       = "too_long"
	ReasonMarkup        = "markup"
	ReasonInvisible     = "invisible_characters"
	ReasonUnknownNumber = "unknown_number"
)

// Rejection is the error CheckReply returns for a reply that must not be
// shown.
type Rejection struct {
	// Reason is one of the Reason constants.
	Reason string
	// Number is the number as written in the reply, for
	// ReasonUnknownNumber.
	Number string
}

// Error implements error.
func (r *Rejection) Error() string {
	if r.Number != "" {
		return "reply rejected: " + r.Reason + " " + strconv.Quote(r.Number)
	}

	return "reply rejected: " + r.Reason
}

// CheckReply validates a model's sentence about the facts f. The reply,
// without surrounding white space, must be non-empty, one line of at most
// MaxReplyLength runes, free of the markup characters '<' and '>', and
// every number in it must be one of f.Numbers(). Numbers may carry a sign,
// a decimal point, an exponent and commas between groups of three digits;
// "3,821" and "3821.0" both match 3821. Digits outside ASCII, such as "²"
// or "½", are rejected as unknown numbers. Numbers written as words are
// not checked. CheckReply returns a *Rejection or nil.
//
// NOTE: only the numbers are checked, so "3821 is the 4th prime" passes
// for 3821, which has 4 digits. The sentence's words are not verified.
func CheckReply(f Facts, reply string) error {
	text := strings.TrimSpace(reply)
	switch {
	case text == "":
		return &Rejection{Reason: ReasonEmpty}
	case strings.ContainsAny(text, "\n\r\u2028\u2029"):
		return &Rejection{Reason: ReasonMultiline}
	case utf8.RuneCountInString(text) > MaxReplyLength:
		return &Rejection{Reason: ReasonTooLong}
	case strings.ContainsAny(text, "<>"):
		return &Rejection{Reason: ReasonMarkup}
	case hasInvisible(text):
		return &Rejection{Reason: ReasonInvisible}
	}

	allowed := make(map[string]bool)
	for _, number := range f.Numbers() {
		allowed[number] = true
	}

	for _, token := range scanNumbers(text) {
		if !token.valid || !allowed[token.canonical] {
			return &Rejection{Reason: ReasonUnknownNumber, Number: token.text}
		}
	}

	return nil
}

// hasInvisible reports whether text contains control, format or private
// use characters. Format characters include bidi overrides, which can
// show "5001" as "1005", and zero-width spaces, which can split "47" into
// two numbers that each pass the check but display as 47.
func hasInvisible(text string) bool {
	for _, r := range text {
		if unicode.IsControl(r) || unicode.In(r, unicode.Cf, unicode.Co) {
			return true
		}
	}
	return false
}

// numberToken is a number found in free text.
type numberToken struct {
	text      string // as written
	canonical string // canonical decimal text
	valid     bool   // false for a number that cannot be compared
}

// scanNumbers returns the numbers written in text. A '-', '+' or U+2212
// directly before a number is its sign unless a letter, digit or point
// precedes the sign, as in "2^61-1", where it is an operator.
func scanNumbers(text string) []numberToken {
	runes := []rune(text)
	var tokens []numberToken
	for i := 0; i < len(runes); {
		r := runes[i]
		if r > unicode.MaxASCII && unicode.IsNumber(r) {
			tokens = append(tokens, numberToken{text: string(r)})
			i++
			continue
		}

		if !startsNumber(runes, i) {
			i++
			continue
		}

		start, negative := i, false
		if i > 0 && isSign(runes[i-1]) && (i == 1 || !isWordRune(runes[i-2])) {
			start, negative = i-1, runes[i-1] != '+'
		}

		d, end := scanDecimal(runes, i, true)
		d.negative = negative
		canonical, ok := d.canonical()
		tokens = append(tokens, numberToken{text: string(runes[start:end]), canonical: canonical, valid: ok})
		i = end
	}

	return tokens
}

// isWordRune reports whether r is a letter, a digit or a decimal point.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.'
}
