package calc

import "math/big"

// heavyExponent is the largest exponent literal of ^ that IsHeavy treats
// as light. 2^10000 has 3011 digits.
const heavyExponent = 10_000

// heavyDigits is the largest digits argument of sqrt that IsHeavy treats
// as light.
const heavyDigits = 1000

// IsHeavy reports whether expr should run on the heavy queue. That is the
// case when it calls factorial (or uses !), fib, binomial, factor, pi or e.
// It is also the case when a power has an exponent that is not a number
// literal (signs and parentheses allowed) or whose absolute value exceeds
// 10000. The same holds when sqrt requests more than 1000 digits or a
// computed number of digits. Expressions that do not parse are not heavy, because they
// fail at once.
func IsHeavy(expr string) bool {
	root, err := parse(expr)
	if err != nil {
		return false
	}

	return isHeavyNode(root)
}

func isHeavyNode(n *node) bool {
	switch {
	case n.kind == nodeFactorial:
		return true
	case n.kind == nodeCall:
		if spec, _ := lookupFunction(n.name); spec.heavy {
			return true
		}
		if n.name == "sqrt" && len(n.args) == 2 && !isSmallLiteral(n.args[1], heavyDigits) {
			return true
		}
	case n.kind == nodeBinary && n.op == tokenPower:
		if !isSmallLiteral(n.args[1], heavyExponent) {
			return true
		}
	}
	for _, arg := range n.args {
		if isHeavyNode(arg) {
			return true
		}
	}
	return false
}

// isSmallLiteral reports whether n is a number literal, possibly negated,
// whose absolute value is at most limit.
func isSmallLiteral(n *node, limit int64) bool {
	for n.kind == nodeNegate {
		n = n.args[0]
	}
	if n.kind != nodeNumber || n.number.exponent > 20 {
		return false
	}
	return new(big.Rat).Abs(n.number.rat()).Cmp(big.NewRat(limit, 1)) <= 0
}
