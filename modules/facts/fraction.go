package facts

import (
	"context"
	"math/big"
	"strings"
)

// Limits on the decimal expansion of a fraction.
const (
	// maxRepetendDigits is the longest repeating block stored in Repetend.
	maxRepetendDigits = 60
	// minDecimalPlaces and maxDecimalPlaces bound the places shown in
	// Decimal after the leading zeros. Decimal shows the non-repeating
	// digits and one period when they fit.
	minDecimalPlaces = 12
	maxDecimalPlaces = 30
	// unknownPeriodPlaces is the number of places shown in Decimal when the
	// period is unknown.
	unknownPeriodPlaces = 20
)

// fractionFacts returns the facts of the non-integer rational v.
func fractionFacts(ctx context.Context, v *big.Rat) Facts {
	f := Facts{Exact: true, Negative: v.Sign() < 0}
	num := new(big.Int).Abs(v.Num())
	den := new(big.Int).Set(v.Denom())
	if num.BitLen()+den.BitLen() > maxDecimalBits {
		f.skip(CheckDecimal)
		f.skip(CheckRepeatingPeriod)
		return f
	}

	sign := ""
	if f.Negative {
		sign = "-"
	}

	f.Fraction = sign + num.String() + "/" + den.String()
	f.Value = f.Fraction
	integerPart := new(big.Int).Quo(num, den)
	f.IntegerPart = integerPart.String()
	if f.Negative && integerPart.Sign() != 0 {
		f.IntegerPart = "-" + f.IntegerPart
	}

	twos, fives, coprime := splitTwosAndFives(den)
	preperiod := max(twos, fives)
	if coprime.Cmp(big.NewInt(1)) == 0 {
		f.addTerminating(num, den, preperiod, sign)
		return f
	}

	f.Preperiod = preperiod
	f.addPeriod(ctx, num, den, coprime)
	zeros := leadingZerosBound(num, den)
	if len(f.IntegerPart) <= maxInlineDigits && zeros <= maxInlineDigits {
		f.Decimal = sign + truncatedDecimal(num, den, zeros+f.decimalPlaces()) + "…"
	}

	return f
}

// leadingZerosBound returns a lower bound on the number of zeros after the
// decimal point of num/den before its first nonzero digit, from the bit
// lengths: num/den < 2^-(bits(den) - 1 - bits(num)).
func leadingZerosBound(num, den *big.Int) int {
	const log10Of2 = 0.30103
	bits := den.BitLen() - 1 - num.BitLen()

	return max(int(float64(bits)*log10Of2)-1, 0)
}

// addTerminating sets Terminating and writes Value as the exact decimal of
// num/den with places digits after the point, unless that text would
// exceed maxDecimalBits.
func (f *Facts) addTerminating(num, den *big.Int, places int, sign string) {
	f.Terminating = true
	if num.BitLen()+4*places > maxDecimalBits {
		f.skip(CheckDecimal)
		return
	}

	f.Value = sign + truncatedDecimal(num, den, places)
}

// addPeriod sets RepeatingPeriod and Repetend, or PeriodUnknown, for the
// fraction num/den whose denominator without factors 2 and 5 is coprime.
func (f *Facts) addPeriod(ctx context.Context, num, den, coprime *big.Int) {
	period, ok := decimalPeriod(ctx, coprime)
	if !ok {
		f.PeriodUnknown = true
		f.skip(CheckRepeatingPeriod)
		return
	}

	f.RepeatingPeriod = period
	if period <= maxRepetendDigits {
		f.Repetend = repetend(num, den, f.Preperiod, period)
	}
}

// decimalPlaces returns the number of places to show in Decimal.
func (f *Facts) decimalPlaces() int {
	if f.PeriodUnknown {
		return unknownPeriodPlaces
	}

	return min(max(minDecimalPlaces, f.Preperiod+f.RepeatingPeriod), maxDecimalPlaces)
}

// splitTwosAndFives writes den = 2^twos 5^fives coprime.
func splitTwosAndFives(den *big.Int) (twos, fives int, coprime *big.Int) {
	twos = int(den.TrailingZeroBits())
	coprime = new(big.Int).Rsh(den, uint(twos))
	quotient, remainder := new(big.Int), new(big.Int)
	// 5^27 is the largest power of 5 below 2^63: dividing by it first keeps
	// the number of big divisions low for large powers of 5.
	for _, step := range []struct {
		divisor *big.Int
		count   int
	}{{big.NewInt(7450580596923828125), 27}, {big.NewInt(5), 1}} {
		for {
			quotient.QuoRem(coprime, step.divisor, remainder)
			if remainder.Sign() != 0 {
				break
			}

			coprime.Set(quotient)
			fives += step.count
		}
	}

	return twos, fives, coprime
}

// truncatedDecimal writes num/den truncated to places digits after the
// decimal point, for num >= 0 and den > 0.
func truncatedDecimal(num, den *big.Int, places int) string {
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(places)), nil)
	scaled := new(big.Int).Mul(num, scale)
	digits := scaled.Quo(scaled, den).String()
	if places == 0 {
		return digits
	}

	if len(digits) <= places {
		digits = strings.Repeat("0", places-len(digits)+1) + digits
	}

	point := len(digits) - places

	return digits[:point] + "." + digits[point:]
}

// repetend returns the repeating block of num/den, whose period starts
// after preperiod digits and has period digits.
func repetend(num, den *big.Int, preperiod, period int) string {
	// r/den is the fractional part of (num/den) 10^preperiod, which repeats
	// from the point on, so r/den = block / (10^period - 1).
	r := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(preperiod)), den)
	r.Mul(r, new(big.Int).Mod(num, den))
	r.Mod(r, den)

	nines := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(period)), nil)
	nines.Sub(nines, big.NewInt(1))
	block := r.Mul(r, nines)
	text := block.Quo(block, den).String()

	return strings.Repeat("0", period-len(text)) + text
}
