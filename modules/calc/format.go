package calc

import (
	"context"
	"fmt"
	"math"
	"math/big"
	"strings"

	"emma/modules/bigmath"
)

// Result is an evaluated value ready to store.
type Result struct {
	// Value is decimal text without exponent notation. It is exact when the
	// decimal expansion terminates. A rational whose expansion repeats is
	// rounded half to even to SignificantDigits significant digits, or to a
	// whole number when its integer part has more digits than that. An
	// irrational value is truncated toward zero to the requested number of
	// digits after the point, so every shown digit is a digit of the true
	// expansion. For factor, Value is the factorization text.
	Value string
	// Exact is the exact form: the terminating decimal, the reduced fraction
	// "p/q" when the decimal repeats, the factorization text for factor,
	// and "" for irrational results.
	Exact string
	// Approximate reports whether Value differs from the exact value.
	Approximate bool
	// Rat is the exact value when it is rational, and nil for irrational
	// results and factorizations.
	Rat *big.Rat
}

// formatRat builds the Result of the exact value r.
func formatRat(ctx context.Context, r *big.Rat, lim limits) (Result, error) {
	if err := lim.checkRat(r); err != nil {
		return Result{}, err
	}

	places, terminates := decimalPlaces(r.Denom())
	if !terminates {
		return formatRepeating(ctx, r)
	}
	wholeDigits := decimalDigitsBound(r.Num()) - decimalDigitsBound(r.Denom())
	if total := places + max(wholeDigits, 1); total > lim.maxDigits {
		return Result{}, newError(CodeResultTooLarge,
			"the exact decimal result would have about %d digits, more than the limit of %d",
			total, lim.maxDigits)
	}
	scaled := new(big.Int).Mul(r.Num(), pow10(places))
	scaled.Quo(scaled, r.Denom())
	text, err := pointText(ctx, scaled, places)
	if err != nil {
		return Result{}, err
	}

	return Result{Value: text, Exact: text, Rat: r}, nil
}

// formatRepeating builds the Result of a rational whose decimal expansion
// does not terminate.
func formatRepeating(ctx context.Context, r *big.Rat) (Result, error) {
	value, err := roundSignificant(ctx, r, SignificantDigits)
	if err != nil {
		return Result{}, err
	}

	numerator, err := decimalString(ctx, r.Num())
	if err != nil {
		return Result{}, err
	}

	denominator, err := decimalString(ctx, r.Denom())
	if err != nil {
		return Result{}, err
	}

	exact := numerator + "/" + denominator
	return Result{Value: value, Exact: exact, Approximate: true, Rat: r}, nil
}

// decimalPlaces returns the number of digits after the point in the
// decimal expansion of 1/den, and false when that expansion repeats, which
// is when den has a prime factor other than 2 and 5.
func decimalPlaces(den *big.Int) (int, bool) {
	twos := den.TrailingZeroBits()
	rest := new(big.Int).Rsh(den, twos)
	fives, ok := powerOfFive(rest)
	if !ok {
		return 0, false
	}
	return int(max(twos, fives)), true
}

// powerOfFive returns k with n = 5^k, and false when n is not a power of 5.
func powerOfFive(n *big.Int) (uint, bool) {
	if n.Cmp(big.NewInt(1)) == 0 {
		return 0, true
	}
	if new(big.Int).Mod(n, big.NewInt(5)).Sign() != 0 {
		return 0, false
	}
	// 5^k has bit length floor(k log2 5) + 1, which pins k to two values.
	guess := uint(float64(n.BitLen()-1) / math.Log2(5))
	for _, k := range []uint{guess, guess + 1} {
		power := new(big.Int).Exp(big.NewInt(5), big.NewInt(int64(k)), nil)
		if power.Cmp(n) == 0 {
			return k, true
		}
	}
	return 0, false
}

// roundSignificant returns r rounded half to even to sig significant
// digits, or to a whole number when r has more than sig integer digits.
func roundSignificant(ctx context.Context, r *big.Rat, sig int) (string, error) {
	x := new(big.Rat).Abs(r)
	if x.Sign() == 0 {
		return "0", nil
	}
	places := max(0, sig-1-floorLog10(x))
	scaled := new(big.Int).Mul(x.Num(), pow10(places))
	q := roundHalfEven(scaled, x.Denom())
	// Rounding 9.99…96 up gives 10.00…0, one digit too many.
	if places > 0 && q.Cmp(pow10(sig)) >= 0 {
		q.Quo(q, big.NewInt(10))
		places--
	}
	if r.Sign() < 0 {
		q.Neg(q)
	}
	return pointText(ctx, q, places)
}

// roundHalfEven returns n/d rounded to the nearest integer, ties to even,
// for n >= 0 and d > 0.
func roundHalfEven(n, d *big.Int) *big.Int {
	q, m := new(big.Int).QuoRem(n, d, new(big.Int))
	switch m.Lsh(m, 1).Cmp(d) {
	case 1:
		q.Add(q, big.NewInt(1))
	case 0:
		if q.Bit(0) == 1 {
			q.Add(q, big.NewInt(1))
		}
	}
	return q
}

// floorLog10 returns k with 10^k <= x < 10^(k+1), for x > 0.
func floorLog10(x *big.Rat) int {
	estimate := float64(x.Num().BitLen()-x.Denom().BitLen()) * math.Log10(2)
	k := int(math.Floor(estimate))
	for x.Cmp(ratPow10(k)) < 0 {
		k--
	}
	for x.Cmp(ratPow10(k+1)) >= 0 {
		k++
	}
	return k
}

// ratPow10 returns 10^k for any integer k.
func ratPow10(k int) *big.Rat {
	if k >= 0 {
		return new(big.Rat).SetInt(pow10(k))
	}
	return new(big.Rat).SetFrac(big.NewInt(1), pow10(-k))
}

// pointText returns n / 10^places as decimal text with exactly places
// digits after the point.
func pointText(ctx context.Context, n *big.Int, places int) (string, error) {
	digits, err := decimalString(ctx, new(big.Int).Abs(n))
	if err != nil {
		return "", err
	}

	sign := ""
	if n.Sign() < 0 {
		sign = "-"
	}
	if places == 0 {
		return sign + digits, nil
	}
	if len(digits) <= places {
		digits = strings.Repeat("0", places-len(digits)+1) + digits
	}
	cut := len(digits) - places
	return sign + digits[:cut] + "." + digits[cut:], nil
}

// decimalString returns the base-10 text of n.
func decimalString(ctx context.Context, n *big.Int) (string, error) {
	text, err := bigmath.Decimal(ctx, n, nil)
	if err != nil {
		return "", contextError(ctx, fmt.Errorf("convert to decimal: %w", err))
	}

	return text, nil
}

// decimalDigitsBound returns an upper bound on the number of decimal
// digits of n, from its bit length.
func decimalDigitsBound(n *big.Int) int {
	return int(float64(n.BitLen())*math.Log10(2)) + 1
}
