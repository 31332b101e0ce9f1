package account

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"net/mail"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/labstack/echo/v4/middleware"
	"golang.org/x/time/rate"

	"emma/modules/web"
)

// Input limits, checked before anything is stored.
const (
	MaxEmailLength    = 254
	MaxNameLength     = 100
	MinPasswordLength = 8
	MaxPasswordLength = 128
	SessionLifetime   = 30 * 24 * time.Hour
)

// Service implements registration, login and logout.
type Service struct {
	store *Store
	now   func() time.Time
	// dummyHash is checked when an email is unknown, so a login takes the
	// same time whether or not the account exists.
	dummyHash string
	// perEmail limits login attempts per email address, whatever address
	// they come from, so password guessing on one account stays slow.
	perEmail *middleware.RateLimiterMemoryStore
}

// Login attempts allowed per email: a burst, then one per perEmailEvery.
const (
	perEmailBurst = 10
	perEmailEvery = 6 * time.Second
)

var errTooManyAttempts = &web.Error{Status: http.StatusTooManyRequests, Code: "too_many_requests",
	Message: "too many login attempts for this email; wait a minute and try again"}

// NewService returns a Service over store.
func NewService(store *Store) (*Service, error) {
	dummy, err := hashPassword("emma-dummy-password")
	if err != nil {
		return nil, err
	}
	perEmail := middleware.NewRateLimiterMemoryStoreWithConfig(middleware.RateLimiterMemoryStoreConfig{
		Rate: rate.Every(perEmailEvery), Burst: perEmailBurst, ExpiresIn: 10 * time.Minute,
	})
	return &Service{store: store, now: time.Now, dummyHash: dummy, perEmail: perEmail}, nil
}

// Register creates an account and signs it in, returning the session token.
func (s *Service) Register(ctx context.Context, email, name, password string) (*User, string, error) {
	email, name = normalizeEmail(email), strings.TrimSpace(name)
	if err := validateRegistration(email, name, password); err != nil {
		return nil, "", err
	}
	hash, err := hashPassword(password)
	if err != nil {
		return nil, "", err
	}
	u := &User{Email: email, Name: name, PasswordHash: hash}
	if err := s.store.CreateUser(ctx, u); err != nil {
		if errors.Is(err, ErrEmailTaken) {
			return nil, "", errEmailTakenHTTP
		}
		return nil, "", err
	}
	token, err := s.startSession(ctx, u.ID)
	return u, token, err
}

// Login checks the credentials and starts a new session. A new token is
// issued on every login, so a token planted before login is useless.
func (s *Service) Login(ctx context.Context, email, password string) (*User, string, error) {
	email = normalizeEmail(email)
	if email == "" || password == "" {
		return nil, "", web.Invalid("email", "email and password are required")
	}

	if ok, _ := s.perEmail.Allow(email); !ok {
		return nil, "", errTooManyAttempts
	}
	if !printable(email) {
		// No stored email contains such characters, and Postgres rejects NUL
		// bytes in text, so the lookup is skipped.
		_, _ = checkPassword(s.dummyHash, password)
		return nil, "", errBadCredentials
	}

	u, err := s.store.UserByEmail(ctx, email)
	if errors.Is(err, ErrUserNotFound) {
		_, _ = checkPassword(s.dummyHash, password)
		return nil, "", errBadCredentials
	}
	if err != nil {
		return nil, "", err
	}

	ok, err := checkPassword(u.PasswordHash, password)
	if err != nil {
		return nil, "", fmt.Errorf("check password of user %d: %w", u.ID, err)
	}
	if !ok {
		return nil, "", errBadCredentials
	}

	token, err := s.startSession(ctx, u.ID)
	return u, token, err
}

// Logout ends the session of token.
func (s *Service) Logout(ctx context.Context, token string) error {
	return s.store.DeleteSession(ctx, token)
}

// Authenticate returns the user of a valid session token.
func (s *Service) Authenticate(ctx context.Context, token string) (*User, error) {
	return s.store.UserBySession(ctx, token, s.now())
}

func (s *Service) startSession(ctx context.Context, userID int64) (string, error) {
	raw := make([]byte, 32)
	if _, err := rand.Read(raw); err != nil {
		return "", fmt.Errorf("read session token: %w", err)
	}
	token := base64.RawURLEncoding.EncodeToString(raw)
	if err := s.store.CreateSession(ctx, userID, token, s.now().Add(SessionLifetime)); err != nil {
		return "", err
	}
	return token, nil
}

func validateRegistration(email, name, password string) error {
	addr, err := mail.ParseAddress(email)
	if email == "" || !printable(email) || err != nil || addr.Address != email || len(email) > MaxEmailLength {
		return web.Invalid("email", "%q is not a valid email address; use the form name@example.com (at most %d characters)",
			truncate(email, 60), MaxEmailLength)
	}
	if !printable(name) || !visible(name) {
		return web.Invalid("name", "name must contain visible text without control, format or invalid UTF-8 characters")
	}
	if n := utf8.RuneCountInString(name); n == 0 || n > MaxNameLength {
		return web.Invalid("name", "name must be 1 to %d characters, got %d", MaxNameLength, n)
	}
	if n := utf8.RuneCountInString(password); n < MinPasswordLength || n > MaxPasswordLength {
		return web.Invalid("password", "password must be %d to %d characters, got %d",
			MinPasswordLength, MaxPasswordLength, n)
	}
	return nil
}

// normalizeEmail trims and lowercases an email address. Addresses are
// compared without regard to letter case, in every script: Postgres's
// lower() in the C locale folds only ASCII letters.
func normalizeEmail(email string) string {
	return strings.ToLower(strings.TrimSpace(email))
}

// printable reports whether s is valid UTF-8 without control characters.
func printable(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if unicode.IsControl(r) {
			return false
		}
	}
	return true
}

// visible reports whether s has a character that shows and no format
// characters, such as bidi overrides that reorder what other users see.
func visible(s string) bool {
	hasGlyph := false
	for _, r := range s {
		if unicode.Is(unicode.Cf, r) {
			return false
		}
		if unicode.IsGraphic(r) && !unicode.IsSpace(r) {
			hasGlyph = true
		}
	}
	return hasGlyph
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}
