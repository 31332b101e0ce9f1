package facts

import (
	"math/big"
	"math/rand/v2"
	"strings"
	"time"
)

// Sizes of the verification batch.
const (
	smallIntegerCount  = 10_000
	randomIntegerCount = 1000
	randomFracCount    = 2000
	// bigBudget is the budget per random big value. It is short on
	// purpose, so that some factorizations and periods end incomplete.
	bigBudget = 10 * time.Millisecond
)

// batchValue is one value of the verification batch, with its budget.
type batchValue struct {
	value  *big.Rat
	budget time.Duration
}

// verificationBatch returns the values whose facts are checked by an
// independent method. The integers -30 to smallIntegerCount get the full
// budget. Random and specially built big integers and random fractions get
// bigBudget. The fractions with hard periods get the full budget, so that
// their periods are found.
func verificationBatch() []batchValue {
	var batch []batchValue
	add := func(budget time.Duration, values ...*big.Int) {
		for _, v := range values {
			batch = append(batch, batchValue{new(big.Rat).SetInt(v), budget})
		}
	}

	for i := int64(-30); i <= smallIntegerCount; i++ {
		add(testBudget, big.NewInt(i))
	}

	rng := rand.New(rand.NewPCG(1, 2))
	for range randomIntegerCount {
		add(bigBudget, randomInteger(rng, 1+rng.IntN(40)))
	}

	add(bigBudget, specialIntegers(rng)...)
	for range randomFracCount {
		if v := randomFraction(rng); !v.IsInt() {
			batch = append(batch, batchValue{v, bigBudget})
		}
	}

	for _, v := range specialFractions() {
		batch = append(batch, batchValue{v, testBudget})
	}

	return batch
}

// randomInteger returns a random integer of up to digits digits, negative
// one time in ten.
func randomInteger(rng *rand.Rand, digits int) *big.Int {
	var b strings.Builder
	for range digits {
		b.WriteByte(byte('0' + rng.IntN(10)))
	}

	n, _ := new(big.Int).SetString(b.String(), 10)
	if rng.IntN(10) == 0 {
		n.Neg(n)
	}

	return n
}

// specialIntegers returns integers with rare properties: powers,
// Fibonacci numbers, factorials, triangular and perfect numbers, Mersenne
// primes and products of two large primes.
func specialIntegers(rng *rand.Rand) []*big.Int {
	var values []*big.Int
	for range 100 {
		base := randomInteger(rng, 1+rng.IntN(12))
		values = append(values, new(big.Int).Exp(base, big.NewInt(int64(2+rng.IntN(4))), nil))
	}

	fib, next := big.NewInt(0), big.NewInt(1)
	factorial := big.NewInt(1)
	for k := int64(1); k <= 190; k++ {
		fib, next = next, new(big.Int).Add(fib, next)
		factorial = new(big.Int).Mul(factorial, big.NewInt(k))
		values = append(values, fib)
		if k <= 34 {
			values = append(values, factorial)
		}
	}

	for range 100 {
		k := new(big.Int).Abs(randomInteger(rng, 1+rng.IntN(19)))
		t := new(big.Int).Mul(k, new(big.Int).Add(k, big.NewInt(1)))
		values = append(values, t.Rsh(t, 1))
	}

	for _, p := range []int64{2, 3, 5, 7, 13, 17, 19, 31, 61, 89, 107, 127} {
		values = append(values, mersenne(p), new(big.Int).Mul(pow(2, p-1), mersenne(p)))
	}

	return append(values, pow(2, 100), pow(3, 80), pow(10, 39), mersenne(67), mersenne(101),
		new(big.Int).Mul(mersenne(61), mersenne(31)))
}

// randomFraction returns p/q with p of up to 40 digits and q a random
// integer up to 5000 times a power of 2 and a power of 5.
func randomFraction(rng *rand.Rand) *big.Rat {
	num := randomInteger(rng, 1+rng.IntN(rng.IntN(40)+1))
	den := big.NewInt(int64(1 + rng.IntN(5000)))
	den.Mul(den, pow(2, int64(rng.IntN(6))))
	den.Mul(den, pow(5, int64(rng.IntN(6))))

	return new(big.Rat).SetFrac(num, den)
}

// specialFractions returns fractions with long or hard periods: 1/(10^k - 1)
// has period k, and 1/p for a large prime p needs the factorization of
// p - 1.
func specialFractions() []*big.Rat {
	var values []*big.Rat
	for _, k := range []int64{7, 20, 40} {
		nines := new(big.Int).Sub(pow(10, k), big.NewInt(1))
		values = append(values, new(big.Rat).SetFrac(big.NewInt(1), nines))
	}

	for _, den := range []*big.Int{big.NewInt(1_000_003), big.NewInt(1_999_993), mersenne(61),
		new(big.Int).Mul(big.NewInt(3*3*3*7), mersenne(31)), new(big.Int).Mul(pow(2, 5), mersenne(89))} {
		values = append(values, new(big.Rat).SetFrac(big.NewInt(3), den))
	}

	return values
}
