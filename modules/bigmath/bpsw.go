package bigmath

import (
	"context"
	"math/big"
)

// modularCheckEvery is the number of modular squarings between context
// checks in the primality tests.
const modularCheckEvery = 32

// bailliePSW runs the Baillie-PSW test on odd n > 3 that is not a perfect
// square: a Miller-Rabin round with base 2 and an extra strong Lucas test.
// Unlike big.Int.ProbablyPrime, it checks ctx every few dozen modular
// squarings.
func bailliePSW(ctx context.Context, n *big.Int) (bool, error) {
	prime, err := millerRabin(ctx, n, big.NewInt(2))
	if err != nil || !prime {
		return false, err
	}

	return extraStrongLucas(ctx, n)
}

// millerRabin reports whether odd n > 3 is a strong probable prime to the
// base a, with 1 < a < n-1.
func millerRabin(ctx context.Context, n, a *big.Int) (bool, error) {
	nMinusOne := new(big.Int).Sub(n, big.NewInt(1))
	s := nMinusOne.TrailingZeroBits()
	d := new(big.Int).Rsh(nMinusOne, s)
	x, err := modPow(ctx, a, d, n)
	if err != nil {
		return false, err
	}

	if x.Cmp(big.NewInt(1)) == 0 || x.Cmp(nMinusOne) == 0 {
		return true, nil
	}

	square := new(big.Int)
	for i := uint(1); i < s; i++ {
		if i%modularCheckEvery == 0 {
			if err := ctx.Err(); err != nil {
				return false, err
			}
		}

		x.Mod(square.Mul(x, x), n)
		if x.Cmp(nMinusOne) == 0 {
			return true, nil
		}
	}

	return false, nil
}

// modPow returns a^e mod n by left-to-right square-and-multiply.
func modPow(ctx context.Context, a, e, n *big.Int) (*big.Int, error) {
	result, product := big.NewInt(1), new(big.Int)
	for i := e.BitLen() - 1; i >= 0; i-- {
		if i%modularCheckEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}

		result.Mod(product.Mul(result, result), n)
		if e.Bit(i) == 1 {
			result.Mod(product.Mul(result, a), n)
		}
	}

	return result, nil
}

// extraStrongLucas runs the extra strong Lucas probable prime test on odd
// n > 3 that is not a perfect square. It takes Q = 1 and the smallest
// P >= 3 with Jacobi(P^2 - 4, n) = -1, writes n + 1 = d 2^s with d odd,
// and accepts n when U(d) = 0 and V(d) = ±2, or V(d 2^r) = 0 for some
// r < s-1, all mod n. Every prime passes.
func extraStrongLucas(ctx context.Context, n *big.Int) (bool, error) {
	p, composite := lucasParameter(n)
	if composite {
		return false, nil
	}

	nPlusOne := new(big.Int).Add(n, big.NewInt(1))
	s := nPlusOne.TrailingZeroBits()
	d := new(big.Int).Rsh(nPlusOne, s)
	v, vNext, err := lucasV(ctx, p, d, n)
	if err != nil {
		return false, err
	}

	// With Q = 1, (P^2 - 4) U(d) = 2 V(d+1) - P V(d), and P^2 - 4 is a unit
	// mod n, so U(d) = 0 exactly when 2 V(d+1) = P V(d).
	check := new(big.Int).Mul(big.NewInt(p), v)
	check.Sub(check, new(big.Int).Lsh(vNext, 1)).Mod(check, n)
	two := big.NewInt(2)
	if check.Sign() == 0 && (v.Cmp(two) == 0 || v.Cmp(new(big.Int).Sub(n, two)) == 0) {
		return true, nil
	}

	// V(2k) = V(k)^2 - 2 with Q = 1.
	square := new(big.Int)
	for r := uint(0); r+1 < s; r++ {
		if v.Sign() == 0 {
			return true, nil
		}

		v.Mod(square.Mul(v, v).Sub(square, two), n)
	}

	return false, nil
}

// lucasParameter returns the smallest P >= 3 with Jacobi(P^2 - 4, n) = -1,
// or composite = true when some P^2 - 4 shares a proper factor with n. A
// P for which n divides P^2 - 4, possible only for small prime n, is
// skipped.
func lucasParameter(n *big.Int) (p int64, composite bool) {
	discriminant, remainder := new(big.Int), new(big.Int)
	for p = 3; ; p++ {
		discriminant.SetInt64(p*p - 4)
		switch big.Jacobi(discriminant, n) {
		case -1:
			return p, false
		case 0:
			if remainder.Rem(discriminant, n).Sign() != 0 {
				return p, true
			}
		}
	}
}

// lucasV returns V(d) and V(d+1) mod n for the Lucas sequence with
// parameters P = p and Q = 1, by the ladder V(2k) = V(k)^2 - 2 and
// V(2k+1) = V(k) V(k+1) - P.
func lucasV(ctx context.Context, p int64, d, n *big.Int) (v, vNext *big.Int, err error) {
	bigP := big.NewInt(p)
	two := big.NewInt(2)
	v, vNext = big.NewInt(2), new(big.Int).Set(bigP)
	product := new(big.Int)
	for i := d.BitLen() - 1; i >= 0; i-- {
		if i%modularCheckEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, nil, err
			}
		}

		product.Mul(v, vNext).Sub(product, bigP)
		if d.Bit(i) == 1 {
			v.Mod(product, n)
			vNext.Mod(product.Mul(vNext, vNext).Sub(product, two), n)
		} else {
			vNext.Mod(product, n)
			v.Mod(product.Mul(v, v).Sub(product, two), n)
		}
	}

	return v, vNext, nil
}
