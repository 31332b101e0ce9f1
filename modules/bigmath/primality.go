package bigmath

import (
	"context"
	"math/big"
)

// contextPrimalityBits is the bit length from which IsPrimeContext runs its
// own cancellable tests. Below it, big.Int.ProbablyPrime is fast enough to
// run without checks.
const contextPrimalityBits = 2048

// IsPrimeContext is IsPrime with cancellation. For numbers of
// contextPrimalityBits bits and more it runs its own Baillie-PSW test plus
// Miller-Rabin rounds with the bases 3, 5, 7 and 11, checking ctx every few
// dozen modular squarings, and returns ctx.Err() when the context ends.
// big.Int.ProbablyPrime, which IsPrime uses, cannot be interrupted, and it
// took 2.4 s on a 2917-digit prime on the 2-core AMD EPYC test machine.
func IsPrimeContext(ctx context.Context, n *big.Int) (prime bool, method string, err error) {
	if err := ctx.Err(); err != nil {
		return false, "", err
	}

	if n.BitLen() < contextPrimalityBits {
		prime, method = IsPrime(n)
		return prime, method, nil
	}

	prime, err = probablePrime(ctx, n)

	return prime, MethodBailliePSW, err
}

// probablePrime runs trial division by the primes below 1000, a
// perfect-square check, Baillie-PSW and the extra Miller-Rabin rounds on
// n > 1000.
func probablePrime(ctx context.Context, n *big.Int) (bool, error) {
	if n.Bit(0) == 0 {
		return false, nil
	}

	for _, q := range smallOddPrimes(1000) {
		if new(big.Int).Rem(n, big.NewInt(int64(q))).Sign() == 0 {
			return false, nil
		}
	}

	root, err := isqrt(newArith(ctx), n)
	if err != nil {
		return false, err
	}

	if root.Mul(root, root).Cmp(n) == 0 {
		return false, nil
	}

	prime, err := bailliePSW(ctx, n)
	for _, base := range [...]int64{3, 5, 7, 11} {
		if err != nil || !prime {
			return false, err
		}

		prime, err = millerRabin(ctx, n, big.NewInt(base))
	}

	return prime, err
}
