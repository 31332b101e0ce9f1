package bigmath

import (
	"context"
	"fmt"
	"math/big"
	"math/rand"
	"testing"
)

func TestDecimalMatchesText(t *testing.T) {
	rng := rand.New(rand.NewSource(10))
	var tests []*big.Int
	for _, bits := range []uint{0, 1, 63, 64, 65, 12000, 13700, 40000, 200000, 1000000, 3000000} {
		n := randomInt(rng, bits)
		tests = append(tests, n, new(big.Int).Neg(n))
	}

	// Powers of ten and their neighbours have long zero or nine runs at the
	// block boundaries of the conversion.
	for _, exp := range []int64{4095, 4096, 4097, 8192, 16384, 16385, 50000} {
		power := new(big.Int).Exp(big.NewInt(10), big.NewInt(exp), nil)
		tests = append(tests, power,
			new(big.Int).Sub(power, big.NewInt(1)),
			new(big.Int).Add(power, big.NewInt(1)))
	}

	for _, n := range tests {
		t.Run(fmt.Sprintf("%d bits", n.BitLen()), func(t *testing.T) {
			got, err := Decimal(context.Background(), n, nil)
			if err != nil {
				t.Fatalf("got error %v, want nil", err)
			}

			if want := n.Text(10); got != want {
				t.Errorf("got %d chars %.20s..., want %d chars %.20s...",
					len(got), got, len(want), want)
			}
		})
	}
}

func TestDecimalReportsProgress(t *testing.T) {
	var log progressLog
	n := randomInt(rand.New(rand.NewSource(11)), 500000)
	if _, err := Decimal(context.Background(), n, log.record); err != nil {
		t.Fatalf("got error %v, want nil", err)
	}

	log.check(t)
}

func TestFormatFixed(t *testing.T) {
	tests := []struct {
		v      int64
		digits int
		want   string
	}{
		{v: 0, digits: 0, want: "0"},
		{v: 0, digits: 2, want: "0.00"},
		{v: 7, digits: 3, want: "0.007"},
		{v: 31415, digits: 4, want: "3.1415"},
		{v: 31415, digits: 0, want: "31415"},
		{v: 1000, digits: 3, want: "1.000"},
	}

	for _, tt := range tests {
		got, err := formatFixed(context.Background(), big.NewInt(tt.v), tt.digits, nil)
		if err != nil {
			t.Fatalf("format %d: got error %v, want nil", tt.v, err)
		}

		if got != tt.want {
			t.Errorf("format %d with %d digits: got %s, want %s", tt.v, tt.digits, got, tt.want)
		}
	}
}
