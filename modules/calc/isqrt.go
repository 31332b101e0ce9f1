package calc

import "math/big"

// isqrtDirectBits is the bit length up to which isqrt calls big.Int.Sqrt.
const isqrtDirectBits = 4096

// isqrt returns floor(sqrt(n)) for n >= 0. big.Int.Sqrt runs Newton's
// method from a power of two, which takes one long division per bit of
// accuracy doubling. isqrt instead takes the root of the top half of n
// recursively and finishes with two or three Newton steps, so its cost is
// a few long divisions.
func isqrt(n *big.Int) *big.Int {
	if n.BitLen() <= isqrtDirectBits {
		return new(big.Int).Sqrt(n)
	}
	// With k = bitlen/4, r = isqrt(n / 4^k) gives r * 2^k <= sqrt(n) <
	// (r+1) * 2^k, an error far below sqrt(n) that Newton's method squares.
	k := uint(n.BitLen() / 4)
	root := isqrt(new(big.Int).Rsh(n, 2*k))
	root.Add(root, bigOne).Lsh(root, k)
	// From any start at or above floor(sqrt(n)), Newton's integer steps
	// decrease until they reach floor(sqrt(n)) and then stop decreasing.
	quotient := new(big.Int)
	for {
		quotient.Quo(n, root)
		next := new(big.Int).Add(root, quotient)
		next.Rsh(next, 1)
		if next.Cmp(root) >= 0 {
			return root
		}
		root = next
	}
}
