package facts

import (
	"strconv"
	"strings"
)

// claimKind names the fact of Facts that a claim states.
type claimKind string

// Claim kinds, one per statement that Sentence can make.
const (
	kindPositive        claimKind = "positive"
	kindNegative        claimKind = "negative"
	kindNeitherSign     claimKind = "neither_sign"
	kindEven            claimKind = "even"
	kindOdd             claimKind = "odd"
	kindPrime           claimKind = "prime"
	kindProbablePrime   claimKind = "probable_prime"
	kindMersennePrime   claimKind = "mersenne_prime"
	kindComposite       claimKind = "composite"
	kindNeitherPrime    claimKind = "neither_prime"
	kindPerfectNumber   claimKind = "perfect_number"
	kindFactorial       claimKind = "factorial"
	kindFibonacci       claimKind = "fibonacci"
	kindPower           claimKind = "power"
	kindTriangular      claimKind = "triangular"
	kindPalindrome      claimKind = "palindrome"
	kindFactorization   claimKind = "factorization"
	kindPartialFactors  claimKind = "partial_factorization"
	kindDigitSum        claimKind = "digit_sum"
	kindFraction        claimKind = "fraction"
	kindTerminating     claimKind = "terminating"
	kindRepeating       claimKind = "repeating"
	kindIntegerPart     claimKind = "integer_part"
	kindApproximately   claimKind = "approximately"
	kindSignificantDigs claimKind = "significant_digits"
)

// claim is one statement that Sentence may make. Each claim is built from
// one verified field of Facts, named by kind.
type claim struct {
	kind claimKind
	// text is the phrase: it follows "is" unless with is true, in which
	// case it follows "with".
	text string
	with bool
	// lead is true for a distinctive property, which Sentence names before
	// the parity.
	lead bool
	// numbers are the numbers that text states, as decimal text.
	numbers []string
}

// signClaim states the sign of a nonzero value, or of zero.
func (f Facts) signClaim() claim {
	switch {
	case f.Zero:
		return claim{kind: kindNeitherSign, text: "neither positive nor negative"}
	case f.Negative:
		return claim{kind: kindNegative, text: "negative"}
	}

	return claim{kind: kindPositive, text: "positive"}
}

// parityClaim states whether an integer is even or odd.
func (f Facts) parityClaim() claim {
	if f.Even {
		return claim{kind: kindEven, text: "even"}
	}

	return claim{kind: kindOdd, text: "odd"}
}

// propertyClaims returns the claims about |n| in the order of preference,
// the most distinctive first.
func (f Facts) propertyClaims() []claim {
	var claims []claim
	appendClaim := func(c claim, ok bool) {
		if ok {
			claims = append(claims, c)
		}
	}

	appendClaim(f.primeClaim())
	appendClaim(f.perfectClaim())
	appendClaim(f.factorialClaim())
	appendClaim(f.fibonacciClaim())
	appendClaim(f.powerClaim())
	appendClaim(f.triangularClaim())
	if len(claims) == 0 && f.Prime != nil && f.Prime.Composite {
		claims = append(claims, claim{kind: kindComposite, text: "composite"})
	}

	appendClaim(f.palindromeClaim())
	appendClaim(f.factorizationClaim())
	appendClaim(f.digitSumClaim())

	return claims
}

// primeClaim states that |n| is prime, or is neither prime nor composite.
// Being composite is stated by propertyClaims only when nothing more
// distinctive is known.
func (f Facts) primeClaim() (claim, bool) {
	switch {
	case f.Prime == nil:
		return claim{}, false
	case f.MersenneExponent > 0:
		p := strconv.Itoa(f.MersenneExponent)
		return claim{kind: kindMersennePrime, text: "a Mersenne prime (2^" + p + " - 1)",
			lead: true, numbers: []string{"2", p, "1"}}, true
	case f.Prime.Probable():
		return claim{kind: kindProbablePrime, text: "probably prime (Baillie-PSW)", lead: true}, true
	case f.Prime.IsPrime:
		return claim{kind: kindPrime, text: "prime", lead: true}, true
	case !f.Prime.Composite:
		return claim{kind: kindNeitherPrime, text: "neither prime nor composite", lead: true}, true
	}

	return claim{}, false
}

// perfectClaim states that |n| is a perfect number.
func (f Facts) perfectClaim() (claim, bool) {
	return claim{kind: kindPerfectNumber, text: "a perfect number", lead: true}, f.PerfectNumber
}

// factorialClaim states the indexes k with |n| = k!.
func (f Facts) factorialClaim() (claim, bool) {
	indexes := intsText(f.Factorial)
	terms := make([]string, len(indexes))
	for i, k := range indexes {
		terms[i] = k + "!"
	}

	text := "the factorial " + joinList(terms)
	if len(terms) > 1 {
		text = "equal to " + joinList(terms)
	}

	return claim{kind: kindFactorial, text: text, lead: true, numbers: indexes}, len(terms) > 0
}

