package calc

import (
	"errors"
	"math/big"
	"math/rand/v2"
	"testing"
)

// randomRat returns a random fraction with up to bits bits in numerator
// and denominator, sharing factors often so that reduction matters.
func randomRat(random *rand.Rand, bits int) *big.Rat {
	shared := randomInt(random, random.IntN(bits)+1)
	shared.Add(shared, bigOne)
	num := randomInt(random, random.IntN(bits)+1)
	den := randomInt(random, random.IntN(bits)+1)
	den.Add(den, bigOne)
	if random.IntN(2) == 0 {
		num.Mul(num, shared)
		den.Mul(den, shared)
	}
	if random.IntN(2) == 0 {
		num.Neg(num)
	}
	return new(big.Rat).SetFrac(num, den)
}

func TestRationalArithmeticMatchesRat(t *testing.T) {
	random := rand.New(rand.NewPCG(5, 6))
	lim := defaultLimits()
	type operation struct {
		name string
		ours func(x, y *big.Rat) (*big.Rat, error)
		want func(x, y *big.Rat) *big.Rat
	}
	operations := []operation{
		{name: "add", ours: lim.add, want: func(x, y *big.Rat) *big.Rat { return new(big.Rat).Add(x, y) }},
		{name: "sub", ours: lim.sub, want: func(x, y *big.Rat) *big.Rat { return new(big.Rat).Sub(x, y) }},
		{name: "mul", ours: lim.mul, want: func(x, y *big.Rat) *big.Rat { return new(big.Rat).Mul(x, y) }},
		{name: "quo", ours: lim.quo, want: func(x, y *big.Rat) *big.Rat { return new(big.Rat).Quo(x, y) }},
	}
	for range 2000 {
		x, y := randomRat(random, 200), randomRat(random, 200)
		for _, op := range operations {
			if op.name == "quo" && y.Sign() == 0 {
				continue
			}
			got, err := op.ours(x, y)
			if err != nil {
				t.Fatalf("%s(%s, %s) error: %v", op.name, x, y, err)
			}
			want := op.want(x, y)
			if got.Cmp(want) != 0 || got.Num().Cmp(want.Num()) != 0 || got.Denom().Cmp(want.Denom()) != 0 {
				t.Fatalf("%s(%s, %s) = %s, want %s in lowest terms", op.name, x, y, got, want)
			}
		}
	}
}

func TestRationalMod(t *testing.T) {
	tests := []struct {
		x, y, want string
	}{
		{x: "7", y: "3", want: "1"},
		{x: "-7", y: "3", want: "2"},
		{x: "7", y: "-3", want: "-2"},
		{x: "-7", y: "-3", want: "-1"},
		{x: "11/2", y: "2", want: "3/2"},
		{x: "1/3", y: "1/4", want: "1/12"},
		{x: "6", y: "3", want: "0"},
	}
	for _, tt := range tests {
		got, err := defaultLimits().mod(rat(t, tt.x), rat(t, tt.y))
		if err != nil {
			t.Fatal(err)
		}
		if got.Cmp(rat(t, tt.want)) != 0 {
			t.Errorf("mod(%s, %s) = %s, want %s", tt.x, tt.y, got.RatString(), tt.want)
		}
	}
}

func TestRationalGCDLimit(t *testing.T) {
	lim := limits{maxDigits: 100, maxDenominatorDigits: 10, maxApproximateDigits: 10}
	long := new(big.Int).Add(pow10(20), big.NewInt(1))
	multiple := new(big.Int).Mul(long, big.NewInt(3))
	if g, err := lim.gcd(multiple, long); err != nil || g.Cmp(long) != 0 {
		t.Errorf("gcd of a long number and its multiple: got %v, %v, want %s", g, err, long)
	}
	other := new(big.Int).Add(pow10(20), big.NewInt(7))
	_, err := lim.gcd(long, other)
	var calcErr *Error
	if !errors.As(err, &calcErr) || calcErr.Code != CodeResultTooLarge {
		t.Errorf("gcd of two long coprime numbers: got %v, want a %s error", err, CodeResultTooLarge)
	}
	if g, err := lim.gcd(long, big.NewInt(7)); err != nil || g.Int64() != 1 {
		t.Errorf("gcd with a short number: got %v, %v, want 1", g, err)
	}
}
