package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"reflect"
	"strings"

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
		if tooLarge(err) {
			return errBodyTooLarge
		}
		return BadRequest("invalid_json", "the body must contain exactly one JSON object")
	}
	return nil
}

// errBodyTooLarge is returned for a body over MaxBodyBytes.
var errBodyTooLarge = &Error{Status: http.StatusRequestEntityTooLarge, Code: "body_too_large",
	Message: fmt.Sprintf("the request body is over %d bytes; send a smaller one", MaxBodyBytes)}

// BodyTooLarge returns the error for a body over MaxBodyBytes.
func BodyTooLarge() *Error { return errBodyTooLarge }

func tooLarge(err error) bool {
	var maxBytes *http.MaxBytesError
	return errors.As(err, &maxBytes) || errors.Is(err, echo.ErrStatusRequestEntityTooLarge)
}

// IsJSON reports whether the request declares a JSON body.
func IsJSON(req *http.Request) bool {
	mt, _, err := mime.ParseMediaType(req.Header.Get("Content-Type"))
	return err == nil && mt == "application/json"
}

func decodeError(err error) error {
	var syntax *json.SyntaxError
	var typeErr *json.UnmarshalTypeError
	switch {
	case tooLarge(err):
		return errBodyTooLarge
	case errors.As(err, &syntax), errors.Is(err, io.ErrUnexpectedEOF):
		return BadRequest("invalid_json", "the body is not valid JSON: %v", err)
	case errors.As(err, &typeErr) && typeErr.Field == "":
		return &Error{Status: http.StatusUnprocessableEntity, Code: "invalid_type",
			Message: fmt.Sprintf("the body must be a JSON object, not %s", typeErr.Value)}
	case errors.As(err, &typeErr):
		return &Error{Status: http.StatusUnprocessableEntity, Code: "invalid_type", Field: typeErr.Field,
			Message: fmt.Sprintf("%s must be a JSON %s, not %s", typeErr.Field, jsonType(typeErr.Type), typeErr.Value)}
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		// encoding/json reports unknown fields only in this message.
		name := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return &Error{Status: http.StatusUnprocessableEntity, Code: "unknown_field", Field: name,
			Message: fmt.Sprintf("unknown field %q; remove it", name)}
	case errors.Is(err, io.EOF):
		return BadRequest("invalid_json", "the body is empty; send a JSON object")
	default:
		return BadRequest("invalid_json", "the body could not be read as JSON: %v", err)
	}
}

// jsonType names the JSON type that decodes into t.
func jsonType(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return "string"
	case reflect.Bool:
		return "boolean"
	case reflect.Slice, reflect.Array:
		return "array of " + jsonType(t.Elem()) + "s"
	case reflect.Map, reflect.Struct:
		return "object"
	default:
		return "number"
	}
}

// RequireJSONWrites rejects API writes without a JSON content type. A
// cross-site HTML form cannot send one without a CORS preflight, which
// Emma never grants, so this also protects cookie-authenticated writes.
func RequireJSONWrites(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		req := c.Request()
		if req.Method == http.MethodPost && !IsJSON(req) {
			return &Error{Status: http.StatusUnsupportedMediaType, Code: "unsupported_media_type",
				Message: "send the body as JSON with the header Content-Type: application/json"}
		}
		return next(c)
	}
}
