package facts

import (
	"context"
	"math/big"
	"slices"
	"testing"
	"time"
)

func TestComputeMillionDigitsWithinBudget(t *testing.T) {
	// 10^999999 + 1 has a million digits: 1, 999998 zeros and 1.
	n := new(big.Int).Add(pow(10, 999_999), big.NewInt(1))
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()

	f := Compute(ctx, "", new(big.Rat).SetInt(n))

	if f.Digits != 1_000_000 || f.DigitSum != 2 || f.DigitalRoot != 2 || !f.Palindrome || f.Even {
		t.Errorf("Digits, DigitSum, DigitalRoot, Palindrome, Even = %d, %d, %d, %v, %v, want 1000000, 2, 2, true, false",
			f.Digits, f.DigitSum, f.DigitalRoot, f.Palindrome, f.Even)
	}

	for _, check := range []string{CheckPrime, CheckFactorization, CheckPerfectPower, CheckTriangular,
		CheckFibonacci, CheckFactorial, CheckPerfectNumber} {
		if !slices.Contains(f.Skipped, check) {
			t.Errorf("Skipped = %q, want it to contain %q", f.Skipped, check)
		}
	}

	if f.Prime != nil || f.Factorization != nil {
		t.Errorf("Prime, Factorization = %+v, %+v, want nil for skipped checks", f.Prime, f.Factorization)
	}

	want := "A 1,000,000-digit number with leading digits 100000 is odd and a palindrome, with digit sum 2."
	if got := f.Sentence(); got != want {
		t.Errorf("Sentence() = %q, want %q", got, want)
	}
}

func TestComputeTooLargeForDecimal(t *testing.T) {
	n := new(big.Int).Lsh(big.NewInt(1), maxDecimalBits)

	f := Compute(context.Background(), "", new(big.Rat).SetInt(n))

	if f.Value != "" || f.BitLength != maxDecimalBits+1 || !slices.Contains(f.Skipped, CheckDigits) {
		t.Errorf("Value, BitLength, Skipped = %q, %d, %q, want empty, %d and %q skipped",
			f.Value, f.BitLength, f.Skipped, maxDecimalBits+1, CheckDigits)
	}

	want := "A 16,777,217-bit number is even."
	if got := f.Sentence(); got != want {
		t.Errorf("Sentence() = %q, want %q", got, want)
	}

	if err := CheckReply(f, f.Sentence()); err != nil {
		t.Errorf("CheckReply(Sentence()) = %v, want nil", err)
	}
}

func TestComputeHardSemiprimeIsPartial(t *testing.T) {
	p, q := nextPrime(pow(10, 24)), nextPrime(pow(10, 25))
	n := new(big.Int).Mul(p, q)
	n.Mul(n, big.NewInt(12))

	f := computeWithin(50*time.Millisecond, new(big.Rat).SetInt(n))

	fz := f.Factorization
	if fz == nil || !fz.Partial {
		t.Fatalf("Factorization = %+v, want a partial factorization", fz)
	}

	if want := new(big.Int).Mul(p, q).String(); fz.Cofactor != want {
		t.Errorf("Cofactor = %s, want %s", fz.Cofactor, want)
	}

	if want := "2^2 × 3 × " + fz.Cofactor; fz.Text != want {
		t.Errorf("Text = %q, want %q", fz.Text, want)
	}

	if f.Prime == nil || !f.Prime.Composite {
		t.Errorf("Prime = %+v, want composite", f.Prime)
	}
}

func TestComputeEndedContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	n := new(big.Int).Mul(nextPrime(pow(10, 30)), nextPrime(pow(10, 31)))

	f := Compute(ctx, "", new(big.Rat).SetInt(n))

	if f.Factorization != nil {
		t.Errorf("Factorization = %+v, want nil", f.Factorization)
	}

	want := []string{CheckPerfectPower, CheckTriangular, CheckFibonacci, CheckFactorial, CheckFactorization}
	if !slices.Equal(f.Skipped, want) {
		t.Errorf("Skipped = %q, want %q", f.Skipped, want)
	}

	if f.Prime == nil || !f.Prime.Composite || f.Digits != 62 {
		t.Errorf("Prime, Digits = %+v, %d, want composite and 62 digits from the steps that ignore ctx",
			f.Prime, f.Digits)
	}
}

func TestComputeWithoutDeadlineUsesDefaultBudget(t *testing.T) {
	n := new(big.Int).Mul(nextPrime(pow(10, 30)), nextPrime(pow(10, 31)))

	f := Compute(context.Background(), "", new(big.Rat).SetInt(n))

	if f.Factorization == nil || !f.Factorization.Partial {
		t.Errorf("Factorization = %+v, want a partial factorization after DefaultBudget", f.Factorization)
	}
}

func TestComputeHardPeriodIsUnknown(t *testing.T) {
	// The period of (pq - 1)/(pq) needs the factorization of pq, which
	// takes far longer than the budget.
	den := new(big.Int).Mul(nextPrime(pow(10, 30)), nextPrime(pow(10, 31)))
	num := new(big.Int).Sub(den, big.NewInt(1))

	f := computeWithin(20*time.Millisecond, new(big.Rat).SetFrac(num, den))

	if !f.PeriodUnknown || f.RepeatingPeriod != 0 || !slices.Contains(f.Skipped, CheckRepeatingPeriod) {
		t.Errorf("PeriodUnknown, RepeatingPeriod, Skipped = %v, %d, %q, want true, 0 and %q skipped",
			f.PeriodUnknown, f.RepeatingPeriod, f.Skipped, CheckRepeatingPeriod)
	}

	if f.Decimal == "" {
		t.Error("Decimal is empty, want the start of the expansion")
	}
}

// nextPrime returns the smallest probable prime above n.
func nextPrime(n *big.Int) *big.Int {
	p := new(big.Int).Add(n, big.NewInt(1))
	for !p.ProbablyPrime(20) {
		p.Add(p, big.NewInt(1))
	}

	return p
}
