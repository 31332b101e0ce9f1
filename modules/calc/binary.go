package calc

import (
	"context"
	"fmt"
	"math/big"
)

// Operation names the calculation that a job performs.
type Operation string

// Operations: the four binary operations on a and b, and a free-form
// expression.
const (
	OperationAdd        Operation = "add"
	OperationSubtract   Operation = "subtract"
	OperationMultiply   Operation = "multiply"
	OperationDivide     Operation = "divide"
	OperationExpression Operation = "expression"
)

// BinaryOperations lists the operations that Binary accepts, in the order
// in which a submission of two numbers creates its jobs.
func BinaryOperations() []Operation {
	return []Operation{
		OperationAdd, OperationSubtract, OperationMultiply, OperationDivide,
	}
}

// Binary applies op, one of the four binary operations, to a and b exactly.
// Division by zero returns an *Error of CodeDivisionByZero. An operation
// other than add, subtract, multiply and divide is a programming error and
// returns a plain error.
func Binary(ctx context.Context, op Operation, a, b *big.Rat) (Result, error) {
	if err := checkContext(ctx); err != nil {
		return Result{}, err
	}

	lim := defaultLimits()
	var compute func(x, y *big.Rat) (*big.Rat, error)
	switch op {
	case OperationAdd:
		compute = lim.add
	case OperationSubtract:
		compute = lim.sub
	case OperationMultiply:
		compute = lim.mul
	case OperationDivide:
		compute = lim.quo
	default:
		return Result{}, fmt.Errorf("binary operation %q: unknown operation", op)
	}

	value, err := compute(a, b)
	if err != nil {
		return Result{}, err
	}

	return formatRat(ctx, value, lim)
}