// fibonacciClaim states the indexes k with |n| = F(k).
func (f Facts) fibonacciClaim() (claim, bool) {
	indexes := intsText(f.Fibonacci)
	ordinals := make([]string, len(indexes))
	for i, k := range indexes {
		ordinals[i] = ordinal(k)
	}

	text := "the " + joinList(ordinals) + " Fibonacci number"

	return claim{kind: kindFibonacci, text: text, lead: true, numbers: indexes}, len(indexes) > 0
}

// powerClaim states |n| = b^k with the smallest base b.
func (f Facts) powerClaim() (claim, bool) {
	if f.PowerOf == nil {
		return claim{}, false
	}

	exponent := strconv.Itoa(f.PowerOf.Exponent)
	name := "power"
	switch f.PowerOf.Exponent {
	case 2:
		name = "square"
	case 3:
		name = "cube"
	}

	switch {
	case len(f.PowerOf.Base) <= maxInlineDigits:
	case f.PowerOf.Exponent <= 3:
		return claim{kind: kindPower, text: "a perfect " + name, lead: true}, true
	default:
		return claim{kind: kindPower, text: "a perfect power with exponent " + exponent,
			lead: true, numbers: []string{exponent}}, true
	}

	return claim{kind: kindPower, text: "the perfect " + name + " " + f.PowerOf.Base + "^" + exponent,
		lead: true, numbers: []string{f.PowerOf.Base, exponent}}, true
}

// triangularClaim states the index k with |n| = k(k+1)/2, for |n| > 0.
func (f Facts) triangularClaim() (claim, bool) {
	if f.Triangular == "" || f.Zero {
		return claim{}, false
	}

	if len(f.Triangular) > maxInlineDigits {
		return claim{kind: kindTriangular, text: "a triangular number", lead: true}, true
	}

	return claim{kind: kindTriangular, text: "the " + ordinal(f.Triangular) + " triangular number",
		lead: true, numbers: []string{f.Triangular}}, true
}

// palindromeClaim states that the digits of |n| >= 10 form a palindrome.
func (f Facts) palindromeClaim() (claim, bool) {
	return claim{kind: kindPalindrome, text: "a palindrome"}, f.Palindrome && f.Digits > 1
}

// factorizationClaim states the prime factorization of a composite |n|,
// or the prime factors found when it is partial.
func (f Facts) factorizationClaim() (claim, bool) {
	fz := f.Factorization
	if fz == nil || f.Prime == nil || !f.Prime.Composite {
		return claim{}, false
	}

	numbers := fz.numbers()
	if !fz.Partial {
		name := "prime factorization "
		if fz.ProbablePrimes {
			name = "factorization into probable primes "
		}

		return claim{kind: kindFactorization, text: name + fz.Text, with: true, numbers: numbers}, true
	}

	if len(fz.Factors) == 0 {
		return claim{}, false
	}

	found := strings.TrimSuffix(fz.Text, " × "+fz.Cofactor)
	size := groupThousands(len(fz.Cofactor))
	text := "known prime factors " + found + " and a " + size + "-digit composite cofactor"

	// The text names the cofactor by its digit count only.
	numbers = append(numbers[:len(numbers)-2], strconv.Itoa(len(fz.Cofactor)))

	return claim{kind: kindPartialFactors, text: text, with: true, numbers: numbers}, true
}

// numbers returns the primes and exponents above 1 of the factorization,
// then the cofactor and its digit count when it is partial. Primes too
// long to print come with their digit count.
func (fz *FactorizationFact) numbers() []string {
	var numbers []string
	for _, factor := range fz.Factors {
		numbers = append(numbers, factor.Prime)
		if len(factor.Prime) > maxInlineDigits {
			numbers = append(numbers, strconv.Itoa(len(factor.Prime)))
		}

		if factor.Exp > 1 {
			numbers = append(numbers, strconv.Itoa(factor.Exp))
		}
	}

	if fz.Partial {
		numbers = append(numbers, fz.Cofactor, strconv.Itoa(len(fz.Cofactor)))
	}

	return numbers
}

// shortText writes the factorization like Text, with each number too long
// to print replaced by its digit count, such as "3 × (a 998-digit prime)".
func (fz *FactorizationFact) shortText() string {
	terms := make([]string, 0, len(fz.Factors)+1)
	for _, factor := range fz.Factors {
		terms = append(terms, powerText(shortNumber(factor.Prime, "prime"), factor.Exp))
	}

	if fz.Partial {
		terms = append(terms, shortNumber(fz.Cofactor, "composite"))
	}

	return strings.Join(terms, " × ")
}

// shortNumber returns digits, or "(a N-digit noun)" when digits is too long
// to print.
func shortNumber(digits, noun string) string {
	if len(digits) <= maxInlineDigits {
		return digits
	}

	return "(a " + groupThousands(len(digits)) + "-digit " + noun + ")"
}

// digitSumClaim states the digit sum of |n| >= 10.
func (f Facts) digitSumClaim() (claim, bool) {
	if f.Digits < 2 {
		return claim{}, false
	}

	sum := strconv.Itoa(f.DigitSum)

	return claim{kind: kindDigitSum, text: "digit sum " + groupThousands(f.DigitSum), with: true,
		numbers: []string{sum}}, true
}
