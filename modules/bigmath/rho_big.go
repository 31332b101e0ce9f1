package bigmath

import "math/big"

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
