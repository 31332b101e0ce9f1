package calc

import (
	"context"
	"errors"
	"fmt"

	"emma/modules/bigmath"
)

// Options tunes Evaluate.
type Options struct {
	// Precision is the number of digits after the point shown for an
	// irrational result, from 1 to MaxPrecision. Zero selects
	// DefaultPrecision. A digits argument in the expression, as in
	// sqrt(2, 50) or pi(50), takes precedence.
	Precision int
	// Progress, when set, receives the completed fraction in [0, 1] and a
	// phase name from the long computations of bigmath. It is called
	// without throttling.
	Progress func(fraction float64, phase string)
}

// places returns the digits shown for an irrational result without a
// digits argument.
func (o Options) places() (int, error) {
	switch {
	case o.Precision == 0:
		return DefaultPrecision, nil
	case o.Precision < 0:
		err := newError(CodeInvalidNumber, "precision must be between 1 and %d, got %d",
			MaxPrecision, o.Precision)
		err.Field = "precision"
		return 0, err
	case o.Precision > MaxPrecision:
		err := newError(CodeResultTooLarge, "precision must be at most %d, got %d",
			MaxPrecision, o.Precision)
		err.Field = "precision"
		return 0, err
	}
	return o.Precision, nil
}

// Validate parses expr without evaluating it. It returns an *Error of
// CodeInvalidExpression, with Position set for syntax errors, when expr
// is empty, too long, nested too deeply, or does not parse, or when it
// calls an unknown function or passes the wrong number of arguments.
func Validate(expr string) error {
	_, err := parse(expr)
	return err
}

// Evaluate parses and evaluates expr. docs/expressions.md describes the
// syntax and the functions. Errors caused by the input are *Error values.
// When ctx's deadline passes Evaluate returns an *Error of CodeTimeout,
// and when ctx is cancelled it returns ctx.Err() unchanged.
func Evaluate(ctx context.Context, expr string, opts Options) (Result, error) {
	return evaluate(ctx, expr, opts, defaultLimits())
}

// evaluate is Evaluate with explicit limits.
func evaluate(ctx context.Context, expr string, opts Options, lim limits) (Result, error) {
	if err := checkContext(ctx); err != nil {
		return Result{}, err
	}

	places, err := opts.places()
	if err != nil {
		return Result{}, err
	}

	root, err := parse(expr)
	if err != nil {
		return Result{}, err
	}

	ev := &evaluator{ctx: ctx, lim: lim, progress: bigmath.Progress(opts.Progress)}
	v, err := ev.eval(root)
	if err != nil {
		return Result{}, finishError(ctx, err)
	}

	result, err := ev.result(v, places)
	if err != nil {
		return Result{}, finishError(ctx, err)
	}

	return result, nil
}

// result builds the Result of the final value.
func (ev *evaluator) result(v value, places int) (Result, error) {
	switch {
	case v.rat != nil:
		return formatRat(ev.ctx, v.rat, ev.lim)
	case v.approx != nil:
		if v.digits >= 0 {
			places = v.digits
		}
		return formatReal(ev.ctx, v.approx, places, ev.lim)
	}
	return Result{Value: v.text, Exact: v.text}, nil
}

// finishError returns input errors unchanged, converts context errors as
// contextError does and wraps anything else as an internal failure.
func finishError(ctx context.Context, err error) error {
	var calcErr *Error
	switch {
	case errors.As(err, &calcErr):
		return err
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		return contextError(ctx, err)
	}
	return fmt.Errorf("evaluate expression: %w", err)
}
