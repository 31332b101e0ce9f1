package facts

import (
	"context"
	"math/big"
	"time"
)

// DefaultBudget is the time Compute allows itself when ctx has no deadline.
const DefaultBudget = 200 * time.Millisecond

// Size limits. Each bounds one step that cannot be interrupted, so that a
// huge value gets the cheap facts and skips the rest.
const (
	// maxDecimalBits bounds the conversion of an integer to decimal text,
	// which is superlinear in the size. 2^24 bits are about 5 million
	// digits, five times calc.MaxResultDigits.
	maxDecimalBits = 1 << 24
	// maxPrimeBits bounds primality tests, the Lucas-Lehmer test and
	// factorization. One Baillie-PSW test on a 4096-bit number takes an
	// estimated few tens of milliseconds.
	maxPrimeBits = 4096
	// maxSequenceBits bounds the perfect power, triangular, Fibonacci and
	// factorial checks, which check ctx between their steps.
	maxSequenceBits = 1 << 14
	// maxInlineDigits is the longest value that a sentence or a line
	// prints in full.
	maxInlineDigits = 40
	// leadingDigitCount is the number of leading digits kept for a value
	// that is too long to print.
	leadingDigitCount = 6
)

// Compute returns the verified facts of a result. When v is not nil it is
// the exact value and text is ignored. When v is nil, text is the decimal
// approximation of an irrational result, and the facts only describe its
// sign and its number of significant digits.
//
// Compute spends at most the time left before the deadline of ctx, or
// DefaultBudget when ctx has none, on checks that can stop early. A
// factorization cut short is marked Partial, and checks that did not run
// are listed in Facts.Skipped.
//
// NOTE: steps that cannot stop early are bounded only by the size limits
// above, so Compute may overrun the budget by such a step. Converting a
// random million-digit integer to decimal took about 0.2 s in a test on a
// shared two-core machine.
func Compute(ctx context.Context, text string, v *big.Rat) Facts {
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, DefaultBudget)
		defer cancel()
	}

	switch {
	case v == nil:
		return approximateFacts(text)
	case v.IsInt():
		return integerFacts(ctx, new(big.Int).Set(v.Num()))
	default:
		return fractionFacts(ctx, v)
	}
}

// integerFacts returns the facts of the integer n.
func integerFacts(ctx context.Context, n *big.Int) Facts {
	f := Facts{
		Exact:    true,
		Integer:  true,
		Negative: n.Sign() < 0,
		Zero:     n.Sign() == 0,
		Even:     n.Bit(0) == 0,
	}
	abs := new(big.Int).Abs(n)

	f.addDigitFacts(abs)
	f.addPrimality(abs)
	f.addPowers(ctx, abs)
	f.addTriangular(ctx, abs)
	f.addFibonacci(ctx, abs)
	f.addFactorial(ctx, abs)
	f.addPerfectNumber(abs)
	f.addFactorization(ctx, abs)

	return f
}
