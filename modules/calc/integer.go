package calc

import (
	"math"
	"math/big"
	"strconv"

	"emma/modules/bigmath"
)

// maxPrimeDigits is the largest number of digits that isprime and factor
// accept. bigmath.IsPrime cannot be interrupted, and it took about 0.25 s
// for a 1332-digit prime and 2 s for a 2917-digit prime, measured with Go
// 1.26 on a shared 2-core x86-64 VM.
const maxPrimeDigits = 2000

// factorial returns n! for the whole number v. spelling is "!" or
// "factorial", as written, for messages.
func (ev *evaluator) factorial(v value, spelling string) (value, error) {
	n, err := countArgument(v, "factorial")
	if err != nil {
		return value{}, err
	}

	call := "factorial(" + strconv.FormatUint(n, 10) + ")"
	if spelling == "!" {
		call = strconv.FormatUint(n, 10) + "!"
	}
	if err := ev.checkDigits(bigmath.FactorialDigits(n), call); err != nil {
		return value{}, err
	}

	result, err := bigmath.Factorial(ev.ctx, n, ev.progress)
	return ev.integerValue(result, err)
}

// fib returns the Fibonacci number F(n), with F(0) = 0 and F(1) = 1.
func (ev *evaluator) fib(v value) (value, error) {
	n, err := countArgument(v, "fib")
	if err != nil {
		return value{}, err
	}

	call := "fib(" + strconv.FormatUint(n, 10) + ")"
	if err := ev.checkDigits(bigmath.FibDigits(n), call); err != nil {
		return value{}, err
	}

	result, err := bigmath.Fib(ev.ctx, n, ev.progress)
	return ev.integerValue(result, err)
}

// binomial returns C(n, k), which is 0 for k > n.
func (ev *evaluator) binomial(nv, kv value) (value, error) {
	n, err := countArgument(nv, "binomial")
	if err != nil {
		return value{}, err
	}

	k, err := countArgument(kv, "binomial")
	if err != nil {
		return value{}, err
	}

	call := "binomial(" + strconv.FormatUint(n, 10) + ", " + strconv.FormatUint(k, 10) + ")"
	if err := ev.checkDigits(bigmath.BinomialDigits(n, k), call); err != nil {
		return value{}, err
	}

	result, err := bigmath.Binomial(ev.ctx, n, k, ev.progress)
	return ev.integerValue(result, err)
}

// checkDigits rejects the result of call when its estimated log10 shows
// more than maxDigits digits.
func (ev *evaluator) checkDigits(log10 float64, call string) error {
	if log10 < float64(ev.lim.maxDigits) {
		return nil
	}
	return newError(CodeResultTooLarge,
		"%s would have about %.0f digits, more than the limit of %d",
		call, math.Floor(log10)+1, ev.lim.maxDigits)
}

// integerValue returns the result of a bigmath function as a value.
func (ev *evaluator) integerValue(n *big.Int, err error) (value, error) {
	if err != nil {
		return value{}, err
	}

	return exact(new(big.Rat).SetInt(n)), nil
}

// gcdCall returns gcd(a, b) or lcm(a, b), both non-negative, with
// gcd(0, 0) = 0 and lcm(a, 0) = 0.
func (ev *evaluator) gcdCall(name string, av, bv value) (value, error) {
	a, err := integerArgument(av, name)
	if err != nil {
		return value{}, err
	}

	b, err := integerArgument(bv, name)
	if err != nil {
		return value{}, err
	}

	g, err := ev.lim.gcd(a, b)
	if err != nil {
		return value{}, err
	}

	if name == "gcd" {
		return exact(new(big.Rat).SetInt(g)), nil
	}
	if g.Sign() == 0 {
		return exact(new(big.Rat)), nil
	}
	lcm := new(big.Int).Quo(new(big.Int).Abs(a), g)
	lcm.Mul(lcm, new(big.Int).Abs(b))
	if err := ev.lim.checkBits(lcm.BitLen()); err != nil {
		return value{}, err
	}

	return exact(new(big.Rat).SetInt(lcm)), nil
}

// isPrime returns 1 when v is a prime and 0 otherwise. Numbers above 2^64
// are probable primes by the Baillie-PSW test.
func (ev *evaluator) isPrime(v value) (value, error) {
	n, err := integerArgument(v, "isprime")
	if err != nil {
		return value{}, err
	}

	if err := checkPrimeSize(n, "isprime"); err != nil {
		return value{}, err
	}

	if prime, _ := bigmath.IsPrime(n); prime {
		return exact(big.NewRat(1, 1)), nil
	}
	return exact(new(big.Rat)), nil
}

// checkPrimeSize rejects arguments of isprime and factor over
// maxPrimeDigits digits.
func checkPrimeSize(n *big.Int, function string) error {
	if n.BitLen() <= digitsToBits(maxPrimeDigits) {
		return nil
	}
	return newError(CodeResultTooLarge, "%s accepts numbers of up to about %d digits, got %s",
		function, maxPrimeDigits, describeInt(n))
}
