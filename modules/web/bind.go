package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"

	"github.com/labstack/echo/v4"
)

// MaxBodyBytes bounds every request body. Larger bodies get 413, whether
// they declare a length or arrive chunked.
const MaxBodyBytes = 64 << 10

// BindJSON decodes the request's JSON body into dst. It rejects other
// content types, unknown fields, trailing data and bodies over
// MaxBodyBytes, each with an error that names what to send instead.
func BindJSON(c echo.Context, dst any) error {
	req := c.Request()
	if !IsJSON(req) {
		return &Error{Status: http.StatusUnsupportedMediaType, Code: "unsupported_media_type",
			Message: "send the body as JSON with the header Content-Type: application/json"}
	}
	body := http.MaxBytesReader(c.Response(), req.Body, MaxBodyBytes)
	dec := json.NewDecoder(body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		return decodeError(err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return BadRequest("invalid_json", "the body must contain exactly one JSON object")
	}
	return nil
}

// IsJSON reports whether the request declares a JSON body.
func IsJSON(req *http.Request) bool {
	mt, _, err := mime.ParseMediaType(req.Header.Get("Content-Type"))
	return err == nil && mt == "application/json"
}

func decodeError(err error) error {
	var tooLarge *http.MaxBytesError
	var syntax *json.SyntaxError
	var typeErr *json.UnmarshalTypeError
	switch {
	case errors.As(err, &tooLarge), errors.Is(err, echo.ErrStatusRequestEntityTooLarge):
		return &Error{Status: http.StatusRequestEntityTooLarge, Code: "body_too_large",
			Message: fmt.Sprintf("the request body is over %d bytes; send a smaller one", MaxBodyBytes)}
	case errors.As(err, &syntax), errors.Is(err, io.ErrUnexpectedEOF):
		return BadRequest("invalid_json", "the body is not valid JSON: %v", err)
	case errors.As(err, &typeErr):
		return &Error{Status: http.StatusUnprocessableEntity, Code: "invalid_" + typeErr.Field,
			Field:   typeErr.Field,
			Message: fmt.Sprintf("%s must be a JSON %s, not %s", typeErr.Field, typeErr.Type, typeErr.Value)}
	case errors.Is(err, io.EOF):
		return BadRequest("invalid_json", "the body is empty; send a JSON object")
	default:
		return BadRequest("invalid_json", "the body could not be read as JSON: %v", err)
	}
}
