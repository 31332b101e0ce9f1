// Package web holds the HTTP plumbing that every module shares: the error
// type handlers return, JSON decoding, origin checks and page rendering.
package web

import (
	"errors"
	"fmt"
	"net/http"
)

// Error is a failure the client can act on. Handlers return it and the
// application's error handler writes it as JSON {error: {code, message,
// field}} or as an error page.
type Error struct {
	Status  int    `json:"-"`
	Code    string `json:"code"`
	Message string `json:"message"`
	Field   string `json:"field,omitempty"`
}

func (e *Error) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("%s (%s): %s", e.Code, e.Field, e.Message)
	}
	return e.Code + ": " + e.Message
}

// Invalid returns a 422 error for one request field.
func Invalid(field, format string, args ...any) *Error {
	return &Error{Status: http.StatusUnprocessableEntity, Code: "invalid_" + field,
		Message: fmt.Sprintf(format, args...), Field: field}
}

// BadRequest returns a 400 error for a request that cannot be read.
func BadRequest(code, format string, args ...any) *Error {
	return &Error{Status: http.StatusBadRequest, Code: code, Message: fmt.Sprintf(format, args...)}
}

// NotFound returns a 404 error naming what was not found.
func NotFound(what string) *Error {
	return &Error{Status: http.StatusNotFound, Code: "not_found", Message: what + " not found"}
}

// Unauthorized is returned when a request needs a signed-in user.
var Unauthorized = &Error{Status: http.StatusUnauthorized, Code: "unauthorized",
	Message: "sign in first: this request needs a session cookie"}

// Conflict returns a 409 error.
func Conflict(code, field, message string) *Error {
	return &Error{Status: http.StatusConflict, Code: code, Message: message, Field: field}
}

// AsError reports whether err is or wraps an *Error and returns it.
func AsError(err error) (*Error, bool) {
	var e *Error
	if errors.As(err, &e) {
		return e, true
	}
	return nil, false
}
