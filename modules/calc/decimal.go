package calc

import (
	"math/big"
	"strconv"
	"strings"
)

// minusSign is U+2212, the typographic minus accepted wherever '-' is.
const minusSign = '\u2212'

// decimal is a scanned unsigned decimal literal: its digits before and
// after the point and its exponent.
type decimal struct {
	whole    string
	fraction string
	exponent int
}

// scanProblem describes why a literal could not be scanned: the index of
// the offending rune and a message.
type scanProblem struct {
	index   int
	message string
}

// scanDecimal scans an unsigned decimal literal starting at runes[start]:
// digits with an optional point, at least one digit, and an optional
// exponent. It returns the literal and the index just after it.
func scanDecimal(runes []rune, start int) (decimal, int, *scanProblem) {
	var d decimal
	i := start
	i, d.whole = scanDigits(runes, i)
	if i < len(runes) && runes[i] == '.' {
		i, d.fraction = scanDigits(runes, i+1)
		if i < len(runes) && runes[i] == '.' {
			return d, i, &scanProblem{i, "a number can contain only one decimal point"}
		}
	}
	if d.whole == "" && d.fraction == "" {
		return d, start, &scanProblem{start, "expected a digit"}
	}
	if i < len(runes) && (runes[i] == 'e' || runes[i] == 'E') {
		exponent, end, problem := scanExponent(runes, i)
		if problem != nil {
			return d, end, problem
		}
		d.exponent = exponent
		i = end
	}
	return d, i, nil
}

// scanDigits returns the index after the ASCII digits at runes[i:] and the
// digits themselves.
func scanDigits(runes []rune, i int) (int, string) {
	start := i
	for i < len(runes) && runes[i] >= '0' && runes[i] <= '9' {
		i++
	}
	return i, string(runes[start:i])
}

// scanExponent scans "e" or "E", an optional sign (+, - or U+2212) and
// digits, and checks the exponent against MaxExponent.
func scanExponent(runes []rune, at int) (int, int, *scanProblem) {
	i := at + 1
	negative := false
	if i < len(runes) && isSign(runes[i]) {
		negative = runes[i] != '+'
		i++
	}
	end, digits := scanDigits(runes, i)
	if digits == "" {
		return 0, i, &scanProblem{i, "the exponent after 'e' needs digits, like 1.5e-3"}
	}
	trimmed := strings.TrimLeft(digits, "0")
	value, err := strconv.Atoi(trimmed)
	if trimmed == "" {
		value, err = 0, nil
	}
	if err != nil || len(trimmed) > 9 || value > MaxExponent {
		return 0, i, &scanProblem{i, "the exponent must be between -" +
			strconv.Itoa(MaxExponent) + " and " + strconv.Itoa(MaxExponent)}
	}

	if negative {
		value = -value
	}
	return value, end, nil
}

// isSign reports whether r is '+', '-' or U+2212.
func isSign(r rune) bool {
	return r == '+' || r == '-' || r == minusSign
}

// rat returns the exact value of d.
func (d decimal) rat() *big.Rat {
	mantissa, _ := new(big.Int).SetString("0"+d.whole+d.fraction, 10)
	scale := len(d.fraction) - d.exponent
	if scale >= 0 {
		return new(big.Rat).SetFrac(mantissa, pow10(scale))
	}
	return new(big.Rat).SetInt(mantissa.Mul(mantissa, pow10(-scale)))
}

// pow10 returns 10^n for n >= 0.
func pow10(n int) *big.Int {
	return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil)
}

// commaHint returns advice for a number written with commas, such as
// "1,5" or "1,000,000".
func commaHint(text string) string {
	const prefix = "decimal commas and thousands separators are not accepted, "
	parts := strings.Split(text, ",")
	for _, part := range parts {
		if end, _ := scanDigits([]rune(part), 0); part == "" || end != len(part) {
			return prefix + "write the number without commas"
		}
	}
	grouped := true
	for _, part := range parts[1:] {
		grouped = grouped && len(part) == 3
	}
	joined := strings.Join(parts, "")
	switch {
	case len(parts) == 2 && grouped:
		return prefix + "use " + joined + ", or " + parts[0] + "." + parts[1] +
			" if the comma is a decimal point"
	case len(parts) == 2:
		return prefix + "use " + parts[0] + "." + parts[1]
	case grouped:
		return prefix + "use " + joined
	}
	return prefix + "write the number without commas"
}
