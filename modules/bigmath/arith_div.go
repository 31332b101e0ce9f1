package bigmath

import (
	"math/big"
	"math/bits"
)

// quoRem returns the quotient and remainder of x / y for x >= 0 and y > 0.
//
// Above the leaf size it uses the mutually recursive 2n-by-n and 3n-by-2n
// divisions of Burnikel and Ziegler's "Fast Recursive Division", which
// the comments of Go's math/big/natdiv.go describe. They turn a division
// into divisions of half the size plus multiplications by mul. The divisor
// is shifted to n = divLeafBits 2^j bits, so that every halving is exact,
// and the dividend is consumed in n-bit chunks from the top.
func (a arith) quoRem(x, y *big.Int) (q, r *big.Int, err error) {
	if err := a.ctx.Err(); err != nil {
		return nil, nil, err
	}

	if x.BitLen() <= 2*a.divLeafBits {
		q, r = new(big.Int).QuoRem(x, y, new(big.Int))
		return q, r, nil
	}

	n := a.divLeafBits
	for n < y.BitLen() {
		n *= 2
	}

	shift := uint(n - y.BitLen())
	divisor := new(big.Int).Lsh(y, shift)
	dividend := new(big.Int).Lsh(x, shift)
	q, r, err = a.divideChunks(dividend, divisor, n)
	if err != nil {
		return nil, nil, err
	}

	return q, r.Rsh(r, shift), nil
}

// divideChunks divides x by the n-bit divisor y in n-bit chunks of x from
// the top, like long division in base 2^n.
func (a arith) divideChunks(x, y *big.Int, n int) (q, r *big.Int, err error) {
	wordsPerChunk := n / bits.UintSize
	xWords := x.Bits()
	chunks := (len(xWords) + wordsPerChunk - 1) / wordsPerChunk
	quotient := make([]big.Word, chunks*wordsPerChunk)
	r = new(big.Int)

	for i := chunks - 1; i >= 0; i-- {
		chunkEnd := min((i+1)*wordsPerChunk, len(xWords))
		chunk := wordsInt(xWords[i*wordsPerChunk : chunkEnd])
		part := r.Lsh(r, uint(n))
		part.Add(part, chunk)

		var digit *big.Int
		digit, r, err = a.divideTwoByOne(part, y, n)
		if err != nil {
			return nil, nil, err
		}

		copy(quotient[i*wordsPerChunk:], digit.Bits())
	}

	return new(big.Int).SetBits(quotient), r, nil
}

// divideTwoByOne divides x < y 2^n by y, which has exactly n bits.
func (a arith) divideTwoByOne(x, y *big.Int, n int) (q, r *big.Int, err error) {
	if err := a.ctx.Err(); err != nil {
		return nil, nil, err
	}

	if n <= a.divLeafBits || n%2 == 1 {
		q, r = new(big.Int).QuoRem(x, y, new(big.Int))
		return q, r, nil
	}

	h := uint(n / 2)
	xHigh, xLow := splitBits(x, h)
	q1, r1, err := a.divideThreeByTwo(xHigh, y, h)
	if err != nil {
		return nil, nil, err
	}

	q2, r, err := a.divideThreeByTwo(r1.Lsh(r1, h).Add(r1, xLow), y, h)
	if err != nil {
		return nil, nil, err
	}

	return q1.Lsh(q1, h).Add(q1, q2), r, nil
}

// divideThreeByTwo divides x < y 2^h by y, which has exactly 2h bits. It
// estimates the quotient from the top halves and corrects it at most twice.
func (a arith) divideThreeByTwo(x, y *big.Int, h uint) (q, r *big.Int, err error) {
	yHigh, yLow := splitBits(y, h)
	xTop, xLow := splitBits(x, h)
	if new(big.Int).Rsh(xTop, h).Cmp(yHigh) < 0 {
		q, r, err = a.divideTwoByOne(xTop, yHigh, int(h))
		if err != nil {
			return nil, nil, err
		}
	} else {
		// The quotient estimate is 2^h - 1, and r = xTop - q yHigh.
		q = new(big.Int).Lsh(big.NewInt(1), h)
		q.Sub(q, big.NewInt(1))
		r = new(big.Int).Lsh(yHigh, h)
		r.Sub(xTop, r).Add(r, yHigh)
	}

	product, err := a.mul(q, yLow)
	if err != nil {
		return nil, nil, err
	}

	r.Lsh(r, h).Add(r, xLow).Sub(r, product)
	for r.Sign() < 0 {
		q.Sub(q, big.NewInt(1))
		r.Add(r, y)
	}

	return q, r, nil
}

// wordsInt returns a new integer with the little-endian words.
func wordsInt(words []big.Word) *big.Int {
	return new(big.Int).SetBits(append([]big.Word(nil), words...))
}
