package app

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"emma/modules/account"
	"emma/modules/dashboard"
	"emma/modules/web"
	"emma/static"
	"emma/templates"
)

func (a *App) startHTTP(ctx context.Context) error {
	e, err := a.newEcho()
	if err != nil {
		return err
	}
	a.echo = e

	ln, err := net.Listen("tcp", a.cfg.HTTPAddr)
	if err != nil {
		return fmt.Errorf("listen on %s (EMMA_HTTP_ADDR): %w", a.cfg.HTTPAddr, err)
	}
	a.listenAddr = ln.Addr().String()

	a.server = &http.Server{
		Handler:           e,
		ReadHeaderTimeout: 10 * time.Second,
		// Bodies are at most 64 KiB, so a client that needs longer is stalling.
		// gorilla/websocket (v1.5.3) clears these deadlines on upgrade.
		ReadTimeout:  30 * time.Second,
		WriteTimeout: 2 * time.Minute,
		IdleTimeout:  2 * time.Minute,
		ErrorLog:     slog.NewLogLogger(a.log.Handler(), slog.LevelWarn),
	}

	a.wg.Add(1)
	go func() {
		defer a.wg.Done()
		if err := a.server.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			a.log.Error("http server failed", "error", err)
			a.fail(fmt.Errorf("http server: %w", err))
		}
	}()
	a.onStop(func(ctx context.Context) error { return a.server.Shutdown(ctx) })
	a.log.Info("http server listening", "addr", a.listenAddr, "public_url", a.cfg.PublicURL.String())
	return nil
}

func (a *App) newEcho() (*echo.Echo, error) {
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	// NOTE: behind a reverse proxy every client has the proxy's address;
	// such a deployment should extract the address from the proxy's header.
	e.IPExtractor = echo.ExtractIPDirect()
	renderer, err := web.NewRenderer(templates.FS)
	if err != nil {
		return nil, err
	}
	e.Renderer = renderer
	e.HTTPErrorHandler = a.handleError
	e.Use(middleware.RequestID())
	e.Use(a.logRequests)
	e.Use(middleware.Recover())
	e.Use(middleware.BodyLimit(fmt.Sprintf("%dB", web.MaxBodyBytes)))
	e.Use(web.SameOrigin(a.cfg.Origin()))
	e.Use(noStore)

	accounts, err := account.New(a.db.Gorm, a.log, a.cfg.SecureCookies())
	if err != nil {
		return nil, err
	}
	e.Use(accounts.Middleware())
	e.GET("/healthz", func(c echo.Context) error { return c.String(http.StatusOK, "ok\n") })
	e.GET("/readyz", a.ready)
	assets, _ := fs.Sub(static.FS, ".")
	e.StaticFS("/static", assets)

	accounts.Routes(e)
	api := e.Group("/api/v1", account.RequireAPIUser, web.RequireJSONWrites)
	a.groups.Routes(api)
	a.live.Routes(e, api)
	pages := e.Group("", account.RequirePageUser)
	dashboard.New().Routes(pages)
	return e, nil
}

func (a *App) ready(c echo.Context) error {
	ctx, cancel := context.WithTimeout(c.Request().Context(), 2*time.Second)
	defer cancel()
	if err := a.db.Ping(ctx); err != nil {
		a.log.Warn("readiness check failed", "error", err)
		return c.String(http.StatusServiceUnavailable, "database unreachable\n")
	}
	return c.String(http.StatusOK, "ok\n")
}

// noStore keeps pages and API responses out of caches, including the
// browser's back-forward cache: after logout, Back must not show the
// previous user's results. Static assets stay cacheable.
func noStore(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if !strings.HasPrefix(c.Request().URL.Path, "/static/") {
			c.Response().Header().Set("Cache-Control", "no-store")
		}
		return next(c)
	}
}

// logRequests writes one line per request with its request id.
func (a *App) logRequests(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		start := time.Now()
		err := next(c)
		if err != nil {
			c.Error(err)
		}
		attrs := []any{
			"request_id", c.Response().Header().Get(echo.HeaderXRequestID),
			"method", c.Request().Method,
			"path", c.Request().URL.Path,
			"status", c.Response().Status,
			"duration", time.Since(start),
		}
		if u := web.CurrentUser(c); u != nil {
			attrs = append(attrs, "user_id", u.ID)
		}
		a.log.Info("request", attrs...)
		return nil
	}
}

// handleError writes err as JSON for API paths and as an error page
// otherwise. Internal errors are logged once with the request id and shown
// to the user without their text.
func (a *App) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	we := a.toWebError(err, c)
	if strings.HasPrefix(c.Request().URL.Path, "/api/") {
		err = c.JSON(we.Status, map[string]*web.Error{"error": we})
	} else {
		err = c.Render(we.Status, "error.html", we)
	}
	if err != nil {
		a.log.Error("write error response failed", "error", err)
	}
}

func (a *App) toWebError(err error, c echo.Context) *web.Error {
	if we, ok := web.AsError(err); ok {
		return we
	}
	var he *echo.HTTPError
	if errors.As(err, &he) && he.Code == http.StatusRequestEntityTooLarge {
		return web.BodyTooLarge()
	}
	if errors.As(err, &he) && he.Code < http.StatusInternalServerError {
		code := strings.ReplaceAll(strings.ToLower(http.StatusText(he.Code)), " ", "_")
		return &web.Error{Status: he.Code, Code: code, Message: fmt.Sprint(he.Message)}
	}
	rid := c.Response().Header().Get(echo.HeaderXRequestID)
	a.log.Error("request failed", "request_id", rid, "path", c.Request().URL.Path, "error", err)
	return &web.Error{Status: http.StatusInternalServerError, Code: "internal_error",
		Message: "the server failed to handle this request; it has been logged with request id " + rid}
}
