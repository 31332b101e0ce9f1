// Command bigcalc prints the results of the bigmath benchmarks as decimal
// text, so that bench_compare.sh can check them against python3 and bc.
//
// Usage: go run ./modules/bigmath/testdata/bigcalc NAME, where NAME is
// factorial, fib, factor, pi or pow.
package main

import (
	"context"
	"fmt"
	"math/big"
	"os"
	"strings"

	"emma/modules/bigmath"
)

// semiprime is the 60-bit semiprime of the factor benchmark.
const semiprime = 1073741796516192523

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: bigcalc factorial|fib|factor|pi|pow")
		os.Exit(2)
	}

	text, err := compute(context.Background(), os.Args[1])
	if err != nil {
		fmt.Fprintf(os.Stderr, "bigcalc %s: %v\n", os.Args[1], err)
		os.Exit(1)
	}

	fmt.Println(text)
}

// compute returns the decimal text of the named benchmark result.
func compute(ctx context.Context, name string) (string, error) {
	var n *big.Int
	var err error
	switch name {
	case "factorial":
		n, err = bigmath.Factorial(ctx, 200000, nil)
	case "fib":
		n, err = bigmath.Fib(ctx, 1000000, nil)
	case "pow":
		n, err = bigmath.Pow(ctx, big.NewInt(3), 1000000, nil)
	case "pi":
		return bigmath.Pi(ctx, 20000, nil)
	case "factor":
		return factorText(ctx)
	default:
		return "", fmt.Errorf("unknown computation %q", name)
	}

	if err != nil {
		return "", err
	}

	return bigmath.Decimal(ctx, n, nil)
}

// factorText returns the factorization of semiprime as "p * q".
func factorText(ctx context.Context) (string, error) {
	f, err := bigmath.Factor(ctx, big.NewInt(semiprime), nil)
	if err != nil {
		return "", err
	}

	parts := make([]string, len(f.Factors))
	for i, pp := range f.Factors {
		parts[i] = pp.Prime.String()
	}

	return strings.Join(parts, " * "), nil
}
