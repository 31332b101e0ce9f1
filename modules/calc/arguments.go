package calc

import (
	"math/big"
)

// integerArgument returns v as an integer, or a CodeDomain error naming
// the function when v is not an exact whole number.
func integerArgument(v value, function string) (*big.Int, error) {
	if v.approx != nil {
		return nil, newError(CodeDomain,
			"%s requires a whole number, but its argument is approximate", function)
	}
	if !v.rat.IsInt() {
		return nil, newError(CodeDomain, "%s requires a whole number, got %s",
			function, describeRat(v.rat))
	}
	return v.rat.Num(), nil
}

// countArgument returns v as a non-negative integer that fits in uint64.
// Larger integers give a CodeResultTooLarge error, since every function
// that takes a count would return more than MaxResultDigits digits.
func countArgument(v value, function string) (uint64, error) {
	n, err := integerArgument(v, function)
	if err != nil {
		return 0, err
	}

	if n.Sign() < 0 {
		return 0, newError(CodeDomain, "%s is not defined for negative numbers, got %s",
			function, describeInt(n))
	}
	if !n.IsUint64() {
		return 0, newError(CodeResultTooLarge,
			"%s(%s) would have more than %d digits", function, describeInt(n), MaxResultDigits)
	}
	return n.Uint64(), nil
}

// digitsArgument returns v as a digit count between least and
// MaxPrecision.
func digitsArgument(v value, function string, least int) (int, error) {
	n, err := integerArgument(v, function+" digits")
	if err != nil {
		return 0, err
	}

	if n.Cmp(big.NewInt(int64(least))) < 0 {
		return 0, newError(CodeDomain, "the digits argument of %s must be at least %d, got %s",
			function, least, describeInt(n))
	}
	if n.Cmp(big.NewInt(MaxPrecision)) > 0 {
		return 0, newError(CodeResultTooLarge,
			"the digits argument of %s must be at most %d, got %s",
			function, MaxPrecision, describeInt(n))
	}
	return int(n.Int64()), nil
}
