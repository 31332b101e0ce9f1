package bigmath

import (
	"math/big"
	"testing"
)

// trialDivisionPrime reports whether n is prime by trial division.
func trialDivisionPrime(n int64) bool {
	if n < 2 {
		return false
	}

	for d := int64(2); d*d <= n; d++ {
		if n%d == 0 {
			return false
		}
	}

	return true
}

func TestIsPrimeMatchesTrialDivision(t *testing.T) {
	for n := int64(-5); n <= 100000; n++ {
		got, method := IsPrime(big.NewInt(n))
		if want := trialDivisionPrime(n); got != want {
			t.Errorf("IsPrime(%d): got %v, want %v", n, got, want)
		}

		if method != MethodDeterministic {
			t.Fatalf("IsPrime(%d): got method %q, want %q", n, method, MethodDeterministic)
		}
	}
}

func TestIsPrimeKnownNumbers(t *testing.T) {
	tests := []struct {
		name   string
		n      string
		prime  bool
		method string
	}{
		{name: "carmichael 561", n: "561", method: MethodDeterministic},
		{name: "carmichael 41041", n: "41041", method: MethodDeterministic},
		{name: "carmichael 825265", n: "825265", method: MethodDeterministic},
		{name: "carmichael 321197185", n: "321197185", method: MethodDeterministic},
		{name: "carmichael 5394826801", n: "5394826801", method: MethodDeterministic},
		{name: "carmichael 232250619601", n: "232250619601", method: MethodDeterministic},
		{name: "carmichael 9746347772161", n: "9746347772161", method: MethodDeterministic},
		{name: "strong pseudoprime base 2", n: "2047", method: MethodDeterministic},
		{name: "strong pseudoprime bases 2-7", n: "3215031751", method: MethodDeterministic},
		{name: "strong pseudoprime bases 2-23", n: "3825123056546413051",
			method: MethodDeterministic},
		{name: "strong pseudoprime bases 2-37", n: "318665857834031151167461",
			method: MethodBailliePSW},
		{name: "mersenne 2^61-1", n: "2305843009213693951", prime: true,
			method: MethodDeterministic},
		{name: "largest prime below 2^64", n: "18446744073709551557", prime: true,
			method: MethodDeterministic},
		{name: "2^64-1", n: "18446744073709551615", method: MethodDeterministic},
		{name: "2^64", n: "18446744073709551616", method: MethodBailliePSW},
		{name: "2^64+1", n: "18446744073709551617", method: MethodBailliePSW},
		{name: "smallest prime above 2^64", n: "18446744073709551629", prime: true,
			method: MethodBailliePSW},
		{name: "mersenne 2^127-1", n: "170141183460469231731687303715884105727", prime: true,
			method: MethodBailliePSW},
		{name: "negative prime", n: "-7", method: MethodDeterministic},
	}

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			prime, method := IsPrime(parseInt(t, tt.n))
			if prime != tt.prime {
				t.Errorf("got prime %v, want %v", prime, tt.prime)
			}

			if method != tt.method {
				t.Errorf("got method %q, want %q", method, tt.method)
			}
		})
	}
}
