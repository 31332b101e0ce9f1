package bigmath

import (
	"math/big"
	"math/bits"
)

// productLeaf is the number of words a product tree multiplies one by one
// instead of splitting further.
const productLeaf = 16

// wordPacker multiplies small factors into uint64 words while the product
// fits, so product trees start from full words.
type wordPacker struct {
	words []uint64
	acc   uint64
}

// add multiplies x into the current word or starts a new word.
func (w *wordPacker) add(x uint64) {
	if w.acc == 0 {
		w.acc = x
		return
	}

	hi, lo := bits.Mul64(w.acc, x)
	if hi != 0 {
		w.words = append(w.words, w.acc)
		w.acc = x
		return
	}

	w.acc = lo
}

// result returns the packed words, flushing the current one.
func (w *wordPacker) result() []uint64 {
	if w.acc != 0 {
		w.words = append(w.words, w.acc)
		w.acc = 0
	}

	return w.words
}

// productTreeCost returns the estimated cost of productTree on n words.
func productTreeCost(n int) float64 {
	return splittingCost(n, productLeaf)
}

// splittingCost returns the estimated cost of a binary splitting over n
// items that halves down to leaf items and multiplies the halves' results.
func splittingCost(n, leaf int) float64 {
	if n <= leaf {
		return float64(n)
	}

	half := n / 2

	return mulCost(float64(n)) + splittingCost(half, leaf) + splittingCost(n-half, leaf)
}

// productTree returns the product of words by balanced binary splitting, so
// that the multiplications have operands of similar size. It records work
// in t, which also checks the context, after every multiplication.
func productTree(words []uint64, t *tracker) (*big.Int, error) {
	if len(words) <= productLeaf {
		result := big.NewInt(1)
		factor := new(big.Int)
		for _, w := range words {
			result.Mul(result, factor.SetUint64(w))
		}

		return result, t.add(float64(len(words)))
	}

	half := len(words) / 2
	left, err := productTree(words[:half], t)
	if err != nil {
		return nil, err
	}

	right, err := productTree(words[half:], t)
	if err != nil {
		return nil, err
	}

	product, err := t.mul(left, right)
	if err != nil {
		return nil, err
	}

	return product, t.add(mulCost(float64(len(words))))
}
