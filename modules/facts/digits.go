package facts

import "math/big"

// addDigitFacts sets Value, AbsoluteValue and the facts about the decimal
// digits of abs = |n|. Above maxDecimalBits it sets only BitLength.
func (f *Facts) addDigitFacts(abs *big.Int) {
	if abs.BitLen() > maxDecimalBits {
		f.BitLength = abs.BitLen()
		f.skip(CheckDigits)
		return
	}

	digits := abs.String()
	f.Value = digits
	if f.Negative {
		f.Value = "-" + digits
		f.AbsoluteValue = digits
	}

	f.Digits = len(digits)
	if len(digits) > maxInlineDigits {
		f.LeadingDigits = digits[:leadingDigitCount]
	}

	f.DigitSum = digitSum(digits)
	f.DigitalRoot = digitalRoot(f.DigitSum)
	f.Palindrome = isPalindrome(digits)
}

// digitSum returns the sum of the ASCII decimal digits in digits.
func digitSum(digits string) int {
	sum := 0
	for i := range len(digits) {
		sum += int(digits[i] - '0')
	}

	return sum
}

// digitalRoot returns the digital root of a number whose digit sum is sum.
// A number and its digit sum have the same digital root, which is 0 only
// for 0 and otherwise the number mod 9, with 9 in place of 0.
func digitalRoot(sum int) int {
	if sum == 0 {
		return 0
	}

	return 1 + (sum-1)%9
}

// isPalindrome reports whether s reads the same backwards.
func isPalindrome(s string) bool {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		if s[i] != s[j] {
			return false
		}
	}

	return true
}
