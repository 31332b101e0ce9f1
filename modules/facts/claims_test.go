package facts

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// claimBatch returns the values whose sentence claims are checked: small
// integers, the special integers and fractions, and random values.
func claimBatch() []batchValue {
	var batch []batchValue
	for i := int64(-30); i <= 3000; i++ {
		batch = append(batch, batchValue{new(big.Rat).SetInt64(i), testBudget})
	}

	rng := rand.New(rand.NewPCG(3, 4))
	for _, n := range specialIntegers(rng) {
		batch = append(batch, batchValue{new(big.Rat).SetInt(n), bigBudget})
	}

	for range 300 {
		batch = append(batch, batchValue{new(big.Rat).SetInt(randomInteger(rng, 1+rng.IntN(40))), bigBudget},
			batchValue{randomFraction(rng), bigBudget})
	}

	for _, v := range specialFractions() {
		batch = append(batch, batchValue{v, testBudget})
	}

	return batch
}

func TestSentenceClaimsAreTrue(t *testing.T) {
	for _, item := range claimBatch() {
		f := computeWithin(item.budget, item.value)
		for _, c := range f.claims() {
			if err := checkClaim(item.value, f, c); err != nil {
				t.Errorf("value %s, claim %q: %v", item.value.RatString(), c.text, err)
			}
		}
	}
}

func TestSentenceUsesOnlyFactNumbers(t *testing.T) {
	for _, item := range claimBatch() {
		f := computeWithin(item.budget, item.value)
		value := item.value.RatString()
		sentence := f.Sentence()
		if n := utf8.RuneCountInString(sentence); n > MaxSentenceLength {
			t.Errorf("value %s: Sentence() has %d runes, want at most %d: %q", value, n, MaxSentenceLength, sentence)
		}

		if err := CheckReply(f, sentence); err != nil {
			t.Errorf("value %s: CheckReply(Sentence()) = %v, want nil; sentence %q", value, err, sentence)
		}

		for _, line := range f.Lines() {
			if err := CheckReply(f, line); err != nil && !strings.Contains(err.Error(), ReasonTooLong) {
				t.Errorf("value %s: CheckReply(%q) = %v, want nil", value, line, err)
			}
		}

		for _, c := range f.claims() {
			if got, want := canonicalNumbers(c.text), canonicalSet(c.numbers); !slices.Equal(got, want) {
				t.Errorf("value %s, claim %q: numbers in text %q, want the claim's numbers %q", value, c.text, got, want)
			}
		}
	}
}

// canonicalNumbers returns the sorted canonical numbers written in text.
func canonicalNumbers(text string) []string {
	var numbers []string
	for _, token := range scanNumbers(text) {
		numbers = append(numbers, token.canonical)
	}

	return canonicalSet(numbers)
}

// canonicalSet returns the sorted canonical forms of numbers, without
// repeats.
func canonicalSet(numbers []string) []string {
	var set []string
	for _, number := range numbers {
		canonical, _ := canonicalDecimal(number)
		set = append(set, canonical)
	}

	slices.Sort(set)

	return slices.Compact(set)
}

// checkClaim verifies a claim about v by a method independent of Compute:
// trial division or math/big.ProbablyPrime for primes, direct sums and
// products for the sequences, and long division for decimals.
func checkClaim(v *big.Rat, f Facts, c claim) error {
	abs := new(big.Int).Abs(v.Num())
	switch c.kind {
	case kindPositive, kindNegative, kindNeitherSign:
		return expectTrue(map[claimKind]int{kindPositive: 1, kindNegative: -1}[c.kind] == v.Sign())
	case kindEven, kindOdd:
		return expectTrue(v.IsInt() && (abs.Bit(0) == 0) == (c.kind == kindEven))
	case kindPrime, kindProbablePrime, kindMersennePrime, kindComposite, kindNeitherPrime:
		return checkPrimeClaim(abs, c)
	case kindPerfectNumber:
		return expectTrue(isKnownPerfectNumber(abs))
	case kindFactorial, kindFibonacci, kindTriangular:
		return checkSequenceClaim(abs, c)
	case kindPower:
		return checkPowerClaim(abs, f, c)
	case kindPalindrome:
		return expectTrue(isPalindrome(abs.String()))
	case kindFactorization, kindPartialFactors:
		return checkFactorizationClaim(abs, c)
	case kindDigitSum:
		return expectTrue(c.numbers[0] == strconv.Itoa(digitSumByDivision(abs)))
	}

	return checkFractionClaim(v, c)
}

