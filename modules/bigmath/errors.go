package bigmath

import "errors"

// ErrInvalidArgument is wrapped by errors for arguments outside a
// function's domain, such as a negative digit count or a factor of zero.
var ErrInvalidArgument = errors.New("invalid argument")

// ErrTooLarge is wrapped by errors for arguments whose result cannot be
// represented by this package's algorithms.
var ErrTooLarge = errors.New("argument too large")
