package account

import (
	"log/slog"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	"gorm.io/gorm"

	"emma/modules/web"
)

// Module serves the account pages and API.
type Module struct {
	svc    *Service
	log    *slog.Logger
	secure bool
}

// New returns the account module. secure sets the Secure cookie attribute,
// for a public URL served over https.
func New(db *gorm.DB, log *slog.Logger, secure bool) (*Module, error) {
	svc, err := NewService(NewStore(db))
	if err != nil {
		return nil, err
	}
	return &Module{svc: svc, log: log, secure: secure}, nil
}

// Middleware resolves the session cookie on every request.
func (m *Module) Middleware() echo.MiddlewareFunc { return m.loadUser }

// Routes registers the account pages and API endpoints.
func (m *Module) Routes(e *echo.Echo) {
	limit := rateLimit()
	e.GET("/login", m.pageLogin)
	e.POST("/login", m.submitLogin, limit)
	e.GET("/register", m.pageRegister)
	e.POST("/register", m.submitRegister, limit)
	e.POST("/logout", m.submitLogout)

	api := e.Group("/api/v1/auth", web.RequireJSONWrites)
	api.POST("/register", m.apiRegister, limit)
	api.POST("/login", m.apiLogin, limit)
	api.POST("/logout", m.apiLogout)
	api.GET("/me", m.apiMe, RequireAPIUser)
}

// RequireAPIUser rejects API requests without a signed-in user with 401.
func RequireAPIUser(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if web.CurrentUser(c) == nil {
			return web.Unauthorized
		}
		return next(c)
	}
}

// RequirePageUser sends visitors without a session to the login page.
func RequirePageUser(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if web.CurrentUser(c) == nil {
			return c.Redirect(http.StatusSeeOther, "/login")
		}
		return next(c)
	}
}

// Login and registration limits per client address: a sustained rate
// and a burst. Each attempt costs an argon2id hash, so this bounds the CPU
// and memory that one address can spend, and slows password guessing.
const (
	authRatePerSecond = 5
	authBurst         = 30
)

// rateLimit returns middleware that rejects with 429 an address over the
// login and registration limits. Addresses come from Echo's IPExtractor,
// which the app sets to the connection's address, so a forged
// X-Forwarded-For header cannot dodge the limit.
func rateLimit() echo.MiddlewareFunc {
	store := middleware.NewRateLimiterMemoryStoreWithConfig(middleware.RateLimiterMemoryStoreConfig{
		Rate: authRatePerSecond, Burst: authBurst, ExpiresIn: 3 * time.Minute,
	})
	return middleware.RateLimiter(store)
}
