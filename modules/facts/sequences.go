package facts

import (
	"context"
	"math"
	"math/big"

	"emma/modules/bigmath"
)

// factorialCheckEvery is the number of divisions between context checks in
// addFactorial.
const factorialCheckEvery = 64

// addTriangular sets Triangular for abs = |n|. n = k(k+1)/2 holds iff
// 8n + 1 = (2k + 1)^2.
func (f *Facts) addTriangular(ctx context.Context, abs *big.Int) {
	if abs.BitLen() > maxSequenceBits || ctx.Err() != nil {
		f.skip(CheckTriangular)
		return
	}

	m := new(big.Int).Lsh(abs, 3)
	m.Add(m, big.NewInt(1))
	root := new(big.Int).Sqrt(m)
	if new(big.Int).Mul(root, root).Cmp(m) != 0 {
		return
	}

	k := root.Rsh(root, 1)
	f.Triangular = k.String()
}

// addFibonacci sets Fibonacci for abs = |n|. Gessel's test selects the
// candidates: n is a Fibonacci number iff 5n^2 + 4 or 5n^2 - 4 is a perfect
// square. The index comes from F(k) ≈ phi^k / sqrt(5) and is confirmed by
// computing F(k).
func (f *Facts) addFibonacci(ctx context.Context, abs *big.Int) {
	if abs.BitLen() > maxSequenceBits || ctx.Err() != nil {
		f.skip(CheckFibonacci)
		return
	}

	switch abs.Cmp(big.NewInt(1)) {
	case -1:
		f.Fibonacci = []int{0}
		return
	case 0:
		f.Fibonacci = []int{1, 2}
		return
	}

	if !isFibonacciCandidate(abs) {
		return
	}

	index, err := fibonacciIndex(ctx, abs)
	if err != nil {
		f.skip(CheckFibonacci)
		return
	}

	if index > 0 {
		f.Fibonacci = []int{index}
	}
}

// isFibonacciCandidate reports whether 5n^2 + 4 or 5n^2 - 4 is a square.
func isFibonacciCandidate(n *big.Int) bool {
	m := new(big.Int).Mul(n, n)
	m.Mul(m, big.NewInt(5))
	for _, delta := range []int64{4, -4} {
		x := new(big.Int).Add(m, big.NewInt(delta))
		root := new(big.Int).Sqrt(x)
		if root.Mul(root, root).Cmp(x) == 0 {
			return true
		}
	}

	return false
}

// fibonacciIndex returns k with F(k) = n for n >= 2, or 0 when no index
// near the estimate log_phi(n sqrt(5)) matches.
func fibonacciIndex(ctx context.Context, n *big.Int) (int, error) {
	phi := (1 + math.Sqrt(5)) / 2
	estimate := (log2(n) + math.Log2(math.Sqrt(5))) / math.Log2(phi)
	center := int(math.Round(estimate))
	for _, k := range []int{center, center - 1, center + 1} {
		if k < 3 {
			continue
		}

		fib, err := bigmath.Fib(ctx, uint64(k), nil)
		if err != nil {
			return 0, err
		}

		if fib.Cmp(n) == 0 {
			return k, nil
		}
	}

	return 0, nil
}

// addFactorial sets Factorial for abs = |n| by dividing by 2, 3, 4, ...
// until the quotient is 1, which makes n the factorial of the last divisor,
// or a division leaves a remainder.
func (f *Facts) addFactorial(ctx context.Context, abs *big.Int) {
	if abs.BitLen() > maxSequenceBits || ctx.Err() != nil {
		f.skip(CheckFactorial)
		return
	}

	switch abs.Cmp(big.NewInt(1)) {
	case -1:
		return
	case 0:
		f.Factorial = []int{0, 1}
		return
	}

	quotient, remainder := new(big.Int).Set(abs), new(big.Int)
	divisor := new(big.Int)
	for k := 2; ; k++ {
		if k%factorialCheckEvery == 0 && ctx.Err() != nil {
			f.skip(CheckFactorial)
			return
		}

		quotient.QuoRem(quotient, divisor.SetInt64(int64(k)), remainder)
		if remainder.Sign() != 0 {
			return
		}

		if quotient.Cmp(big.NewInt(1)) == 0 {
			f.Factorial = []int{k}
			return
		}
	}
}
