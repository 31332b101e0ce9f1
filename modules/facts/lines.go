package facts

import (
	"strconv"
	"strings"
)

// Lines returns the facts as short "key: value" lines, to be given to a
// language model as data. Every number in them is one of Numbers.
func (f Facts) Lines() []string {
	switch {
	case !f.hasValue():
		return []string{"value: not a number"}
	case !f.Exact:
		return f.approximateLines()
	case f.Integer:
		return f.integerLines()
	}

	return f.fractionLines()
}

// approximateLines returns the lines of an approximation.
func (f Facts) approximateLines() []string {
	lines := []string{"type: approximation of an irrational result"}
	if len(f.Value) <= maxInlineDigits {
		lines = append(lines, "value: approximately "+f.Value)
	}

	if f.SignificantDigits > 0 {
		lines = append(lines, "sign: "+f.signClaim().text,
			"significant_digits: "+strconv.Itoa(f.SignificantDigits))
	}

	return lines
}

// integerLines returns the lines of an integer.
func (f Facts) integerLines() []string {
	lines := []string{"value: " + f.integerSubject(), "type: integer",
		"sign: " + f.signName(), "parity: " + f.parityClaim().text}
	prefix := ""
	if f.Negative {
		prefix = "absolute_value_"
		if f.AbsoluteValue != "" && len(f.AbsoluteValue) <= maxInlineDigits {
			lines = append(lines, "absolute_value: "+f.AbsoluteValue)
		}
	}

	add := func(key, value string) {
		lines = append(lines, prefix+key+": "+value)
	}

	if f.Digits > 0 {
		add("digits", strconv.Itoa(f.Digits))
		add("digit_sum", strconv.Itoa(f.DigitSum))
		add("digital_root", strconv.Itoa(f.DigitalRoot))
		add("palindrome", yesNo(f.Palindrome))
	}

	if f.Prime != nil {
		add("prime", f.primeLine())
	}

	if f.MersenneExponent > 0 {
		add("mersenne_prime", "2^"+strconv.Itoa(f.MersenneExponent)+" - 1")
	}

	if fz := f.Factorization; fz != nil {
		add("factorization", fz.line())
	}

	for _, line := range f.sequenceLines() {
		add(line[0], line[1])
	}

	if len(f.Skipped) > 0 {
		lines = append(lines, "not_checked: "+strings.Join(f.Skipped, ", "))
	}

	return lines
}

// signName returns "positive", "negative" or "zero".
func (f Facts) signName() string {
	if f.Zero {
		return "zero"
	}

	return f.signClaim().text
}

// primeLine describes the primality verdict and the test behind it.
func (f Facts) primeLine() string {
	switch {
	case f.Prime.Probable():
		return "probably (Baillie-PSW test)"
	case f.Prime.IsPrime && f.Prime.Method == MethodLucasLehmer:
		return "yes (Lucas-Lehmer test)"
	case f.Prime.IsPrime:
		return "yes (deterministic test)"
	case f.Prime.Composite:
		return "no, composite"
	}

	return "no, neither prime nor composite"
}

// line describes the factorization, with a note when it is incomplete.
func (fz *FactorizationFact) line() string {
	text := fz.shortText()
	if fz.Partial {
		text += " (incomplete: the last factor is a composite that was not factored in time)"
	}

	if fz.ProbablePrimes {
		text += " (some factors are probable primes by the Baillie-PSW test)"
	}

	return text
}

// sequenceLines returns key and value pairs for the power, sequence and
// perfect number facts.
func (f Facts) sequenceLines() [][2]string {
	var pairs [][2]string
	if f.PerfectSquare {
		pairs = append(pairs, [2]string{"perfect_square", shortNumber(f.SquareRoot, "root") + "^2"})
	}

	if f.PerfectCube {
		pairs = append(pairs, [2]string{"perfect_cube", shortNumber(f.CubeRoot, "root") + "^3"})
	}

	if f.PowerOf != nil {
		base := shortNumber(f.PowerOf.Base, "base")
		pairs = append(pairs, [2]string{"perfect_power", powerText(base, f.PowerOf.Exponent)})
	}

	if f.Triangular != "" {
		pairs = append(pairs, [2]string{"triangular_index", shortNumber(f.Triangular, "index")})
	}

	if len(f.Fibonacci) > 0 {
		pairs = append(pairs, [2]string{"fibonacci_index", strings.Join(intsText(f.Fibonacci), ", ")})
	}

	if len(f.Factorial) > 0 {
		pairs = append(pairs, [2]string{"factorial_of", strings.Join(intsText(f.Factorial), ", ")})
	}

	if f.PerfectNumber {
		pairs = append(pairs, [2]string{"perfect_number", "yes"})
	}

	return pairs
}

// fractionLines returns the lines of a non-integer rational.
func (f Facts) fractionLines() []string {
	lines := []string{"type: fraction", "sign: " + f.signName()}
	if f.Value != "" && len(f.Value) <= 2*maxInlineDigits {
		lines = append([]string{"value: " + f.Value}, lines...)
	}

	if f.Fraction != "" && len(f.Fraction) <= 2*maxInlineDigits {
		lines = append(lines, "fraction: "+f.Fraction)
	}

	if f.IntegerPart != "" && len(f.IntegerPart) <= maxInlineDigits {
		lines = append(lines, "integer_part: "+f.IntegerPart)
	}

	switch {
	case f.Terminating:
		lines = append(lines, "decimal_expansion: terminating")
	case f.Fraction != "":
		lines = append(lines, f.repeatingLines()...)
	}

	if len(f.Skipped) > 0 {
		lines = append(lines, "not_checked: "+strings.Join(f.Skipped, ", "))
	}

	return lines
}

// repeatingLines describes a repeating decimal expansion.
func (f Facts) repeatingLines() []string {
	lines := []string{"decimal_expansion: repeating"}
	if f.Decimal != "" {
		lines = append(lines, "decimal_start: "+f.Decimal)
	}

	if f.Preperiod > 0 {
		lines = append(lines, "digits_before_repeating: "+strconv.Itoa(f.Preperiod))
	}

	if f.RepeatingPeriod > 0 {
		lines = append(lines, "repeating_period: "+strconv.Itoa(f.RepeatingPeriod))
	}

	if f.Repetend != "" {
		lines = append(lines, "repeating_digits: "+f.Repetend)
	}

	return lines
}

// yesNo returns "yes" or "no".
func yesNo(b bool) string {
	if b {
		return "yes"
	}

	return "no"
}
