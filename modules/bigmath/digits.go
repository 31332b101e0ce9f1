package bigmath

import (
	"math"
	"math/big"
)

// The estimators return log10 of a result, so its decimal digit count is
// floor(estimate)+1 for results of at least 1. They use float64 arithmetic
// with a relative error near 1e-15. The absolute error stays below one
// digit while the estimate is below about 1e14, which covers every result
// small enough to compute.

// stirlingMin is the smallest m for which lnFallingFactorial uses the
// difference of Stirling's series. Below it, n < 2m is small enough for
// the difference of two math.Lgamma values to keep 1e-8 absolute accuracy.
const stirlingMin = 1e6

// FactorialDigits returns log10(n!), which is 0 for n < 2.
func FactorialDigits(n uint64) float64 {
	return lnFactorial(n) / math.Ln10
}

// FibDigits returns log10(F(n)) for n >= 1 and 0 for n = 0, using
// F(n) ≈ phi^n / sqrt(5). The estimate is 0 for F(1) = F(2) = 1.
func FibDigits(n uint64) float64 {
	if n < 3 {
		return 0
	}

	phi := (1 + math.Sqrt(5)) / 2

	return float64(n)*math.Log10(phi) - math.Log10(math.Sqrt(5))
}

// PowDigits returns log10(|base|^exp). It returns 0 when the power is 0 or
// 1, which includes base 0 and exp 0.
func PowDigits(base *big.Int, exp uint64) float64 {
	if exp == 0 || base.Sign() == 0 {
		return 0
	}

	return float64(exp) * log10Abs(base)
}

// BinomialDigits returns log10 of the binomial coefficient C(n, k), which
// is 0 when k > n, where the coefficient is 0.
func BinomialDigits(n, k uint64) float64 {
	if k > n {
		return 0
	}

	k = min(k, n-k)
	ln := lnFallingFactorial(n, n-k) - lnFactorial(k)

	return max(ln, 0) / math.Ln10
}

// log10Abs returns log10(|x|) for x != 0 from its top 64 bits, so it works
// for values beyond the float64 range.
func log10Abs(x *big.Int) float64 {
	bitLen := x.BitLen()
	if bitLen <= 64 {
		return math.Log10(float64(new(big.Int).Abs(x).Uint64()))
	}

	top := new(big.Int).Rsh(new(big.Int).Abs(x), uint(bitLen-64))

	return math.Log10(float64(top.Uint64())) + float64(bitLen-64)*math.Log10(2)
}

// lnFactorial returns ln(n!).
func lnFactorial(n uint64) float64 {
	if n < 2 {
		return 0
	}

	lg, _ := math.Lgamma(float64(n) + 1)

	return lg
}

// lnFallingFactorial returns ln(n!/m!) for m <= n. For large m it uses the
// difference of Stirling's series in a form without cancellation:
// n ln n - m ln m = m ln(1 + k/m) + k ln n, where k = n - m.
func lnFallingFactorial(n, m uint64) float64 {
	if float64(m) < stirlingMin {
		return lnFactorial(n) - lnFactorial(m)
	}

	k := float64(n - m)
	nf, mf := float64(n), float64(m)
	ratio := math.Log1p(k / mf)

	return mf*ratio + k*math.Log(nf) - k + ratio/2 + 1/(12*nf) - 1/(12*mf)
}