// expectTrue returns an error when ok is false.
func expectTrue(ok bool) error {
	if !ok {
		return fmt.Errorf("claim is false")
	}

	return nil
}

// checkPrimeClaim verifies primality claims with 20 Miller-Rabin rounds
// plus Baillie-PSW, and the form 2^p - 1 of a Mersenne prime.
func checkPrimeClaim(n *big.Int, c claim) error {
	prime := n.ProbablyPrime(20)
	switch c.kind {
	case kindMersennePrime:
		p, _ := strconv.ParseInt(c.numbers[1], 10, 64)
		return expectTrue(prime && mersenne(p).Cmp(n) == 0)
	case kindComposite:
		return expectTrue(n.Cmp(big.NewInt(1)) > 0 && !prime)
	case kindNeitherPrime:
		return expectTrue(n.Cmp(big.NewInt(1)) <= 0)
	}

	return expectTrue(prime)
}

// isKnownPerfectNumber reports whether n is 2^(p-1) (2^p - 1) for one of
// the first twelve Mersenne prime exponents p.
func isKnownPerfectNumber(n *big.Int) bool {
	for _, p := range []int64{2, 3, 5, 7, 13, 17, 19, 31, 61, 89, 107, 127} {
		if new(big.Int).Mul(pow(2, p-1), mersenne(p)).Cmp(n) == 0 {
			return true
		}
	}

	return false
}

// checkSequenceClaim computes the claimed terms k!, F(k) or k(k+1)/2 by
// plain loops and compares them with n.
func checkSequenceClaim(n *big.Int, c claim) error {
	if len(c.numbers) == 0 {
		return fmt.Errorf("claim states no index")
	}

	for _, text := range c.numbers {
		k, ok := new(big.Int).SetString(text, 10)
		if !ok {
			return fmt.Errorf("invalid index %q", text)
		}

		term := new(big.Int)
		switch c.kind {
		case kindFactorial:
			term.MulRange(1, k.Int64())
		case kindFibonacci:
			a, b := big.NewInt(0), big.NewInt(1)
			for range k.Int64() {
				a, b = b, new(big.Int).Add(a, b)
			}

			term = a
		default:
			term.Mul(k, new(big.Int).Add(k, big.NewInt(1)))
			term.Rsh(term, 1)
		}

		if term.Cmp(n) != 0 {
			return fmt.Errorf("term %s is %s", text, term)
		}
	}

	return nil
}

// checkPowerClaim verifies base^exponent = n, with the base from the
// claim or, when the claim omits it, from f.PowerOf, and that the word
// square or cube matches the exponent.
func checkPowerClaim(n *big.Int, f Facts, c claim) error {
	base, exponent := f.PowerOf.Base, f.PowerOf.Exponent
	if len(c.numbers) == 2 {
		base = c.numbers[0]
		exponent, _ = strconv.Atoi(c.numbers[1])
	}

	b, _ := new(big.Int).SetString(base, 10)
	power := new(big.Int).Exp(b, big.NewInt(int64(exponent)), nil)
	square := strings.Contains(c.text, "square")
	cube := strings.Contains(c.text, "cube")

	return expectTrue(power.Cmp(n) == 0 && square == (exponent == 2) && cube == (exponent == 3))
}

