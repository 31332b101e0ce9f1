package facts

import (
	"math/big"

	"emma/modules/bigmath"
)

// oddPerfectBoundBits is a bit length below which no odd perfect number
// exists: Ochem and Rao proved that an odd perfect number exceeds 10^1500
// ("Odd perfect numbers are greater than 10^1500", Mathematics of
// Computation 81, 2012), and 2^4982 < 10^1500.
const oddPerfectBoundBits = 4982

// addPrimality sets Prime and MersenneExponent for abs = |n|.
func (f *Facts) addPrimality(abs *big.Int) {
	if abs.BitLen() > maxPrimeBits {
		f.skip(CheckPrime)
		return
	}

	if abs.Cmp(big.NewInt(2)) < 0 {
		f.Prime = &PrimeFact{Method: MethodDeterministic}
		return
	}

	p, mersenne := mersenneExponent(abs)
	var prime bool
	var method string
	if mersenne && !abs.IsUint64() && isSmallPrime(p) {
		prime, method = lucasLehmer(p), MethodLucasLehmer
	} else {
		prime, method = bigmath.IsPrime(abs)
	}

	f.Prime = &PrimeFact{IsPrime: prime, Composite: !prime, Method: method}
	if prime && mersenne {
		f.MersenneExponent = p
	}
}

// mersenneExponent returns p when m = 2^p - 1.
func mersenneExponent(m *big.Int) (int, bool) {
	next := new(big.Int).Add(m, big.NewInt(1))
	p := next.BitLen() - 1
	if p < 1 || int(next.TrailingZeroBits()) != p {
		return 0, false
	}

	return p, true
}

// isSmallPrime reports whether p is prime, by trial division.
func isSmallPrime(p int) bool {
	if p < 2 {
		return false
	}

	for d := 2; d*d <= p; d++ {
		if p%d == 0 {
			return false
		}
	}

	return true
}

// lucasLehmer reports whether 2^p - 1 is prime for a prime p. The
// Lucas-Lehmer test is a proof in both directions: with s(0) = 4 and
// s(i+1) = s(i)^2 - 2, the Mersenne number M is prime iff s(p-2) = 0 mod M.
func lucasLehmer(p int) bool {
	if p == 2 {
		return true
	}

	m := new(big.Int).Lsh(big.NewInt(1), uint(p))
	m.Sub(m, big.NewInt(1))
	s, high := big.NewInt(4), new(big.Int)
	for range p - 2 {
		s.Mul(s, s)
		s.Sub(s, big.NewInt(2))
		if s.Sign() < 0 {
			s.Add(s, m)
		}

		// x mod 2^p - 1 = (x mod 2^p) + (x >> p), folded until below M.
		for s.Cmp(m) > 0 {
			high.Rsh(s, uint(p))
			s.And(s, m)
			s.Add(s, high)
		}

		if s.Cmp(m) == 0 {
			s.SetInt64(0)
		}
	}

	return s.Sign() == 0
}

// addPerfectNumber sets PerfectNumber for abs = |n| without factoring it.
// By the Euclid-Euler theorem an even number is perfect iff it equals
// 2^(p-1) (2^p - 1) with 2^p - 1 prime, and no odd perfect number exists
// below 2^oddPerfectBoundBits.
func (f *Facts) addPerfectNumber(abs *big.Int) {
	if abs.Sign() == 0 {
		return
	}

	if abs.Bit(0) == 1 {
		if abs.BitLen() > oddPerfectBoundBits {
			f.skip(CheckPerfectNumber)
		}

		return
	}

	p := int(abs.TrailingZeroBits()) + 1
	odd := new(big.Int).Rsh(abs, uint(p-1))
	if q, ok := mersenneExponent(odd); !ok || q != p {
		return
	}

	if p > maxPrimeBits {
		f.skip(CheckPerfectNumber)
		return
	}

	f.PerfectNumber = isSmallPrime(p) && lucasLehmer(p)
}
