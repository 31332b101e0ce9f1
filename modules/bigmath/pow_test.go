package bigmath

import (
	"context"
	"fmt"
	"math/big"
	"math/rand"
	"testing"
)

func TestPowMatchesExp(t *testing.T) {
	huge := new(big.Int).Lsh(big.NewInt(12345), 200)
	tests := []struct {
		base string
		exp  uint64
	}{
		{base: "0", exp: 0},
		{base: "0", exp: 5},
		{base: "1", exp: 1 << 40},
		{base: "-1", exp: 7},
		{base: "-1", exp: 8},
		{base: "5", exp: 0},
		{base: "-5", exp: 0},
		{base: "2", exp: 100},
		{base: "-2", exp: 3},
		{base: "-2", exp: 4},
		{base: "-64", exp: 11},
		{base: "3", exp: 1},
		{base: "7", exp: 13},
		{base: "-12345", exp: 77},
		{base: "10", exp: 1000},
		{base: huge.String(), exp: 33},
		{base: "-" + huge.String(), exp: 33},
	}

	for _, tt := range tests {
		t.Run(fmt.Sprintf("%.12s^%d", tt.base, tt.exp), func(t *testing.T) {
			base := parseInt(t, tt.base)
			got, err := Pow(context.Background(), base, tt.exp, nil)
			if err != nil {
				t.Fatalf("got error %v, want nil", err)
			}

			want := new(big.Int).Exp(base, new(big.Int).SetUint64(tt.exp), nil)
			if got.Cmp(want) != 0 {
				t.Errorf("got %s, want %s", got, want)
			}
		})
	}
}

func TestPowRandomBases(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for range 50 {
		base := randomInt(rng, 300)
		base.Sub(base, new(big.Int).Lsh(big.NewInt(1), 299))
		exp := uint64(rng.Intn(300))
		got, err := Pow(context.Background(), base, exp, nil)
		if err != nil {
			t.Fatalf("%s^%d: got error %v, want nil", base, exp, err)
		}

		want := new(big.Int).Exp(base, new(big.Int).SetUint64(exp), nil)
		if got.Cmp(want) != 0 {
			t.Errorf("%s^%d: got %s, want %s", base, exp, got, want)
		}
	}
}

func TestPowDoesNotMutateBase(t *testing.T) {
	base := big.NewInt(-3)
	if _, err := Pow(context.Background(), base, 41, nil); err != nil {
		t.Fatalf("got error %v, want nil", err)
	}

	if base.Int64() != -3 {
		t.Errorf("got base %s after Pow, want -3", base)
	}
}

func TestPowReportsProgress(t *testing.T) {
	var log progressLog
	if _, err := Pow(context.Background(), big.NewInt(3), 100000, log.record); err != nil {
		t.Fatalf("got error %v, want nil", err)
	}

	log.check(t)
}
