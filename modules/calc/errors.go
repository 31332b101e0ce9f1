package calc

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"unicode/utf8"
)

// Error codes of *Error.
const (
	// CodeInvalidNumber marks a number that ParseNumber rejected.
	CodeInvalidNumber = "invalid_number"
	// CodeInvalidExpression marks an expression that does not parse.
	CodeInvalidExpression = "invalid_expression"
	// CodeDivisionByZero marks a division, modulo or negative power of zero.
	CodeDivisionByZero = "division_by_zero"
	// CodeResultTooLarge marks a result or intermediate value over
	// MaxResultDigits digits, or a digits request over MaxPrecision.
	CodeResultTooLarge = "result_too_large"
	// CodeDomain marks a function or operator applied outside its domain,
	// such as factorial(1.5), sqrt(-1) or 2^(1/3).
	CodeDomain = "domain_error"
	// CodeTimeout marks a calculation stopped because its context's
	// deadline passed.
	CodeTimeout = "timeout"
)

// Error is a failure caused by the input: permanent, never retried.
type Error struct {
	// Code is one of the Code constants.
	Code string
	// Message is a sentence for the person who wrote the input. For
	// expressions it starts with "position N: " when Position is set.
	Message string
	// Field is the name of the rejected input field ("a" or "b"), or "".
	Field string
	// Position is the 1-based column, in Unicode code points, of the
	// offending character in an expression, or 0 when not applicable.
	Position int

	cause error
}

// Error returns the message, prefixed with the field name when set.
func (e *Error) Error() string {
	if e.Field != "" {
		return e.Field + ": " + e.Message
	}
	return e.Message
}

// Unwrap returns the underlying cause, which is context.DeadlineExceeded
// for CodeTimeout and nil otherwise.
func (e *Error) Unwrap() error {
	return e.cause
}

// newError builds an *Error whose message is formatted like fmt.Sprintf.
func newError(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// positionError builds an *Error for an expression, at a 1-based column.
func positionError(code string, pos int, format string, args ...any) *Error {
	msg := fmt.Sprintf(format, args...)
	return &Error{
		Code:     code,
		Message:  "position " + strconv.Itoa(pos) + ": " + msg,
		Position: pos,
	}
}

// syntaxError builds a CodeInvalidExpression error at a 1-based column.
func syntaxError(pos int, format string, args ...any) *Error {
	return positionError(CodeInvalidExpression, pos, format, args...)
}

// contextError converts a context error into the error Evaluate returns:
// a passed deadline is a permanent CodeTimeout *Error, while cancellation
// returns ctx.Err() unchanged because the input is not at fault.
func contextError(ctx context.Context, err error) error {
	if ctxErr := ctx.Err(); ctxErr != nil {
		if errors.Is(ctxErr, context.DeadlineExceeded) {
			return &Error{
				Code:    CodeTimeout,
				Message: "the calculation did not finish in time",
				cause:   ctxErr,
			}
		}
		return ctxErr
	}
	return err
}

// checkContext returns contextError when ctx is done, and nil otherwise.
func checkContext(ctx context.Context) error {
	if ctx.Err() == nil {
		return nil
	}
	return contextError(ctx, nil)
}

// quote returns s in double quotes, cut to 40 characters so that messages
// stay short for long inputs.
func quote(s string) string {
	const maxRunes = 40
	if utf8.RuneCountInString(s) <= maxRunes {
		return strconv.Quote(s)
	}
	runes := []rune(s)
	return strconv.Quote(string(runes[:maxRunes])+"…") +
		" (" + strconv.Itoa(len(runes)) + " characters)"
}
