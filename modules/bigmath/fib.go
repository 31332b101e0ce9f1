package bigmath

import (
	"context"
	"math/big"
	"math/bits"
)

// Fib returns the Fibonacci number F(n), with F(0) = 0 and F(1) = 1.
//
// It walks the bits of n from the top and keeps the pair F(k), L(k), where
// L is the Lucas sequence. Doubling k costs one multiplication and one
// squaring: F(2k) = F(k) L(k) and L(2k) = L(k)^2 - 2(-1)^k. Adding one
// costs only additions: F(k+1) = (F(k) + L(k)) / 2 and
// L(k+1) = (5 F(k) + L(k)) / 2.
func Fib(ctx context.Context, n uint64, p Progress) (*big.Int, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	if n == 0 {
		p.report(1, "multiplying")
		return new(big.Int), nil
	}

	steps := bits.Len64(n)
	weights := doublingWeights(steps)
	t := newTracker(ctx, p, "multiplying", sum(weights))
	pair := lucasPair{f: big.NewInt(0), l: big.NewInt(2)}

	for i := steps - 1; i >= 0; i-- {
		// The last doubling needs L(2k) only to add one after it.
		needLucas := i > 0 || n&1 == 1
		if err := pair.double(t, needLucas); err != nil {
			return nil, err
		}

		if n>>i&1 == 1 {
			pair.increment()
		}

		if err := t.add(weights[steps-1-i]); err != nil {
			return nil, err
		}
	}

	return pair.f, nil
}

// lucasPair is F(k) and L(k) for the current k of Fib.
type lucasPair struct {
	f, l *big.Int
	k    uint64
}

// double moves the pair from k to 2k. Without needLucas it leaves L stale.
func (pair *lucasPair) double(t *tracker, needLucas bool) error {
	f, err := t.mul(pair.f, pair.l)
	if err != nil {
		return err
	}

	if needLucas {
		l, err := t.mul(pair.l, pair.l)
		if err != nil {
			return err
		}

		// L(2k) = L(k)^2 - 2(-1)^k.
		correction := int64(2)
		if pair.k%2 == 0 {
			correction = -2
		}

		pair.l = l.Add(l, big.NewInt(correction))
	}

	pair.f = f
	pair.k *= 2

	return nil
}

// increment moves the pair from k to k+1.
func (pair *lucasPair) increment() {
	fiveF := new(big.Int).Mul(pair.f, big.NewInt(5))
	pair.f.Add(pair.f, pair.l).Rsh(pair.f, 1)
	pair.l = fiveF.Add(fiveF, pair.l).Rsh(fiveF, 1)
	pair.k++
}
