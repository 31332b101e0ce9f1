package facts

import (
	"context"
	"math/big"
	"slices"
	"strings"
	"testing"
)

func TestComputeRepresentativeValues(t *testing.T) {
	tests := []struct {
		value    string
		sentence string
		lines    []string
	}{
		{value: "0",
			sentence: "0 is even, neither positive nor negative, and neither prime nor composite.",
			lines: []string{"value: 0", "type: integer", "sign: zero", "parity: even", "digits: 1",
				"digit_sum: 0", "digital_root: 0", "palindrome: yes", "prime: no, neither prime nor composite",
				"perfect_square: 0^2", "perfect_cube: 0^3", "triangular_index: 0", "fibonacci_index: 0"}},
		{value: "1",
			sentence: "1 is neither prime nor composite, odd, equal to 0! and 1!, and the 1st and 2nd Fibonacci number.",
			lines: []string{"value: 1", "type: integer", "sign: positive", "parity: odd", "digits: 1",
				"digit_sum: 1", "digital_root: 1", "palindrome: yes", "prime: no, neither prime nor composite",
				"perfect_square: 1^2", "perfect_cube: 1^3", "triangular_index: 1", "fibonacci_index: 1, 2",
				"factorial_of: 0, 1"}},
		{value: "2",
			sentence: "2 is prime, even, the factorial 2!, and the 3rd Fibonacci number.",
			lines: []string{"value: 2", "type: integer", "sign: positive", "parity: even", "digits: 1",
				"digit_sum: 2", "digital_root: 2", "palindrome: yes", "prime: yes (deterministic test)",
				"factorization: 2", "fibonacci_index: 3", "factorial_of: 2"}},
		{value: "6",
			sentence: "6 is a perfect number, even, the factorial 3!, and the 3rd triangular number, " +
				"with prime factorization 2 × 3.",
			lines: []string{"value: 6", "type: integer", "sign: positive", "parity: even", "digits: 1",
				"digit_sum: 6", "digital_root: 6", "palindrome: yes", "prime: no, composite",
				"factorization: 2 × 3", "triangular_index: 3", "factorial_of: 3", "perfect_number: yes"}},
		{value: "28",
			sentence: "28 is a perfect number, even, and the 7th triangular number, " +
				"with prime factorization 2^2 × 7 and digit sum 10.",
			lines: []string{"value: 28", "type: integer", "sign: positive", "parity: even", "digits: 2",
				"digit_sum: 10", "digital_root: 1", "palindrome: no", "prime: no, composite",
				"factorization: 2^2 × 7", "triangular_index: 7", "perfect_number: yes"}},
		{value: "120",
			sentence: "120 is the factorial 5!, even, and the 15th triangular number, " +
				"with prime factorization 2^3 × 3 × 5 and digit sum 3.",
			lines: []string{"value: 120", "type: integer", "sign: positive", "parity: even", "digits: 3",
				"digit_sum: 3", "digital_root: 3", "palindrome: no", "prime: no, composite",
				"factorization: 2^3 × 3 × 5", "triangular_index: 15", "factorial_of: 5"}},
		{value: "144",
			sentence: "144 is the 12th Fibonacci number, even, and the perfect square 12^2, " +
				"with prime factorization 2^4 × 3^2 and digit sum 9.",
			lines: []string{"value: 144", "type: integer", "sign: positive", "parity: even", "digits: 3",
				"digit_sum: 9", "digital_root: 9", "palindrome: no", "prime: no, composite",
				"factorization: 2^4 × 3^2", "perfect_square: 12^2", "perfect_power: 12^2", "fibonacci_index: 12"}},
		{value: "496",
			sentence: "496 is a perfect number, even, and the 31st triangular number, " +
				"with prime factorization 2^4 × 31 and digit sum 19.",
			lines: []string{"value: 496", "type: integer", "sign: positive", "parity: even", "digits: 3",
				"digit_sum: 19", "digital_root: 1", "palindrome: no", "prime: no, composite",
				"factorization: 2^4 × 31", "triangular_index: 31", "perfect_number: yes"}},
		{value: "1001",
			sentence: "1001 is odd, composite, and a palindrome, with prime factorization 7 × 11 × 13 and digit sum 2.",
			lines: []string{"value: 1001", "type: integer", "sign: positive", "parity: odd", "digits: 4",
				"digit_sum: 2", "digital_root: 2", "palindrome: yes", "prime: no, composite",
				"factorization: 7 × 11 × 13"}},
		{value: "3821",
			sentence: "3821 is prime and odd, with digit sum 14.",
			lines: []string{"value: 3821", "type: integer", "sign: positive", "parity: odd", "digits: 4",
				"digit_sum: 14", "digital_root: 5", "palindrome: no", "prime: yes (deterministic test)",
				"factorization: 3821"}},
		{value: "-7",
			sentence: "-7 is negative and odd, and its absolute value 7 is a Mersenne prime (2^3 - 1).",
			lines: []string{"value: -7", "type: integer", "sign: negative", "parity: odd", "absolute_value: 7",
				"absolute_value_digits: 1", "absolute_value_digit_sum: 7", "absolute_value_digital_root: 7",
				"absolute_value_palindrome: yes", "absolute_value_prime: yes (deterministic test)",
				"absolute_value_mersenne_prime: 2^3 - 1", "absolute_value_factorization: 7"}},
		{value: mersenne(61).String(),
			sentence: "2305843009213693951 is a Mersenne prime (2^61 - 1) and odd, with digit sum 73.",
			lines: []string{"value: 2305843009213693951", "type: integer", "sign: positive", "parity: odd",
				"digits: 19", "digit_sum: 73", "digital_root: 1", "palindrome: no",
				"prime: yes (deterministic test)", "mersenne_prime: 2^61 - 1",
				"factorization: 2305843009213693951"}},
		{value: pow(10, 30).String(),
			sentence: "1000000000000000000000000000000 is the perfect power 10^30 and even, " +
				"with prime factorization 2^30 × 5^30 and digit sum 1.",
			lines: []string{"value: 1000000000000000000000000000000", "type: integer", "sign: positive",
				"parity: even", "digits: 31", "digit_sum: 1", "digital_root: 1", "palindrome: no",
				"prime: no, composite", "factorization: 2^30 × 5^30", "perfect_square: 1000000000000000^2",
				"perfect_cube: 10000000000^3", "perfect_power: 10^30"}},
		{value: "1/3",
			sentence: "1/3 is positive, with repeating decimal expansion 0.333333333333… (period 1) and integer part 0.",
			lines: []string{"value: 1/3", "type: fraction", "sign: positive", "fraction: 1/3", "integer_part: 0",
				"decimal_expansion: repeating", "decimal_start: 0.333333333333…", "repeating_period: 1",
				"repeating_digits: 3"}},
		{value: "1/7",
			sentence: "1/7 is positive, with repeating decimal expansion 0.142857142857… (period 6) and integer part 0.",
			lines: []string{"value: 1/7", "type: fraction", "sign: positive", "fraction: 1/7", "integer_part: 0",
				"decimal_expansion: repeating", "decimal_start: 0.142857142857…", "repeating_period: 6",
				"repeating_digits: 142857"}},
		{value: "0.5",
			sentence: "0.5 is positive and equal to 1/2, with a terminating decimal expansion and integer part 0.",
			lines: []string{"value: 0.5", "type: fraction", "sign: positive", "fraction: 1/2", "integer_part: 0",
				"decimal_expansion: terminating"}},
		{value: "22/7",
			sentence: "22/7 is positive, with repeating decimal expansion 3.142857142857… (period 6) and integer part 3.",
			lines: []string{"value: 22/7", "type: fraction", "sign: positive", "fraction: 22/7", "integer_part: 3",
				"decimal_expansion: repeating", "decimal_start: 3.142857142857…", "repeating_period: 6",
				"repeating_digits: 142857"}},
		{value: "-1/6",
			sentence: "-1/6 is negative, with repeating decimal expansion -0.166666666666… (period 1) and integer part 0.",
			lines: []string{"value: -1/6", "type: fraction", "sign: negative", "fraction: -1/6", "integer_part: 0",
				"decimal_expansion: repeating", "decimal_start: -0.166666666666…", "digits_before_repeating: 1",
				"repeating_period: 1", "repeating_digits: 6"}},
	}

	for _, tt := range tests {
		t.Run(tt.value, func(t *testing.T) {
			f := computeWithin(testBudget, mustRat(t, tt.value))
			if got := f.Sentence(); got != tt.sentence {
				t.Errorf("Sentence() = %q, want %q", got, tt.sentence)
			}

			if got := f.Lines(); !slices.Equal(got, tt.lines) {
				t.Errorf("Lines() = %q, want %q", got, tt.lines)
			}
		})
	}
}

