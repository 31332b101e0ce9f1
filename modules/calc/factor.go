package calc

import (
	"math/big"
	"strconv"
	"strings"

	"emma/modules/bigmath"
)

// factor returns the prime factorization of the nonzero integer v as
// text, such as "2^3 × 3 × 5" for 120 or "-1 × 7" for -7. The text is
// itself an expression that evaluates to v.
func (ev *evaluator) factor(v value) (value, error) {
	n, err := integerArgument(v, "factor")
	if err != nil {
		return value{}, err
	}

	if n.Sign() == 0 {
		return value{}, newError(CodeDomain, "factor is not defined for 0")
	}
	if err := checkPrimeSize(n, "factor"); err != nil {
		return value{}, err
	}

	result, err := bigmath.Factor(ev.ctx, n, ev.progress)
	if err != nil {
		return value{}, err
	}

	return value{text: factorizationText(n, result), digits: -1}, nil
}

// factorizationText writes a factorization as a product of prime powers
// separated by " × ", with a leading "-1" factor for negative numbers and
// "1" for 1.
func factorizationText(n *big.Int, f bigmath.Factorization) string {
	var parts []string
	if n.Sign() < 0 {
		parts = append(parts, "-1")
	}
	for _, power := range f.Factors {
		part := power.Prime.String()
		if power.Exp > 1 {
			part += "^" + strconv.Itoa(power.Exp)
		}
		parts = append(parts, part)
	}
	// Rest is set only when the context ended, which returns an error
	// before this point, so a complete factorization is written.
	if len(parts) == 0 {
		return "1"
	}
	if len(parts) == 1 && n.Sign() < 0 {
		return "-1"
	}
	return strings.Join(parts, " × ")
}
