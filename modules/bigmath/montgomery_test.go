package bigmath

import (
	"math/rand"
	"testing"
)

func TestMontgomeryMatchesMulMod(t *testing.T) {
	rng := rand.New(rand.NewSource(14))
	moduli := []uint64{3, 65537, 1<<61 - 1, 1<<63 + 1, 1<<64 - 59, 1<<64 - 1}
	for range 20 {
		moduli = append(moduli, rng.Uint64()|1)
	}

	for _, n := range moduli {
		m := newMontgomery(n)
		for range 200 {
			a, b := rng.Uint64()%n, rng.Uint64()%n
			got := m.toInt(m.mul(m.fromInt(a), m.fromInt(b)))
			if want := mulMod64(a, b, n); got != want {
				t.Fatalf("%d * %d mod %d: got %d, want %d", a, b, n, got, want)
			}
		}

		if got := m.toInt(m.fromInt(n - 1)); got != n-1 {
			t.Errorf("round trip of %d mod %d: got %d", n-1, n, got)
		}
	}
}
