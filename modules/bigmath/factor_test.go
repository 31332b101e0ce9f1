package bigmath

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/big"
	"math/rand"
	"strings"
	"testing"
	"time"
)

// formatFactors returns factors as text such as "2^3 * 5".
func formatFactors(factors []PrimePower) string {
	parts := make([]string, len(factors))
	for i, f := range factors {
		parts[i] = f.Prime.String()
		if f.Exp > 1 {
			parts[i] += fmt.Sprintf("^%d", f.Exp)
		}
	}

	return strings.Join(parts, " * ")
}

// multiplyBack returns the product of the factors and of rest when not nil.
func multiplyBack(f Factorization) *big.Int {
	product := big.NewInt(1)
	for _, pp := range f.Factors {
		power := new(big.Int).Exp(pp.Prime, big.NewInt(int64(pp.Exp)), nil)
		product.Mul(product, power)
	}

	if f.Rest != nil {
		product.Mul(product, f.Rest)
	}

	return product
}

func TestFactorKnownNumbers(t *testing.T) {
	tests := []struct {
		name string
		n    string
		want string
	}{
		{name: "one", n: "1", want: ""},
		{name: "minus one", n: "-1", want: ""},
		{name: "two", n: "2", want: "2"},
		{name: "negative", n: "-12", want: "2^2 * 3"},
		{name: "power of two", n: "18446744073709551616", want: "2^64"},
		{name: "power of ten", n: "1000000000000000000000000000000", want: "2^30 * 5^30"},
		{name: "four small primes", n: "600851475143", want: "71 * 839 * 1471 * 6857"},
		{name: "prime square above trial bound", n: "4295098369", want: "65537^2"},
		{name: "prime cube above trial bound", n: "1000000021000000147000000343",
			want: "1000000007^3"},
		{name: "largest prime below 2^64", n: "18446744073709551557",
			want: "18446744073709551557"},
		{name: "2^64-1", n: "18446744073709551615",
			want: "3 * 5 * 17 * 257 * 641 * 65537 * 6700417"},
		{name: "2^64+1", n: "18446744073709551617", want: "274177 * 67280421310721"},
		{name: "mersenne 2^67-1", n: "147573952589676412927", want: "193707721 * 761838257287"},
		{name: "three 30-bit primes", n: "1000000061000001071000004851",
			want: "1000000007 * 1000000021 * 1000000033"},
	}

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Factor(context.Background(), parseInt(t, tt.n), nil)
			if err != nil {
				t.Fatalf("got error %v, want nil", err)
			}

			if text := formatFactors(got.Factors); text != tt.want {
				t.Errorf("got %s, want %s", text, tt.want)
			}

			if got.Rest != nil {
				t.Errorf("got rest %s, want nil", got.Rest)
			}
		})
	}
}

func TestFactorRejectsZero(t *testing.T) {
	_, err := Factor(context.Background(), new(big.Int), nil)
	if !errors.Is(err, ErrInvalidArgument) {
		t.Errorf("got error %v, want ErrInvalidArgument", err)
	}
}

// randomPrime returns a random prime of exactly bits bits.
func randomPrime(t *testing.T, rng *rand.Rand, bits uint) *big.Int {
	t.Helper()
	for {
		n := randomInt(rng, bits-1)
		n.SetBit(n, int(bits-1), 1)
		if n.ProbablyPrime(20) {
			return n
		}
	}
}

func TestFactorRandomSemiprimes(t *testing.T) {
	rng := rand.New(rand.NewSource(60))
	for i := range 20 {
		p, q := randomPrime(t, rng, 30), randomPrime(t, rng, 30)
		if p.Cmp(q) > 0 {
			p, q = q, p
		}

		n := new(big.Int).Mul(p, q)
		got, err := Factor(context.Background(), n, nil)
		if err != nil {
			t.Fatalf("case %d: factor %s: got error %v, want nil", i, n, err)
		}

		if product := multiplyBack(got); product.Cmp(n) != 0 {
			t.Errorf("case %d: factors of %s multiply to %s", i, n, product)
		}

		want := fmt.Sprintf("%s * %s", p, q)
		if p.Cmp(q) == 0 {
			want = fmt.Sprintf("%s^2", p)
		}

		if text := formatFactors(got.Factors); text != want {
			t.Errorf("case %d: factor %s: got %s, want %s", i, n, text, want)
		}
	}
}

