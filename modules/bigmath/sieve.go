package bigmath

import (
	"context"
	"fmt"
	"math"
)

// sieveSegment is the number of odd candidates sieved per segment, and so
// the number of marks between context checks at most.
const sieveSegment = 1 << 18

// maxSieveLimit is the largest bound primesUpTo accepts, because primes
// are stored as uint32.
const maxSieveLimit = math.MaxUint32

// primesUpTo returns the odd primes p <= limit in ascending order using a
// segmented sieve of Eratosthenes over odd numbers. It checks ctx once per
// segment.
func primesUpTo(ctx context.Context, limit uint64, p Progress) ([]uint32, error) {
	if limit > maxSieveLimit {
		return nil, fmt.Errorf("sieve up to %d: %w", limit, ErrTooLarge)
	}

	root := uint64(math.Sqrt(float64(limit))) + 1
	base := smallOddPrimes(root)
	primes := make([]uint32, 0, estimatePrimeCount(limit))
	composite := make([]bool, min(sieveSegment, limit/2+1))
	segment := uint64(len(composite))

	// Each segment covers the odd numbers low, low+2, ..., low+2*(segment-1).
	for low := uint64(3); low <= limit; low += 2 * segment {
		if err := ctx.Err(); err != nil {
			return nil, err
		}

		p.report(float64(low)/float64(limit), "sieving")
		clear(composite)
		markComposites(composite, base, low)

		for i, isComposite := range composite {
			candidate := low + 2*uint64(i)
			if candidate > limit {
				break
			}

			if !isComposite {
				primes = append(primes, uint32(candidate))
			}
		}
	}

	return primes, nil
}

// markComposites marks the odd multiples of base primes in the segment
// starting at the odd number low.
func markComposites(composite []bool, base []uint64, low uint64) {
	high := low + 2*uint64(len(composite))
	for _, q := range base {
		if q*q >= high {
			break
		}

		start := max(q*q, (low+q-1)/q*q)
		if start%2 == 0 {
			start += q
		}

		for m := start; m < high; m += 2 * q {
			composite[(m-low)/2] = true
		}
	}
}

// smallOddPrimes returns the odd primes up to limit with a plain sieve
// over odd numbers, where index i stands for 2i+1.
func smallOddPrimes(limit uint64) []uint64 {
	composite := make([]bool, limit/2+1)
	primes := make([]uint64, 0, estimatePrimeCount(limit))
	for i := uint64(1); 2*i+1 <= limit; i++ {
		if composite[i] {
			continue
		}

		p := 2*i + 1
		primes = append(primes, p)
		for m := p * p / 2; m < uint64(len(composite)); m += p {
			composite[m] = true
		}
	}

	return primes
}

// estimatePrimeCount returns 1.26 x / ln x, a capacity hint for the number
// of primes up to x. An estimate that is too low only costs reallocations.
func estimatePrimeCount(x uint64) int {
	if x < 17 {
		return 8
	}

	return int(1.26 * float64(x) / math.Log(float64(x)))
}
