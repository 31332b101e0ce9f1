package bigmath

import (
	"math/big"
)

// trialCheckEvery is the number of trial divisors between context checks.
const trialCheckEvery = 1024

// trialDivide removes the prime factors of x below trialDivisionLimit,
// records them, and returns the cofactor. When ctx ends it returns the
// cofactor left so far with the context error.
func (f *factorizer) trialDivide(x *big.Int) (*big.Int, error) {
	f.phase = "trial division"
	if twos := x.TrailingZeroBits(); twos > 0 {
		x.Rsh(x, twos)
		f.addPrime(big.NewInt(2), int(twos))
	}

	primes := smallOddPrimes(trialDivisionLimit)
	if x.IsUint64() {
		rest, err := f.trialDivide64(x.Uint64(), primes)
		return new(big.Int).SetUint64(rest), err
	}

	return f.trialDivideBig(x, primes)
}

// trialDivide64 is trialDivide for a cofactor that fits in a uint64. It
// stops early once q^2 > x, where the cofactor left is 1 or prime.
func (f *factorizer) trialDivide64(x uint64, primes []uint64) (uint64, error) {
	for i, q := range primes {
		if q*q > x {
			break
		}

		if i%trialCheckEvery == 0 {
			if err := f.ctx.Err(); err != nil {
				return x, err
			}
		}

		exp := 0
		for x%q == 0 {
			x /= q
			exp++
		}

		if exp > 0 {
			f.addPrime(new(big.Int).SetUint64(q), exp)
		}
	}

	return x, nil
}

// trialDivideBig is trialDivide for a large cofactor. It takes one big
// remainder per group of primes whose product fits in a word, and divides
// only by the primes that divide that remainder.
func (f *factorizer) trialDivideBig(x *big.Int, primes []uint64) (*big.Int, error) {
	groups := groupPrimes(primes)
	word, rem := new(big.Int), new(big.Int)

	for i, group := range groups {
		if i%(trialCheckEvery/4) == 0 {
			if err := f.ctx.Err(); err != nil {
				return x, err
			}
		}

		r := rem.Rem(x, word.SetUint64(group.product)).Uint64()
		for _, q := range group.primes {
			if r%q != 0 {
				continue
			}

			prime := new(big.Int).SetUint64(q)
			var exp int
			x, exp = removePowers(x, prime)
			f.addPrime(prime, exp)
		}
	}

	return x, nil
}

// removePowers returns x divided by the largest power of q that divides
// it, and that power's exponent. It divides by q, q^2, q^4, ... while they
// divide, then by the same powers in reverse, so it takes O(log exp)
// divisions instead of exp.
func removePowers(x, q *big.Int) (*big.Int, int) {
	powers := []*big.Int{q}
	quo, rem := new(big.Int), new(big.Int)
	exp := 0
	for i := 0; ; i++ {
		if i == len(powers) {
			powers = append(powers, new(big.Int).Mul(powers[i-1], powers[i-1]))
		}

		if quo.QuoRem(x, powers[i], rem); rem.Sign() != 0 {
			break
		}

		x, quo = quo, x
		exp += 1 << i
	}

	for i := len(powers) - 1; i >= 0; i-- {
		if quo.QuoRem(x, powers[i], rem); rem.Sign() == 0 {
			x, quo = quo, x
			exp += 1 << i
		}
	}

	return x, exp
}

// primeGroup is a run of primes and their product, which fits in a word.
type primeGroup struct {
	primes  []uint64
	product uint64
}

// groupPrimes splits primes into runs whose products fit in a uint64.
func groupPrimes(primes []uint64) []primeGroup {
	var groups []primeGroup
	start, product := 0, uint64(1)
	for i, q := range primes {
		if product > ^uint64(0)/q {
			groups = append(groups, primeGroup{primes[start:i], product})
			start, product = i, 1
		}

		product *= q
	}

	return append(groups, primeGroup{primes[start:], product})
}
