package bigmath

import "math/bits"

// montgomery holds the constants of Montgomery multiplication modulo an
// odd n < 2^64 with R = 2^64. It replaces the 128-by-64-bit division of
// mulMod64 with two multiplications.
type montgomery struct {
	n uint64
	// negInverse is -1/n mod 2^64.
	negInverse uint64
	// rModN is 2^64 mod n.
	rModN uint64
}

// newMontgomery returns the constants for the odd modulus n.
func newMontgomery(n uint64) montgomery {
	// Every odd n is its own inverse mod 8, and each Newton step
	// inverse = inverse (2 - n inverse) doubles the correct low bits:
	// 3, 6, 12, 24, 48, 96.
	inverse := n
	for range 5 {
		inverse *= 2 - n*inverse
	}

	return montgomery{n: n, negInverse: -inverse, rModN: -n % n}
}

// fromInt returns v 2^64 mod n, the Montgomery form of v < n.
func (m montgomery) fromInt(v uint64) uint64 {
	return mulMod64(v, m.rModN, m.n)
}

// toInt returns v from its Montgomery form a.
func (m montgomery) toInt(a uint64) uint64 {
	return m.reduce(0, a)
}

// mul returns the Montgomery form of the product of the values whose
// Montgomery forms are a, b < n.
func (m montgomery) mul(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)

	return m.reduce(hi, lo)
}

// reduce returns t / 2^64 mod n for t = hi 2^64 + lo < n 2^64. Adding
// u n with u = lo (-1/n) mod 2^64 clears the low word, and the high word
// is then below 2n, so one conditional subtraction finishes.
func (m montgomery) reduce(hi, lo uint64) uint64 {
	u := lo * m.negInverse
	uHigh, uLow := bits.Mul64(u, m.n)
	_, carry := bits.Add64(lo, uLow, 0)
	t, overflow := bits.Add64(hi, uHigh, carry)
	if overflow != 0 || t >= m.n {
		t -= m.n
	}

	return t
}
