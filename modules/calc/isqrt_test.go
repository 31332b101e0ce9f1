package calc

import (
	"math/big"
	"math/rand/v2"
	"testing"
)

func TestIsqrtMatchesSqrt(t *testing.T) {
	random := rand.New(rand.NewPCG(1, 2))
	for _, bits := range []int{1, 64, 4096, 4097, 5000, 20000, 100000} {
		for range 5 {
			n := randomInt(random, bits)
			want := new(big.Int).Sqrt(n)
			if got := isqrt(n); got.Cmp(want) != 0 {
				t.Errorf("isqrt of a %d-bit number: got %s, want %s", bits, shorten(got.String()), shorten(want.String()))
			}
		}
	}
}

func TestIsqrtSquares(t *testing.T) {
	random := rand.New(rand.NewPCG(3, 4))
	for _, bits := range []int{5000, 40000} {
		root := randomInt(random, bits)
		square := new(big.Int).Mul(root, root)
		if got := isqrt(square); got.Cmp(root) != 0 {
			t.Errorf("isqrt(r^2) for %d-bit r: got a different root", bits)
		}
		below := new(big.Int).Sub(square, bigOne)
		if got := isqrt(below); got.Cmp(new(big.Int).Sub(root, bigOne)) != 0 {
			t.Errorf("isqrt(r^2-1) for %d-bit r: got a root other than r-1", bits)
		}
	}
}

// randomInt returns a random non-negative integer of at most bits bits.
func randomInt(random *rand.Rand, bits int) *big.Int {
	words := make([]big.Word, (bits+63)/64)
	for i := range words {
		words[i] = big.Word(random.Uint64())
	}
	n := new(big.Int).SetBits(words)
	return n.Rsh(n, uint(len(words)*64-bits))
}
