package bigmath

import (
	"context"
	"math"
)

// Progress receives the completed fraction in [0, 1] and a short phase
// name such as "multiplying" or "converting". Functions call it on the
// computing goroutine, skipping changes below 0.1% within a phase, so the
// callback should return quickly and throttle slow work such as database
// writes itself. A nil Progress is allowed and ignored.
//
// Fractions come from cost estimates, not measurements. They do not
// decrease, except when Pi or E retries with more guard digits, and a
// successful call reports 1 last.
type Progress func(fraction float64, phase string)

// report calls p when p is not nil.
func (p Progress) report(fraction float64, phase string) {
	if p != nil {
		p(fraction, phase)
	}
}

// span maps the [0, 1] progress of one stage onto [lo, hi] of p.
func (p Progress) span(lo, hi float64) Progress {
	if p == nil {
		return nil
	}

	return func(fraction float64, phase string) {
		p(lo+fraction*(hi-lo), phase)
	}
}

// minReportStep is the smallest fraction change a tracker reports, so that
// loops with millions of steps do not call the callback millions of times.
const minReportStep = 0.001

// roundingTolerance absorbs the rounding error of summed work estimates,
// so that a finished computation reports exactly 1.
const roundingTolerance = 1e-9

// tracker carries the context-checked arithmetic of one computation,
// accumulates its estimated work units, and reports their share of the
// total to a Progress.
type tracker struct {
	arith
	progress Progress
	phase    string
	total    float64
	done     float64
	reported float64
}

// newTracker returns a tracker for total work units and reports 0.
func newTracker(ctx context.Context, p Progress, phase string, total float64) *tracker {
	t := &tracker{arith: newArith(ctx), progress: p, phase: phase, total: total, reported: -1}
	t.add(0)

	return t
}

// add records work units, reports progress and returns ctx.Err().
func (t *tracker) add(work float64) error {
	t.done += work
	if t.progress != nil && t.total > 0 {
		fraction := t.done / t.total
		if fraction > 1-roundingTolerance {
			fraction = 1
		}

		if fraction-t.reported >= minReportStep || fraction == 1 && t.reported < 1 {
			t.reported = fraction
			t.progress(fraction, t.phase)
		}
	}

	return t.ctx.Err()
}

// finish reports 1 unless it was reported, for computations whose work
// estimate may fall short of the work done.
func (t *tracker) finish() {
	if t.progress != nil && t.reported < 1 {
		t.reported = 1
		t.progress(1, t.phase)
	}
}

// karatsubaExponent is log2(3), the exponent of Karatsuba multiplication
// cost, which math/big uses for large operands.
const karatsubaExponent = 1.585

// mulCost estimates the cost of a multiplication whose result has the given
// size. The unit may be words, digits or series terms, because only ratios
// of costs matter.
func mulCost(size float64) float64 {
	return math.Pow(size, karatsubaExponent)
}

// doublingWeights returns the estimated cost of each of steps iterations of
// a loop that doubles its operand size per iteration, such as fast
// doubling or square-and-multiply. The last iteration dominates.
func doublingWeights(steps int) []float64 {
	weights := make([]float64, steps)
	for i := range weights {
		weights[i] = mulCost(math.Exp2(float64(i - steps)))
	}

	return weights
}

// sum returns the sum of xs.
func sum(xs []float64) float64 {
	total := 0.0
	for _, x := range xs {
		total += x
	}

	return total
}
