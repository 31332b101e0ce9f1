package calc

import "math/big"

// limits holds the size bounds of one evaluation. Production code uses
// defaultLimits, and tests lower them to reach the bounds quickly.
type limits struct {
	// maxDigits bounds the decimal digits of every value, as MaxResultDigits.
	maxDigits int
	// maxDenominatorDigits bounds denominators and GCD operands, as
	// MaxDenominatorDigits.
	maxDenominatorDigits int
	// maxApproximateDigits bounds the integer digits of approximate values
	// and the digits to which they are refined, as MaxPrecision.
	maxApproximateDigits int
}

// defaultLimits returns the limits described by the exported constants.
func defaultLimits() limits {
	return limits{
		maxDigits:            MaxResultDigits,
		maxDenominatorDigits: MaxDenominatorDigits,
		maxApproximateDigits: MaxPrecision,
	}
}

// digitsToBits returns the bit length below which an integer has at most
// digits decimal digits, using log2(10) > 3.321928.
func digitsToBits(digits int) int {
	return int(int64(digits) * 3321928 / 1000000)
}

// maxBits bounds the bit length of numerators and integers.
func (l limits) maxBits() int {
	return digitsToBits(l.maxDigits)
}

// maxDenominatorBits bounds the bit length of denominators and of the
// shorter GCD operand.
func (l limits) maxDenominatorBits() int {
	return digitsToBits(l.maxDenominatorDigits)
}

// checkRat returns a CodeResultTooLarge error when the numerator of r has
// more than maxBits bits or its denominator more than maxDenominatorBits.
func (l limits) checkRat(r *big.Rat) error {
	if err := l.checkBits(r.Num().BitLen()); err != nil {
		return err
	}

	return l.checkDenominatorBits(r.Denom().BitLen())
}

// checkBits rejects a numerator or integer of the given bit length.
func (l limits) checkBits(bits int) error {
	if bits <= l.maxBits() {
		return nil
	}
	return newError(CodeResultTooLarge,
		"a value in this calculation has about %d digits, more than the limit of %d",
		bitsToDigits(bits), l.maxDigits)
}

// checkDenominatorBits rejects a denominator of the given bit length.
func (l limits) checkDenominatorBits(bits int) error {
	if bits <= l.maxDenominatorBits() {
		return nil
	}
	return newError(CodeResultTooLarge,
		"a fraction in this calculation has a denominator of about %d digits, "+
			"more than the limit of %d", bitsToDigits(bits), l.maxDenominatorDigits)
}

// bitsToDigits returns about the number of decimal digits of an integer
// of the given bit length.
func bitsToDigits(bits int) int {
	return int(float64(bits)*0.30103) + 1
}

// checkApproximate rejects an approximate value whose magnitude bound,
// in bits, shows more than maxApproximateDigits digits before the point.
// Enclosing such values needs square roots and products of millions of
// bits, which math/big cannot interrupt.
func (l limits) checkApproximate(magnitude int) error {
	if magnitude <= digitsToBits(l.maxApproximateDigits) {
		return nil
	}
	return newError(CodeResultTooLarge,
		"an approximate value in this calculation may have about %d digits "+
			"before the point, more than the limit of %d for values computed "+
			"from sqrt, pi or e", bitsToDigits(magnitude), l.maxApproximateDigits)
}
