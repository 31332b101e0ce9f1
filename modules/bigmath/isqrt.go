package bigmath

import "math/big"

// isqrtDirectBits is the bit length up to which isqrt calls big.Int.Sqrt.
// Above it, big.Int.Sqrt (Go 1.26) runs Newton's method from a power of two with a
// full-precision division per step, which is several times slower.
const isqrtDirectBits = 2048

// isqrt returns floor(sqrt(n)) for n >= 0. It takes the root of the top
// half of n recursively, which leaves an error below 2^k for a shift of k
// bits, and then one Newton step at full precision reduces the error below
// one. So the cost is about two full-precision divisions.
func isqrt(a arith, n *big.Int) (*big.Int, error) {
	if n.BitLen() <= isqrtDirectBits {
		return new(big.Int).Sqrt(n), nil
	}

	// With 2k <= bitLen/2 - 4 the Newton step below lands on floor(sqrt(n))
	// or one above it.
	k := uint(n.BitLen()/4 - 2)
	s, err := isqrt(a, new(big.Int).Rsh(n, 2*k))
	if err != nil {
		return nil, err
	}

	// For s > 0, floor((s + floor(n/s)) / 2) >= floor(sqrt(n)).
	s.Lsh(s, k)
	q, _, err := a.quoRem(n, s)
	if err != nil {
		return nil, err
	}

	s.Add(s, q).Rsh(s, 1)
	square, err := a.mul(s, s)
	if err != nil {
		return nil, err
	}

	if square.Cmp(n) > 0 {
		s.Sub(s, big.NewInt(1))
	}

	return s, nil
}