func TestComputeThousandDigitPower(t *testing.T) {
	// 2^3321 has 1000 digits and is a cube, 2^3321 = (2^1107)^3.
	n := pow(2, 3321)
	f := computeWithin(testBudget, new(big.Rat).SetInt(n))

	if f.Digits != 1000 {
		t.Errorf("Digits = %d, want 1000", f.Digits)
	}

	if f.Prime == nil || !f.Prime.Composite {
		t.Errorf("Prime = %+v, want composite", f.Prime)
	}

	if f.Factorization == nil || f.Factorization.Text != "2^3321" {
		t.Errorf("Factorization = %+v, want text 2^3321", f.Factorization)
	}

	if f.PowerOf == nil || *f.PowerOf != (Power{Base: "2", Exponent: 3321}) {
		t.Errorf("PowerOf = %+v, want 2^3321", f.PowerOf)
	}

	if want := pow(2, 1107).String(); !f.PerfectCube || f.CubeRoot != want {
		t.Errorf("PerfectCube, CubeRoot = %v, %s, want true, %s", f.PerfectCube, f.CubeRoot, want)
	}

	if f.PerfectSquare {
		t.Error("PerfectSquare = true, want false for an odd exponent")
	}

	if len(f.Skipped) != 0 {
		t.Errorf("Skipped = %q, want none", f.Skipped)
	}

	wantStart := "A 1,000-digit number with leading digits " + n.String()[:6] + " is the perfect power 2^3321"
	if got := f.Sentence(); !strings.HasPrefix(got, wantStart) {
		t.Errorf("Sentence() = %q, want prefix %q", got, wantStart)
	}
}

