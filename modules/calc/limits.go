package calc

// Limits on input and output. They bound the memory and time that one
// calculation can take before any work starts.
const (
	// MaxNumberLength is the maximum length of a number, in characters,
	// accepted by ParseNumber.
	MaxNumberLength = 1000

	// MaxExponent is the maximum absolute value of the exponent written
	// after e or E in a number, so 1e-100000 is accepted and 1e100001 is not.
	MaxExponent = 100_000

	// MaxExpressionLength is the maximum length of an expression, in
	// characters (Unicode code points).
	MaxExpressionLength = 1000

	// MaxExpressions is the maximum number of expressions in one group.
	MaxExpressions = 20

	// MaxDepth is the maximum nesting of parentheses, function calls, signs
	// and exponents in one expression.
	MaxDepth = 100

	// MaxResultDigits is the maximum number of decimal digits in a result
	// and in every intermediate value: the numerator and the denominator of
	// a fraction, and the written-out digits of a decimal, are each bounded.
	MaxResultDigits = 1_000_000

	// SignificantDigits is the number of significant digits shown for a
	// rational result whose decimal expansion does not terminate.
	SignificantDigits = 30

	// DefaultPrecision is the number of digits after the decimal point shown
	// for an irrational result when neither Options nor the expression sets
	// one.
	DefaultPrecision = 30

	// MaxPrecision is the maximum number of digits after the decimal point
	// that may be requested for an irrational result, and the maximum
	// absolute digits argument of round.
	MaxPrecision = 100_000
)

// MaxDenominatorDigits is the maximum number of decimal digits in the
// denominator of a fraction, and in the shorter of two numbers whose
// greatest common divisor a calculation needs. math/big computes GCDs in
// time quadratic in that length: about 0.5 s at 200000 digits and 10 s at
// MaxResultDigits with Go 1.26 on a shared 2-core x86-64 VM. The bound admits
// the product of two numbers of MaxNumberLength characters with exponent
// -MaxExponent, whose denominator has at most 202001 digits.
const MaxDenominatorDigits = 210_000
