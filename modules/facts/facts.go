package facts

// Facts is the set of verified properties of one result. A check that did
// not run, because the value was too large or the time budget ran out, is
// named in Skipped and leaves its fields at their zero values. Otherwise a
// false boolean means that the property does not hold.
type Facts struct {
	// Value is the exact value: an integer, a terminating decimal such as
	// "0.5", or "p/q" for a fraction whose decimal expansion repeats. For an
	// approximation it is the decimal text as given. It is empty when an
	// integer has too many bits to convert to decimal.
	Value string `json:"value"`
	// Exact is false for an approximation, whose facts are limited to
	// Negative and SignificantDigits.
	Exact bool `json:"exact"`
	// Invalid is true when the value was not given exactly and its text is
	// not a decimal number, or has an exponent beyond one million. No other
	// field is set then.
	Invalid bool `json:"invalid,omitempty"`
	// Integer is true when the exact value is an integer.
	Integer bool `json:"integer"`
	// Negative is true when the value is below zero.
	Negative bool `json:"negative"`
	// Zero is true when the exact value is zero.
	Zero bool `json:"zero"`
	// Even is true for an even integer. It is false for odd integers and
	// for values that are not integers.
	Even bool `json:"even"`

	// AbsoluteValue is |n| for a negative integer. The fields from Digits to
	// PerfectNumber then describe |n|, not n, because primality, divisors
	// and the sequences are defined for non-negative integers.
	AbsoluteValue string `json:"absolute_value,omitempty"`
	// BitLength is the bit length of |n|, set only when Value is empty.
	BitLength int `json:"bit_length,omitempty"`
	// Digits is the number of decimal digits of |n|.
	Digits int `json:"digits,omitempty"`
	// LeadingDigits is the first digits of |n| when it is too long to
	// print in a sentence.
	LeadingDigits string `json:"leading_digits,omitempty"`
	// DigitSum is the sum of the decimal digits of |n|.
	DigitSum int `json:"digit_sum,omitempty"`
	// DigitalRoot is the repeated digit sum of |n|, a single digit.
	DigitalRoot int `json:"digital_root,omitempty"`
	// Palindrome is true when the digits of |n| read the same backwards.
	Palindrome bool `json:"palindrome,omitempty"`
	// Prime is the primality of |n|.
	Prime *PrimeFact `json:"prime,omitempty"`
	// MersenneExponent is p when |n| is the Mersenne prime 2^p - 1.
	MersenneExponent int `json:"mersenne_exponent,omitempty"`
	// Factorization is the prime factorization of |n| for |n| >= 2.
	Factorization *FactorizationFact `json:"factorization,omitempty"`
	// PerfectSquare is true when |n| = r^2 for an integer r.
	PerfectSquare bool `json:"perfect_square,omitempty"`
	// SquareRoot is r when PerfectSquare is true.
	SquareRoot string `json:"square_root,omitempty"`
	// PerfectCube is true when |n| = r^3 for an integer r.
	PerfectCube bool `json:"perfect_cube,omitempty"`
	// CubeRoot is r when PerfectCube is true.
	CubeRoot string `json:"cube_root,omitempty"`
	// PowerOf writes |n| >= 4 as b^k with the smallest base b and k >= 2.
	PowerOf *Power `json:"power_of,omitempty"`
	// Triangular is the index k, as decimal text, when |n| = k(k+1)/2.
	Triangular string `json:"triangular,omitempty"`
	// Fibonacci is the indexes k with |n| = F(k), where F(0) = 0 and
	// F(1) = F(2) = 1.
	Fibonacci []int `json:"fibonacci,omitempty"`
	// Factorial is the indexes k with |n| = k!.
	Factorial []int `json:"factorial,omitempty"`
	// PerfectNumber is true when |n| equals the sum of its proper divisors.
	PerfectNumber bool `json:"perfect_number,omitempty"`

	// Fraction is the exact value "p/q" in lowest terms of a non-integer.
	Fraction string `json:"fraction,omitempty"`
	// IntegerPart is a non-integer truncated toward zero.
	IntegerPart string `json:"integer_part,omitempty"`
	// Terminating is true when the decimal expansion ends, which happens
	// when q has no prime factors other than 2 and 5.
	Terminating bool `json:"terminating,omitempty"`
	// Decimal is the start of a repeating decimal expansion, truncated and
	// followed by "…".
	Decimal string `json:"decimal,omitempty"`
	// Preperiod is the number of digits after the decimal point before the
	// repeating part starts.
	Preperiod int `json:"preperiod,omitempty"`
	// RepeatingPeriod is the length of the repeating block of digits. It is
	// 0 when the expansion terminates and when PeriodUnknown is set.
	RepeatingPeriod int `json:"repeating_period,omitempty"`
	// Repetend is the repeating block of digits, when it is short.
	Repetend string `json:"repetend,omitempty"`
	// PeriodUnknown is true when the period was not found within the
	// budget or does not fit in an int.
	PeriodUnknown bool `json:"period_unknown,omitempty"`

	// SignificantDigits is the number of significant digits of an
	// approximation's text.
	SignificantDigits int `json:"significant_digits,omitempty"`

	// Skipped names the checks that did not run, with the Check constants.
	Skipped []string `json:"skipped,omitempty"`
}

