package bigmath

import "math/big"

// exactRoot returns the k-th root of x > 0 when x is a perfect k-th power.
// It runs Newton's iteration on integers from an upper bound, which
// decreases monotonically to the floor of the root.
func exactRoot(x *big.Int, k int) (*big.Int, bool) {
	if x.Sign() <= 0 || k < 2 {
		return nil, false
	}
	kBig := big.NewInt(int64(k))
	km1 := big.NewInt(int64(k - 1))
	// 2^ceil(bits/k) is above the root.
	r := new(big.Int).Lsh(big.NewInt(1), uint((x.BitLen()+k-1)/k))
	pow, next := new(big.Int), new(big.Int)
	for {
		// next = ((k-1) r + x / r^(k-1)) / k
		pow.Exp(r, km1, nil)
		next.Quo(x, pow)
		next.Add(next, pow.Mul(km1, r))
		next.Quo(next, kBig)
		if next.Cmp(r) >= 0 {
			break
		}
		r.Set(next)
	}
	return r, pow.Exp(r, kBig, nil).Cmp(x) == 0
}

// perfectPowerBase returns a base b > 1 with b^k = x for the largest
// prime-power split it finds, trying odd prime exponents up to what a base
// of at least minBase bits allows. Pollard's rho needs about sqrt(p)
// steps to split p^k, so powers of large primes must be found this way.
func perfectPowerBase(x *big.Int, minBase int) (*big.Int, bool) {
	maxK := x.BitLen() / max(minBase, 1)
	for k := 3; k <= maxK; k += 2 {
		if !isSmallPrime(k) {
			continue
		}
		if root, ok := exactRoot(x, k); ok {
			return root, true
		}
	}
	return nil, false
}

func isSmallPrime(k int) bool {
	for d := 2; d*d <= k; d++ {
		if k%d == 0 {
			return false
		}
	}
	return k >= 2
}
