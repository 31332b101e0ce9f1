package bigmath

import (
	"math"
	"math/big"
)

// rhoBig is rho64 for n >= 2^64 on big.Int values.
func (f *factorizer) rhoBig(n *big.Int, c uint64) (*big.Int, error) {
	addend := new(big.Int).SetUint64(c)
	tmp := new(big.Int)
	step := func(y *big.Int) {
		tmp.Mul(y, y)
		tmp.Add(tmp, addend)
		y.Mod(tmp, n)
	}

	y, q, g := big.NewInt(2), big.NewInt(1), big.NewInt(1)
	x, saved, diff := new(big.Int), new(big.Int), new(big.Int)
	unit := big.NewInt(1)

	for r := 1; g.Cmp(unit) == 0; r *= 2 {
		f.reportSearch(r, n)
		x.Set(y)
		for i := 0; i < r; i++ {
			step(y)
			if i%rhoBatch == 0 {
				if err := f.ctx.Err(); err != nil {
					return nil, err
				}
			}
		}

		for k := 0; k < r && g.Cmp(unit) == 0; k += rhoBatch {
			if err := f.ctx.Err(); err != nil {
				return nil, err
			}

			saved.Set(y)
			for range min(rhoBatch, r-k) {
				step(y)
				tmp.Mul(q, diff.Sub(x, y).Abs(diff))
				q.Mod(tmp, n)
			}

			g.GCD(nil, nil, q, n)
		}
	}

	if g.Cmp(n) == 0 {
		return backtrackBig(x, saved, step, n), nil
	}

	return g, nil
}

// backtrackBig is backtrack64 on big.Int values.
func backtrackBig(x, saved *big.Int, step func(*big.Int), n *big.Int) *big.Int {
	diff, g := new(big.Int), new(big.Int)
	for {
		step(saved)
		g.GCD(nil, nil, diff.Sub(x, saved).Abs(diff), n)
		if g.Cmp(big.NewInt(1)) > 0 {
			return g
		}
	}
}

// reportSearch reports progress while rho searches n at cycle length r.
// Rho finds a prime factor p after about sqrt(p) <= n^(1/4) steps, so
// log2(r) against a quarter of n's bit length estimates how far the search
// has come. The estimate is capped below 1 because a search can run past it.
func (f *factorizer) reportSearch(r int, n *big.Int) {
	if f.totalBits <= 0 {
		return
	}
	done := min(f.doneBits/f.totalBits, 1)
	search := min(math.Log2(float64(r))/(float64(n.BitLen())/4), 0.95)
	f.report(done + (1-done)*search)
}