func TestComputeApproximation(t *testing.T) {
	tests := []struct {
		text     string
		sentence string
		lines    []string
	}{
		{text: "1.4142135623730951",
			sentence: "The result is approximately 1.4142135623730951 and positive.",
			lines: []string{"type: approximation of an irrational result",
				"value: approximately 1.4142135623730951", "sign: positive", "significant_digits: 17"}},
		{text: " -2.5e-7 ",
			sentence: "The result is approximately -2.5e-7 and negative.",
			lines: []string{"type: approximation of an irrational result", "value: approximately -2.5e-7",
				"sign: negative", "significant_digits: 2"}},
		{text: "0.000",
			sentence: "The result is approximately 0.000.",
			lines:    []string{"type: approximation of an irrational result", "value: approximately 0.000"}},
		{text: "3." + strings.Repeat("1", 100),
			sentence: "The result is positive, with an approximation to 101 significant digits.",
			lines: []string{"type: approximation of an irrational result", "sign: positive",
				"significant_digits: 101"}},
		{text: "NaN",
			sentence: "No verified facts are available for this result.",
			lines:    []string{"value: not a number"}},
		{text: "1e99999999999999999999",
			sentence: "No verified facts are available for this result.",
			lines:    []string{"value: not a number"}},
	}

	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			f := Compute(context.Background(), tt.text, nil)
			if f.Exact {
				t.Error("Exact = true, want false")
			}

			if got := f.Sentence(); got != tt.sentence {
				t.Errorf("Sentence() = %q, want %q", got, tt.sentence)
			}

			if got := f.Lines(); !slices.Equal(got, tt.lines) {
				t.Errorf("Lines() = %q, want %q", got, tt.lines)
			}
		})
	}
}

func TestSentenceOfZeroFacts(t *testing.T) {
	var f Facts

	if got := f.Sentence(); got != noFactsSentence {
		t.Errorf("Sentence() = %q, want %q", got, noFactsSentence)
	}

	if got, want := f.Lines(), []string{"value: not a number"}; !slices.Equal(got, want) {
		t.Errorf("Lines() = %q, want %q", got, want)
	}
}
