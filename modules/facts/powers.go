package facts

import (
	"context"
	"math"
	"math/big"
)

// addPowers sets PerfectSquare, PerfectCube, their roots and PowerOf for
// abs = |n|.
func (f *Facts) addPowers(ctx context.Context, abs *big.Int) {
	if abs.BitLen() > maxSequenceBits || ctx.Err() != nil {
		f.skip(CheckPerfectPower)
		return
	}

	// 0 and 1 are their own squares and cubes, and not written as b^k.
	if abs.Cmp(big.NewInt(2)) < 0 {
		f.PerfectSquare, f.SquareRoot = true, abs.String()
		f.PerfectCube, f.CubeRoot = true, abs.String()
		return
	}

	base, exp, ok := perfectPower(ctx, abs)
	if !ok {
		f.skip(CheckPerfectPower)
		return
	}

	if exp == 1 {
		return
	}

	f.PowerOf = &Power{Base: base.String(), Exponent: exp}
	if exp%2 == 0 {
		f.PerfectSquare = true
		f.SquareRoot = new(big.Int).Exp(base, big.NewInt(int64(exp/2)), nil).String()
	}

	if exp%3 == 0 {
		f.PerfectCube = true
		f.CubeRoot = new(big.Int).Exp(base, big.NewInt(int64(exp/3)), nil).String()
	}
}

// perfectPower writes n >= 2 as base^exp with the largest exp, which makes
// base the smallest. It takes exact k-th roots for each prime k while they
// exist, and returns ok = false when ctx ends first.
func perfectPower(ctx context.Context, n *big.Int) (base *big.Int, exp int, ok bool) {
	base, exp = n, 1
	for _, k := range primesUpTo(n.BitLen()) {
		// A k-th root of at least 2 needs at least k+1 bits.
		if k >= base.BitLen() {
			break
		}

		if ctx.Err() != nil {
			return nil, 0, false
		}

		for {
			root, exact := exactRoot(base, k)
			if !exact {
				break
			}

			base, exp = root, exp*k
		}
	}

	return base, exp, true
}

// exactRoot returns r and true when n = r^k, for n >= 2 and k >= 2.
func exactRoot(n *big.Int, k int) (*big.Int, bool) {
	if k == 2 {
		root := new(big.Int).Sqrt(n)
		return root, new(big.Int).Mul(root, root).Cmp(n) == 0
	}

	exponent := log2(n) / float64(k)
	if exponent < 32 {
		return smallExactRoot(n, k, exponent)
	}

	root := floorRoot(n, k, exponent)
	power := new(big.Int).Exp(root, big.NewInt(int64(k)), nil)

	return root, power.Cmp(n) == 0
}

// smallExactRoot is exactRoot for a root below 2^32, where the float
// estimate 2^exponent is within 1 of the root. It compares the low 64 bits
// of c^k and n before computing c^k in full.
func smallExactRoot(n *big.Int, k int, exponent float64) (*big.Int, bool) {
	mask := new(big.Int).SetUint64(math.MaxUint64)
	low := new(big.Int).And(n, mask).Uint64()
	estimate := uint64(math.Round(math.Exp2(exponent)))
	for c := max(estimate, 3) - 1; c <= estimate+1; c++ {
		if wrappingPow(c, k) != low {
			continue
		}

		root := new(big.Int).SetUint64(c)
		if new(big.Int).Exp(root, big.NewInt(int64(k)), nil).Cmp(n) == 0 {
			return root, true
		}
	}

	return nil, false
}

// wrappingPow returns c^k mod 2^64.
func wrappingPow(c uint64, k int) uint64 {
	result := uint64(1)
	for ; k > 0; k >>= 1 {
		if k&1 == 1 {
			result *= c
		}

		c *= c
	}

	return result
}

// floorRoot returns floor(n^(1/k)) by Newton's method, starting just above
// the float estimate 2^exponent, which is accurate to about 2^-37.
func floorRoot(n *big.Int, k int, exponent float64) *big.Int {
	whole := math.Floor(exponent)
	mantissa := uint64(math.Exp2(exponent - whole + 52))
	x := new(big.Int).SetUint64(mantissa + mantissa>>30 + 1)
	if shift := int(whole) - 52; shift >= 0 {
		x.Lsh(x, uint(shift))
	} else {
		x.Rsh(x, uint(-shift))
	}

	bigK, kMinus1 := big.NewInt(int64(k)), big.NewInt(int64(k-1))
	step := func(x *big.Int) *big.Int {
		y := new(big.Int).Exp(x, kMinus1, nil)
		y.Quo(n, y)
		y.Add(y, new(big.Int).Mul(x, kMinus1))
		return y.Quo(y, bigK)
	}

	// One step from any start lands at or above the floor of the root, and
	// from there the iteration decreases until it reaches it.
	x = step(x)
	for {
		y := step(x)
		if y.Cmp(x) >= 0 {
			return x
		}

		x = y
	}
}

// log2 returns log2(n) for n >= 1 from its top 64 bits.
func log2(n *big.Int) float64 {
	bits := n.BitLen()
	if bits <= 64 {
		return math.Log2(float64(n.Uint64()))
	}

	top := new(big.Int).Rsh(n, uint(bits-64)).Uint64()

	return math.Log2(float64(top)) + float64(bits-64)
}

// primesUpTo returns the primes <= limit by the sieve of Eratosthenes.
func primesUpTo(limit int) []int {
	composite := make([]bool, limit+1)
	var primes []int
	for i := 2; i <= limit; i++ {
		if composite[i] {
			continue
		}

		primes = append(primes, i)
		for j := i * i; j <= limit; j += i {
			composite[j] = true
		}
	}

	return primes
}
