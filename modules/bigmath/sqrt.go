package bigmath

import (
	"context"
	"fmt"
	"math/big"
)

// SqrtDigits returns the square root of x >= 0 truncated to digits digits
// after the point, such as "1.4142" for 2 and 4 digits. Every digit is
// correct, because it takes the integer square root of
// floor(x 10^(2 digits)), whose floor equals that of the exact root.
// Use SqrtRat to learn whether the root is exact.
func SqrtDigits(ctx context.Context, x *big.Rat, digits int) (string, error) {
	if x.Sign() < 0 {
		return "", fmt.Errorf("square root of a negative number: %w", ErrInvalidArgument)
	}

	if digits < 0 {
		return "", fmt.Errorf("square root digits: negative count %d: %w", digits, ErrInvalidArgument)
	}

	if err := ctx.Err(); err != nil {
		return "", err
	}

	v, err := scaledSqrt(newArith(ctx), x, digits)
	if err != nil {
		return "", err
	}

	return formatFixed(ctx, v, digits, nil)
}

// scaledSqrt returns floor(sqrt(x) 10^digits) for x >= 0.
func scaledSqrt(a arith, x *big.Rat, digits int) (*big.Int, error) {
	scale, err := tenToThe(a, 2*digits)
	if err != nil {
		return nil, err
	}

	v, err := a.mul(x.Num(), scale)
	if err != nil {
		return nil, err
	}

	if v, _, err = a.quoRem(v, x.Denom()); err != nil {
		return nil, err
	}

	return isqrt(a, v)
}

// SqrtRat returns the square root of x and true when x >= 0 is the square
// of a rational, and nil and false otherwise. A reduced fraction is a
// square exactly when its numerator and denominator are squares.
func SqrtRat(x *big.Rat) (r *big.Rat, ok bool) {
	if x.Sign() < 0 {
		return nil, false
	}

	num, ok := exactSqrt(x.Num())
	if !ok {
		return nil, false
	}

	den, ok := exactSqrt(x.Denom())
	if !ok {
		return nil, false
	}

	return new(big.Rat).SetFrac(num, den), true
}

// exactSqrt returns the square root of x >= 0 when x is a perfect square.
func exactSqrt(x *big.Int) (*big.Int, bool) {
	// isqrt fails only when its context ends, which Background never does.
	root, _ := isqrt(newArith(context.Background()), x)
	square := new(big.Int).Mul(root, root)

	return root, square.Cmp(x) == 0
}
