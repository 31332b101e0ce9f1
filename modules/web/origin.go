package web

import (
	"net/http"
	"net/url"

	"github.com/labstack/echo/v4"
)

// SameOrigin rejects state-changing requests that a browser sent from
// another site. A request whose Origin header (or, without one, Referer)
// names a different origin gets 403. Requests with neither header come
// from non-browser clients and pass. Cross-site forms cannot use that gap,
// because API writes require a JSON content type.
func SameOrigin(origin string) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			req := c.Request()
			switch req.Method {
			case http.MethodGet, http.MethodHead, http.MethodOptions:
				return next(c)
			}
			if got := requestOrigin(req); got != "" && got != origin {
				return &Error{Status: http.StatusForbidden, Code: "cross_origin",
					Message: "request origin " + got + " does not match " + origin}
			}
			return next(c)
		}
	}
}

// CheckOrigin reports whether a WebSocket upgrade came from origin. Unlike
// SameOrigin it requires the header, because browsers always send it on
// upgrades.
func CheckOrigin(origin string) func(*http.Request) bool {
	return func(r *http.Request) bool {
		return r.Header.Get("Origin") == origin
	}
}

func requestOrigin(req *http.Request) string {
	if o := req.Header.Get("Origin"); o != "" {
		return o
	}
	ref := req.Header.Get("Referer")
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil || u.Host == "" {
		return "invalid"
	}
	return u.Scheme + "://" + u.Host
}
