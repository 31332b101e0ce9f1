package account

import (
	"errors"
	"net/http"

	"emma/modules/web"
)

// Store errors.
var (
	ErrEmailTaken   = errors.New("email already registered")
	ErrUserNotFound = errors.New("user not found")
	ErrNoSession    = errors.New("session not found or expired")
)

var errBadCredentials = &web.Error{Status: http.StatusUnauthorized, Code: "invalid_credentials",
	Message: "email or password is incorrect"}

var errEmailTakenHTTP = web.Conflict("email_taken", "email",
	"this email is already registered; sign in instead or use another email")
