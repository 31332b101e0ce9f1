package calc

// functionSpec describes a function that expressions can call.
type functionSpec struct {
	// minArgs and maxArgs bound the number of arguments.
	minArgs, maxArgs int
	// constant reports whether the name may be written without parentheses,
	// as pi and e can.
	constant bool
	// heavy reports whether a call sends the job to the heavy queue.
	heavy bool
}

// functionNames lists the known functions for error messages.
const functionNames = "abs, binomial, ceil, e, factor, factorial, fib, floor, " +
	"gcd, isprime, lcm, mod, pi, round, sqrt"

// lookupFunction returns the spec of the function called name, which must
// be in lower case.
func lookupFunction(name string) (functionSpec, bool) {
	switch name {
	case "abs", "floor", "ceil":
		return functionSpec{minArgs: 1, maxArgs: 1}, true
	case "isprime":
		return functionSpec{minArgs: 1, maxArgs: 1}, true
	case "sqrt", "round":
		return functionSpec{minArgs: 1, maxArgs: 2}, true
	case "gcd", "lcm", "mod":
		return functionSpec{minArgs: 2, maxArgs: 2}, true
	case "factorial", "fib", "factor":
		return functionSpec{minArgs: 1, maxArgs: 1, heavy: true}, true
	case "binomial":
		return functionSpec{minArgs: 2, maxArgs: 2, heavy: true}, true
	case "pi", "e":
		return functionSpec{minArgs: 0, maxArgs: 1, constant: true, heavy: true}, true
	}
	return functionSpec{}, false
}
