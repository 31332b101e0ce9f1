package bigmath

import (
	"math/big"
	"math/bits"
)

// rhoBatch is the number of rho steps whose differences are multiplied
// together before one gcd, as in Brent's variant. The context is checked
// once per batch.
const rhoBatch = 128

// findFactor returns a nontrivial factor of the composite x. It tries the
// rho polynomials y^2 + c for c = 1, 2, ... until one splits x, and returns
// ctx.Err() when the context ends first.
func (f *factorizer) findFactor(x *big.Int) (*big.Int, error) {
	f.phase = "pollard rho"
	if root, ok := exactSqrt(x); ok {
		return root, nil
	}
	// Trial division has removed every factor below 2^16, so a base of a
	// perfect power has at least 16 bits.
	if root, ok := perfectPowerBase(x, 16); ok {
		return root, nil
	}

	for c := uint64(1); ; c++ {
		var d *big.Int
		var err error
		if x.IsUint64() {
			var d64 uint64
			d64, err = f.rho64(x.Uint64(), c)
			d = new(big.Int).SetUint64(d64)
		} else {
			d, err = f.rhoBig(x, c)
		}

		if err != nil {
			return nil, err
		}

		if d.Cmp(x) != 0 {
			return d, nil
		}
	}
}

// rho64 runs Brent's rho on odd n < 2^64 with the polynomial y^2 + c and
// returns a divisor > 1 of n, which is n itself when this c fails. It keeps
// y and c in Montgomery form, which represents v as v 2^64 mod n. The
// sequence then has the same values as with plain arithmetic, and gcds
// with n are unchanged because 2^64 is coprime to n.
func (f *factorizer) rho64(n, c uint64) (uint64, error) {
	m := newMontgomery(n)
	addend := m.fromInt(c % n)
	step := func(y uint64) uint64 {
		s, carry := bits.Add64(m.mul(y, y), addend, 0)
		if carry != 0 || s >= n {
			s -= n
		}

		return s
	}

	y, q, g := m.fromInt(2), m.fromInt(1), uint64(1)
	var x, saved uint64
	for r := 1; g == 1; r *= 2 {
		x = y
		for i := 0; i < r; i++ {
			y = step(y)
			if i%(rhoBatch*8) == 0 {
				if err := f.ctx.Err(); err != nil {
					return 0, err
				}
			}
		}

		for k := 0; k < r && g == 1; k += rhoBatch {
			if err := f.ctx.Err(); err != nil {
				return 0, err
			}

			saved = y
			for range min(rhoBatch, r-k) {
				y = step(y)
				q = m.mul(q, absDiff(x, y))
			}

			g = gcd64(q, n)
		}
	}

	if g == n {
		g = f.backtrack64(x, saved, step, n)
	}

	return g, nil
}

// backtrack64 redoes the steps of the last batch from saved, one gcd per
// step, because their product was 0 mod n. It returns n when the sequence
// meets x, so that the caller tries another polynomial.
func (f *factorizer) backtrack64(x, saved uint64, step func(uint64) uint64, n uint64) uint64 {
	for {
		saved = step(saved)
		if g := gcd64(absDiff(x, saved), n); g > 1 {
			return g
		}
	}
}

// absDiff returns |a - b|.
func absDiff(a, b uint64) uint64 {
	if a > b {
		return a - b
	}

	return b - a
}

// gcd64 returns the greatest common divisor of a and b.
func gcd64(a, b uint64) uint64 {
	for b != 0 {
		a, b = b, a%b
	}

	return a
}