func TestFactorAboveWordSize(t *testing.T) {
	rng := rand.New(rand.NewSource(96))
	for i := range 5 {
		p, q := randomPrime(t, rng, 32), randomPrime(t, rng, 64)
		n := new(big.Int).Mul(p, q)
		got, err := Factor(context.Background(), n, nil)
		if err != nil {
			t.Fatalf("case %d: factor %s: got error %v, want nil", i, n, err)
		}

		want := fmt.Sprintf("%s * %s", p, q)
		if text := formatFactors(got.Factors); text != want {
			t.Errorf("case %d: factor %s: got %s, want %s", i, n, text, want)
		}
	}
}

// hardComposite returns 120 times the product of the Mersenne primes
// 2^89-1 and 2^107-1, which rho cannot split in reasonable time.
func hardComposite() (n, rest *big.Int) {
	p := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 89), big.NewInt(1))
	q := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 107), big.NewInt(1))
	rest = new(big.Int).Mul(p, q)

	return new(big.Int).Mul(rest, big.NewInt(120)), rest
}

func TestFactorCanceledReturnsPartial(t *testing.T) {
	n, rest := hardComposite()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	// Cancel once the reported fraction reaches log2(120) / log2(n), when
	// trial division finds the last small factor, 5.
	threshold := 0.99 * math.Log2(120) / (log10Abs(n) / log10Two)
	cancelAtFive := func(fraction float64, _ string) {
		if fraction > threshold {
			cancel()
		}
	}

	got, err := Factor(ctx, n, cancelAtFive)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("got error %v, want context.Canceled", err)
	}

	if text := formatFactors(got.Factors); text != "2^3 * 3 * 5" {
		t.Errorf("got factors %s, want 2^3 * 3 * 5", text)
	}

	if got.Rest == nil || got.Rest.Cmp(rest) != 0 {
		t.Errorf("got rest %v, want %s", got.Rest, rest)
	}
}

func TestFactorDeadlineReturnsPartial(t *testing.T) {
	n, rest := hardComposite()
	ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
	defer cancel()

	got, err := Factor(ctx, n, nil)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("got error %v, want context.DeadlineExceeded", err)
	}

	if product := multiplyBack(got); product.Cmp(n) != 0 {
		t.Errorf("got factors and rest multiplying to %s, want %s", product, n)
	}

	if got.Rest == nil || new(big.Int).Rem(got.Rest, rest).Sign() != 0 {
		t.Errorf("got rest %v, want a multiple of %s", got.Rest, rest)
	}
}

func TestFactorReportsProgress(t *testing.T) {
	n := parseInt(t, "1073741796516192523")
	n.Lsh(n, 10)
	var log progressLog
	if _, err := Factor(context.Background(), n, log.record); err != nil {
		t.Fatalf("got error %v, want nil", err)
	}

	log.check(t)
}

func TestRemovePowers(t *testing.T) {
	tests := []struct {
		x, q    *big.Int
		rest    string
		wantExp int
	}{
		{x: big.NewInt(5), q: big.NewInt(3), rest: "5", wantExp: 0},
		{x: big.NewInt(3), q: big.NewInt(3), rest: "1", wantExp: 1},
		{x: big.NewInt(3 * 3 * 3 * 7), q: big.NewInt(3), rest: "7", wantExp: 3},
		{x: new(big.Int).Mul(new(big.Int).Exp(big.NewInt(3), big.NewInt(100), nil), big.NewInt(7)),
			q: big.NewInt(3), rest: "7", wantExp: 100},
		{x: new(big.Int).Exp(big.NewInt(65521), big.NewInt(255), nil),
			q: big.NewInt(65521), rest: "1", wantExp: 255},
	}

	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s^%d", tt.q, tt.wantExp), func(t *testing.T) {
			rest, exp := removePowers(new(big.Int).Set(tt.x), tt.q)
			if exp != tt.wantExp {
				t.Errorf("got exponent %d, want %d", exp, tt.wantExp)
			}

			if rest.String() != tt.rest {
				t.Errorf("got rest %s, want %s", rest, tt.rest)
			}
		})
	}
}

func TestFactorLargePrimePowers(t *testing.T) {
	n := new(big.Int).Exp(big.NewInt(3), big.NewInt(100000), nil)
	n.Lsh(n, 70000)
	got, err := Factor(context.Background(), n, nil)
	if err != nil {
		t.Fatalf("got error %v, want nil", err)
	}

	if text := formatFactors(got.Factors); text != "2^70000 * 3^100000" {
		t.Errorf("got %s, want 2^70000 * 3^100000", text)
	}
}