// Names of checks that Compute may skip, as listed in Facts.Skipped.
const (
	CheckDigits          = "digits"
	CheckPrime           = "prime"
	CheckFactorization   = "factorization"
	CheckPerfectPower    = "perfect_power"
	CheckTriangular      = "triangular"
	CheckFibonacci       = "fibonacci"
	CheckFactorial       = "factorial"
	CheckPerfectNumber   = "perfect_number"
	CheckDecimal         = "decimal"
	CheckRepeatingPeriod = "repeating_period"
)

// Primality test names used in PrimeFact.Method. MethodDeterministic and
// MethodBailliePSW are the methods of bigmath.IsPrime.
const (
	MethodDeterministic = "deterministic"
	MethodBailliePSW    = "baillie-psw"
	MethodLucasLehmer   = "lucas-lehmer"
)

// PrimeFact is the primality of a non-negative integer.
type PrimeFact struct {
	// IsPrime is true for a prime. Above 2^64 a prime found by
	// MethodBailliePSW is a probable prime.
	IsPrime bool `json:"is_prime"`
	// Composite is true for an integer above 1 that is not prime. A
	// composite verdict is certain for every method.
	Composite bool `json:"composite"`
	// Method is the test that decided: MethodDeterministic below 2^64,
	// MethodLucasLehmer for 2^p - 1 above 2^64 with p prime, and
	// MethodBailliePSW otherwise.
	Method string `json:"method"`
}

// Probable reports whether the number is prime only with high probability.
func (p PrimeFact) Probable() bool {
	return p.IsPrime && p.Method == MethodBailliePSW
}

// FactorizationFact is the prime factorization of an integer n >= 2.
type FactorizationFact struct {
	// Text is the product, such as "2^3 × 3 × 5". When Partial is true the
	// last term is the unfactored Cofactor.
	Text string `json:"text"`
	// Factors are the prime powers found, in ascending order.
	Factors []PrimePower `json:"factors"`
	// Cofactor is the composite part of n left unfactored when the budget
	// ran out.
	Cofactor string `json:"cofactor,omitempty"`
	// Partial is true when Cofactor is set.
	Partial bool `json:"partial"`
	// ProbablePrimes is true when a factor of at least 2^64 was found prime
	// by the Baillie-PSW test, which is not a proof.
	ProbablePrimes bool `json:"probable_primes,omitempty"`
}

// PrimePower is a prime factor and its multiplicity.
type PrimePower struct {
	Prime string `json:"prime"`
	Exp   int    `json:"exp"`
}

// Power is b^k.
type Power struct {
	Base     string `json:"base"`
	Exponent int    `json:"exponent"`
}

// skip records that the named check did not run.
func (f *Facts) skip(check string) {
	f.Skipped = append(f.Skipped, check)
}
