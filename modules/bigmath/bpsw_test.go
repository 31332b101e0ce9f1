package bigmath

import (
	"context"
	"errors"
	"math/big"
	"math/rand"
	"testing"
	"time"
)

// isSquare reports whether n is a perfect square.
func isSquare(n int64) bool {
	root := new(big.Int).Sqrt(big.NewInt(n)).Int64()

	return root*root == n
}

func TestBailliePSWMatchesTrialDivision(t *testing.T) {
	ctx := context.Background()
	lucasPseudoprimes := 0
	for n := int64(5); n <= 100000; n += 2 {
		if isSquare(n) {
			continue
		}

		want := trialDivisionPrime(n)
		got, err := bailliePSW(ctx, big.NewInt(n))
		if err != nil {
			t.Fatalf("%d: got error %v, want nil", n, err)
		}

		if got != want {
			t.Errorf("%d: got prime %v, want %v", n, got, want)
		}

		lucas, err := extraStrongLucas(ctx, big.NewInt(n))
		if err != nil {
			t.Fatalf("%d: got error %v, want nil", n, err)
		}

		if want && !lucas {
			t.Errorf("prime %d: failed the extra strong Lucas test", n)
		}

		if !want && lucas {
			lucasPseudoprimes++
		}
	}

	// Extra strong Lucas pseudoprimes are rare: a test that accepted many
	// composites would still pass the check above through Miller-Rabin.
	if lucasPseudoprimes == 0 || lucasPseudoprimes > 20 {
		t.Errorf("got %d extra strong Lucas pseudoprimes below 100000, want 1 to 20",
			lucasPseudoprimes)
	}
}

func TestBailliePSWRejectsStrongPseudoprimes(t *testing.T) {
	for _, text := range []string{"2047", "3277", "4033", "4681", "8321", "3825123056546413051"} {
		n := parseInt(t, text)
		base2, err := millerRabin(context.Background(), n, big.NewInt(2))
		if err != nil || !base2 {
			t.Fatalf("%s: got base-2 result %v (error %v), want a strong pseudoprime", n, base2, err)
		}

		if prime, _ := bailliePSW(context.Background(), n); prime {
			t.Errorf("%s: got prime, want composite", n)
		}
	}
}

func TestBailliePSWRandomWords(t *testing.T) {
	rng := rand.New(rand.NewSource(19))
	for range 2000 {
		n := rng.Uint64() | 1
		if isSquare64(n) {
			continue
		}

		got, err := bailliePSW(context.Background(), new(big.Int).SetUint64(n))
		if err != nil {
			t.Fatalf("%d: got error %v, want nil", n, err)
		}

		if want := isPrime64(n); got != want {
			t.Errorf("%d: got prime %v, want %v", n, got, want)
		}
	}
}

// isSquare64 reports whether n is a perfect square.
func isSquare64(n uint64) bool {
	x := new(big.Int).SetUint64(n)
	root := new(big.Int).Sqrt(x)

	return root.Mul(root, root).Cmp(x) == 0
}

// mersenne returns 2^p - 1.
func mersenne(p uint) *big.Int {
	m := new(big.Int).Lsh(big.NewInt(1), p)

	return m.Sub(m, big.NewInt(1))
}

func TestIsPrimeContextLargeNumbers(t *testing.T) {
	product := new(big.Int).Mul(mersenne(2203), mersenne(2281))
	square := new(big.Int).Mul(mersenne(2203), mersenne(2203))
	tests := []struct {
		name  string
		n     *big.Int
		prime bool
	}{
		{name: "mersenne 2^2203-1", n: mersenne(2203), prime: true},
		{name: "mersenne 2^2281-1", n: mersenne(2281), prime: true},
		{name: "2^2207-1", n: mersenne(2207)},
		{name: "product of mersenne primes", n: product},
		{name: "square of mersenne prime", n: square},
		{name: "even", n: new(big.Int).Lsh(big.NewInt(3), 3000)},
	}

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			prime, method, err := IsPrimeContext(context.Background(), tt.n)
			if err != nil {
				t.Fatalf("got error %v, want nil", err)
			}

			if prime != tt.prime {
				t.Errorf("got prime %v, want %v", prime, tt.prime)
			}

			if method != MethodBailliePSW {
				t.Errorf("got method %q, want %q", method, MethodBailliePSW)
			}
		})
	}
}

func TestIsPrimeContextSmallNumbers(t *testing.T) {
	for _, n := range []int64{-7, 0, 1, 2, 561, 65537} {
		prime, method, err := IsPrimeContext(context.Background(), big.NewInt(n))
		if err != nil {
			t.Fatalf("%d: got error %v, want nil", n, err)
		}

		if want := trialDivisionPrime(n); prime != want {
			t.Errorf("%d: got prime %v, want %v", n, prime, want)
		}

		if method != MethodDeterministic {
			t.Errorf("%d: got method %q, want %q", n, method, MethodDeterministic)
		}
	}
}

func TestIsPrimeContextStopsAtDeadline(t *testing.T) {
	// A Miller-Rabin round on a 44497-bit number takes far longer than the
	// deadline, so the test must stop early.
	ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
	defer cancel()

	_, _, err := IsPrimeContext(ctx, mersenne(44497))
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("got error %v, want context.DeadlineExceeded", err)
	}
}