// checkFactorizationClaim multiplies the factors written in the claim and
// checks that each is prime. A complete factorization must give n, and a
// partial one must leave a composite cofactor of the stated digit count.
func checkFactorizationClaim(n *big.Int, c claim) error {
	text := c.text[strings.IndexAny(c.text, "0123456789"):]
	text, cofactorDigits, partial := strings.Cut(text, " and a ")
	product := big.NewInt(1)
	for _, term := range strings.Split(text, " × ") {
		base, exp, _ := strings.Cut(term, "^")
		p, ok := new(big.Int).SetString(base, 10)
		if !ok || !p.ProbablyPrime(20) {
			return fmt.Errorf("factor %q is not prime", term)
		}

		e := int64(1)
		if exp != "" {
			e, _ = strconv.ParseInt(exp, 10, 64)
		}

		product.Mul(product, new(big.Int).Exp(p, big.NewInt(e), nil))
	}

	if !partial {
		return expectTrue(product.Cmp(n) == 0)
	}

	cofactor, remainder := new(big.Int).QuoRem(n, product, new(big.Int))
	digits := strings.ReplaceAll(strings.TrimSuffix(cofactorDigits, "-digit composite cofactor"), ",", "")

	return expectTrue(remainder.Sign() == 0 && !cofactor.ProbablyPrime(20) && digits == strconv.Itoa(len(cofactor.String())))
}

// digitSumByDivision returns the digit sum of n by repeated division by 10.
func digitSumByDivision(n *big.Int) int {
	sum := 0
	rest, digit := new(big.Int).Set(n), new(big.Int)
	ten := big.NewInt(10)
	for rest.Sign() > 0 {
		rest.QuoRem(rest, ten, digit)
		sum += int(digit.Int64())
	}

	return sum
}

// checkFractionClaim verifies the claims about a non-integer rational.
func checkFractionClaim(v *big.Rat, c claim) error {
	switch c.kind {
	case kindFraction:
		stated, ok := new(big.Rat).SetString(strings.TrimPrefix(c.text, "equal to "))
		return expectTrue(ok && stated.Cmp(v) == 0)
	case kindIntegerPart:
		return expectTrue(c.numbers[0] == new(big.Int).Quo(v.Num(), v.Denom()).String())
	case kindTerminating:
		_, _, rest := splitByDivision(v.Denom())
		return expectTrue(rest.Cmp(big.NewInt(1)) == 0)
	case kindRepeating:
		return checkRepeatingClaim(v, c)
	}

	return fmt.Errorf("unexpected claim kind %s", c.kind)
}

// splitByDivision writes den = 2^twos 5^fives rest by dividing by 2 and 5.
func splitByDivision(den *big.Int) (twos, fives int, rest *big.Int) {
	rest = new(big.Int).Set(den)
	remainder := new(big.Int)
	for _, p := range []int64{2, 5} {
		for {
			q, r := new(big.Int).QuoRem(rest, big.NewInt(p), remainder)
			if r.Sign() != 0 {
				break
			}

			rest = q
			if p == 2 {
				twos++
			} else {
				fives++
			}
		}
	}

	return twos, fives, rest
}

// checkRepeatingClaim verifies the shown start of the expansion by
// truncated division and the period by long division when the
// denominator is below a million.
func checkRepeatingClaim(v *big.Rat, c claim) error {
	if _, _, rest := splitByDivision(v.Denom()); rest.Cmp(big.NewInt(1)) == 0 {
		return fmt.Errorf("the expansion of %s terminates", v.RatString())
	}

	decimal, period := c.numbers[0], ""
	if len(c.numbers) > 1 {
		period = c.numbers[1]
	}

	_, fraction, _ := strings.Cut(decimal, ".")
	scaled := new(big.Rat).Mul(v, new(big.Rat).SetInt(pow(10, int64(len(fraction)))))
	truncated := new(big.Int).Quo(scaled.Num(), scaled.Denom())
	shownDigits, _ := new(big.Int).SetString(strings.Replace(decimal, ".", "", 1), 10)
	if shownDigits.Cmp(truncated) != 0 {
		return fmt.Errorf("decimal %s does not match the truncated value %s", decimal, truncated)
	}

	if period == "" || !v.Denom().IsInt64() || v.Denom().Int64() > 1_000_000 {
		return nil
	}

	return expectTrue(period == strconv.Itoa(longDivisionPeriod(v.Denom().Int64())))
}

// longDivisionPeriod returns the period of 1/den by long division, which
// equals the period of p/den for every p coprime to den.
func longDivisionPeriod(den int64) int {
	seen := map[int64]int{}
	remainder := int64(1)
	for position := 0; ; position++ {
		if start, ok := seen[remainder]; ok {
			return position - start
		}

		seen[remainder] = position
		remainder = remainder * 10 % den
	}
}
