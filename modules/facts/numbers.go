package facts

import (
	"strconv"
	"strings"
)

// Numbers returns every number that the facts contain, as canonical
// decimal text without separators. For integers they are the value, its
// absolute value, the digit count, digit sum and digital root, the prime
// factors, roots, bases, exponents and sequence indexes. For fractions
// they are the numerator, denominator, integer part, decimal start, period
// and repeating digits. Sentence and Lines use only these numbers.
func (f Facts) Numbers() []string {
	var c numberSet
	if f.Invalid {
		return nil
	}

	c.addSigned(f.Value)
	c.addSigned(f.AbsoluteValue)
	c.addInt(f.BitLength)
	if f.Digits > 0 {
		c.add(strconv.Itoa(f.Digits), strconv.Itoa(f.DigitSum), strconv.Itoa(f.DigitalRoot))
	}

	c.add(f.LeadingDigits)
	if f.MersenneExponent > 0 {
		c.add("2", strconv.Itoa(f.MersenneExponent), "1")
	}

	if f.Factorization != nil {
		c.add(f.Factorization.numbers()...)
	}

	c.addRoots(f)
	c.addLong(f.Triangular)
	c.add(intsText(f.Fibonacci)...)
	c.add(intsText(f.Factorial)...)
	c.addFraction(f)
	c.addInt(f.SignificantDigits)

	return c.list
}

// numberSet collects canonical decimal texts in order, without repeats.
type numberSet struct {
	list []string
	seen map[string]bool
}

// add adds each text that is a decimal number, in canonical form.
func (c *numberSet) add(texts ...string) {
	for _, text := range texts {
		canonical, ok := canonicalDecimal(text)
		if !ok || c.seen[canonical] {
			continue
		}

		if c.seen == nil {
			c.seen = make(map[string]bool)
		}

		c.seen[canonical] = true
		c.list = append(c.list, canonical)
	}
}

// addSigned adds text and, when it is negative, its absolute value.
func (c *numberSet) addSigned(text string) {
	c.add(text, strings.TrimPrefix(text, "-"))
}

// addInt adds n when it is positive.
func (c *numberSet) addInt(n int) {
	if n > 0 {
		c.add(strconv.Itoa(n))
	}
}

// addRoots adds the roots, base and exponents of the power facts.
func (c *numberSet) addRoots(f Facts) {
	if f.PerfectSquare {
		c.addLong(f.SquareRoot)
		c.add("2")
	}

	if f.PerfectCube {
		c.addLong(f.CubeRoot)
		c.add("3")
	}

	if f.PowerOf != nil {
		c.addLong(f.PowerOf.Base)
		c.add(strconv.Itoa(f.PowerOf.Exponent))
	}
}

// addLong adds digits and, when they are too long to print, their count,
// which the sentence and lines state instead.
func (c *numberSet) addLong(digits string) {
	c.add(digits)
	if len(digits) > maxInlineDigits {
		c.add(strconv.Itoa(len(digits)))
	}
}

// addFraction adds the numbers of the fraction facts.
func (c *numberSet) addFraction(f Facts) {
	if num, den, ok := strings.Cut(f.Fraction, "/"); ok {
		c.addSigned(num)
		c.add(den)
	}

	c.addSigned(f.IntegerPart)
	c.addSigned(strings.TrimSuffix(f.Decimal, "…"))
	c.addInt(f.Preperiod)
	c.addInt(f.RepeatingPeriod)
	c.add(f.Repetend)
}
