package bigmath

import (
	"math/big"
	"math/bits"
)

// Primality methods returned by IsPrime and IsPrimeContext.
const (
	// MethodDeterministic means the result is proven: n is below 2^64,
	// where Miller-Rabin with the first twelve prime bases has no
	// pseudoprimes.
	MethodDeterministic = "deterministic"
	// MethodBailliePSW means n was tested with Baillie-PSW plus extra
	// Miller-Rabin rounds. A composite result is certain. A prime result is
	// probable, but no composite that passes Baillie-PSW is known.
	MethodBailliePSW = "baillie-psw"
)

// extraMillerRabinRounds is the number of Miller-Rabin rounds with
// pseudorandom bases that IsPrime adds to Baillie-PSW above 2^64.
const extraMillerRabinRounds = 4

// IsPrime reports whether n is prime and how it was decided: method
// MethodDeterministic for n < 2^64 and MethodBailliePSW above. Numbers
// below 2, including negative numbers, are not prime. It cannot be
// canceled and takes seconds on numbers of thousands of digits, where
// IsPrimeContext is the better choice.
func IsPrime(n *big.Int) (prime bool, method string) {
	if n.Sign() < 0 {
		return false, MethodDeterministic
	}

	if n.IsUint64() {
		return isPrime64(n.Uint64()), MethodDeterministic
	}

	return n.ProbablyPrime(extraMillerRabinRounds), MethodBailliePSW
}

// isPrime64 decides primality of n exactly by trial division by the bases
// and strong-probable-prime tests to those bases.
func isPrime64(n uint64) bool {
	if n < 2 {
		return false
	}

	// The smallest strong pseudoprime to all of the first twelve prime bases
	// is 318665857834031151167461 (OEIS A014233), which is above 2^64, so
	// these bases decide every uint64 exactly.
	bases := [...]uint64{2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37}
	for _, p := range bases {
		if n%p == 0 {
			return n == p
		}
	}

	if n < 41*41 {
		return true
	}

	d, s := n-1, 0
	for d%2 == 0 {
		d /= 2
		s++
	}

	for _, a := range bases {
		if !strongProbablePrime(n, a, d, s) {
			return false
		}
	}

	return true
}

// strongProbablePrime runs one Miller-Rabin round with base a on odd n,
// where n-1 = d * 2^s with d odd.
func strongProbablePrime(n, a, d uint64, s int) bool {
	x := powMod64(a%n, d, n)
	if x == 1 || x == n-1 {
		return true
	}

	for range s - 1 {
		x = mulMod64(x, x, n)
		if x == n-1 {
			return true
		}
	}

	return false
}

// mulMod64 returns a*b mod n without overflow.
func mulMod64(a, b, n uint64) uint64 {
	hi, lo := bits.Mul64(a, b)

	return bits.Rem64(hi, lo, n)
}

// powMod64 returns base^exp mod n.
func powMod64(base, exp, n uint64) uint64 {
	result := uint64(1) % n
	for exp > 0 {
		if exp&1 == 1 {
			result = mulMod64(result, base, n)
		}

		base = mulMod64(base, base, n)
		exp >>= 1
	}

	return result
}
