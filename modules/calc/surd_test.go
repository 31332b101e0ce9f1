package calc

import (
	"math/big"
	"testing"
)

func TestSplitSquare(t *testing.T) {
	tests := []struct {
		n, square, rest string
	}{
		{n: "1", square: "1", rest: "1"},
		{n: "12", square: "2", rest: "3"},
		{n: "72", square: "6", rest: "2"},
		{n: "2025", square: "45", rest: "1"},
		{n: "1996002", square: "999", rest: "2"},
		{n: "2006", square: "1", rest: "2006"},
		// 1009 is a prime above squareFactorLimit, so its square stays.
		{n: "2036162", square: "1", rest: "2036162"},
	}
	for _, tt := range tests {
		t.Run(tt.n, func(t *testing.T) {
			n, _ := new(big.Int).SetString(tt.n, 10)
			square, rest := splitSquare(n)
			if square.String() != tt.square || rest.String() != tt.rest {
				t.Errorf("got %s^2 * %s, want %s^2 * %s", square, rest, tt.square, tt.rest)
			}
		})
	}
}

func TestSplitSquareSkipsLongNumbers(t *testing.T) {
	n := new(big.Int).Lsh(big.NewInt(1), squareFactorBits+2)
	square, rest := splitSquare(n)
	if square.Cmp(bigOne) != 0 || rest.Cmp(n) != 0 {
		t.Errorf("got %s^2 * rest, want the number kept whole", shorten(square.String()))
	}
}
