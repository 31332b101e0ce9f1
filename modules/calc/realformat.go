package calc

import (
	"context"
	"math/big"
)

// truncationGuardDigits is the number of digits beyond the shown ones
// that the first enclosure of a result computes.
const truncationGuardDigits = 8

// formatReal builds the Result of an approximate value: its decimal
// expansion truncated toward zero to places digits after the point.
func formatReal(ctx context.Context, x *real, places int, lim limits) (Result, error) {
	if err := lim.checkApproximate(x.magnitude); err != nil {
		return Result{}, err
	}

	unit := pow10(places)
	start := digitsToBitsCeil(places + truncationGuardDigits)
	truncated, err := decideInteger(ctx, x, start, lim.refineLimit(start),
		func(n *big.Int, scale int) *big.Int {
			scaled := new(big.Int).Mul(n, unit)
			if scaled.Sign() < 0 {
				return neg(shiftFloor(scaled.Neg(scaled), scale))
			}
			return shiftFloor(scaled, scale)
		})
	if err != nil {
		return Result{}, err
	}

	if truncated == nil {
		return Result{}, newError(CodeDomain,
			"the first %d digits after the point of this result cannot be "+
				"determined with certainty, because the result may equal a number "+
				"with at most that many digits after the point, as sqrt(2)*sqrt(2) "+
				"equals 2; rewrite the expression so that it is exact", places)
	}
	text, err := pointText(ctx, truncated, places)
	if err != nil {
		return Result{}, err
	}

	return Result{Value: text, Approximate: true}, nil
}
