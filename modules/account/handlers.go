package account

import (
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"emma/modules/web"
)

// CookieName is the session cookie.
const CookieName = "emma_session"

type credentials struct {
	Email    string `json:"email"`
	Name     string `json:"name"`
	Password string `json:"password"`
}

type userJSON struct {
	ID    int64  `json:"id"`
	Email string `json:"email"`
	Name  string `json:"name"`
}

func toJSON(u *User) map[string]userJSON {
	return map[string]userJSON{"user": {ID: u.ID, Email: u.Email, Name: u.Name}}
}

func (m *Module) apiRegister(c echo.Context) error {
	var in credentials
	if err := web.BindJSON(c, &in); err != nil {
		return err
	}
	u, token, err := m.svc.Register(c.Request().Context(), in.Email, in.Name, in.Password)
	if err != nil {
		return err
	}
	m.setCookie(c, token)
	m.log.Info("user registered", "user_id", u.ID)
	return c.JSON(http.StatusCreated, toJSON(u))
}

func (m *Module) apiLogin(c echo.Context) error {
	var in credentials
	if err := web.BindJSON(c, &in); err != nil {
		return err
	}
	u, token, err := m.svc.Login(c.Request().Context(), in.Email, in.Password)
	if err != nil {
		return err
	}
	m.endCurrentSession(c)
	m.setCookie(c, token)
	return c.JSON(http.StatusOK, toJSON(u))
}

func (m *Module) apiLogout(c echo.Context) error {
	m.endCurrentSession(c)
	m.clearCookie(c)
	return c.NoContent(http.StatusNoContent)
}

func (m *Module) apiMe(c echo.Context) error {
	u := web.CurrentUser(c)
	return c.JSON(http.StatusOK, map[string]userJSON{"user": {ID: u.ID, Email: u.Email, Name: u.Name}})
}

// formPage is the data of the login and register templates.
type formPage struct {
	Email   string
	Name    string
	Error   string
	Field   string
	Message string
}

func (m *Module) pageLogin(c echo.Context) error {
	if web.CurrentUser(c) != nil {
		return c.Redirect(http.StatusSeeOther, "/")
	}
	return c.Render(http.StatusOK, "login.html", formPage{})
}

func (m *Module) pageRegister(c echo.Context) error {
	if web.CurrentUser(c) != nil {
		return c.Redirect(http.StatusSeeOther, "/")
	}
	return c.Render(http.StatusOK, "register.html", formPage{})
}

func (m *Module) submitLogin(c echo.Context) error {
	email, password := c.FormValue("email"), c.FormValue("password")
	_, token, err := m.svc.Login(c.Request().Context(), email, password)
	if err != nil {
		return m.renderFormError(c, "login.html", formPage{Email: email}, err)
	}
	m.endCurrentSession(c)
	m.setCookie(c, token)
	return c.Redirect(http.StatusSeeOther, "/")
}

func (m *Module) submitRegister(c echo.Context) error {
	email, name := c.FormValue("email"), c.FormValue("name")
	u, token, err := m.svc.Register(c.Request().Context(), email, name, c.FormValue("password"))
	if err != nil {
		return m.renderFormError(c, "register.html", formPage{Email: email, Name: name}, err)
	}
	m.setCookie(c, token)
	m.log.Info("user registered", "user_id", u.ID)
	return c.Redirect(http.StatusSeeOther, "/")
}

func (m *Module) submitLogout(c echo.Context) error {
	m.endCurrentSession(c)
	m.clearCookie(c)
	return c.Redirect(http.StatusSeeOther, "/login")
}

// renderFormError shows a client error on the form page again, keeping the
// typed values except the password. Other errors go to the error handler.
func (m *Module) renderFormError(c echo.Context, page string, data formPage, err error) error {
	e, ok := web.AsError(err)
	if !ok {
		return err
	}
	data.Error, data.Field, data.Message = e.Code, e.Field, e.Message
	return c.Render(e.Status, page, data)
}

func (m *Module) endCurrentSession(c echo.Context) {
	ck, err := c.Cookie(CookieName)
	if err != nil || ck.Value == "" {
		return
	}
	if err := m.svc.Logout(c.Request().Context(), ck.Value); err != nil {
		m.log.Error("end session failed", "error", err)
	}
}

func (m *Module) setCookie(c echo.Context, token string) {
	c.SetCookie(&http.Cookie{
		Name: CookieName, Value: token, Path: "/",
		Expires:  time.Now().Add(SessionLifetime),
		MaxAge:   int(SessionLifetime / time.Second),
		HttpOnly: true, Secure: m.secure, SameSite: http.SameSiteLaxMode,
	})
}

func (m *Module) clearCookie(c echo.Context) {
	c.SetCookie(&http.Cookie{
		Name: CookieName, Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, Secure: m.secure, SameSite: http.SameSiteLaxMode,
	})
}

// loadUser is middleware that resolves the session cookie into the current
// user. A missing, unknown or expired session leaves no user.
func (m *Module) loadUser(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if skipsSession(c.Request().URL.Path) {
			return next(c)
		}
		ck, err := c.Cookie(CookieName)
		if err == nil && ck.Value != "" {
			u, err := m.svc.Authenticate(c.Request().Context(), ck.Value)
			switch {
			case err == nil:
				web.SetUser(c, &web.User{ID: u.ID, Email: u.Email, Name: u.Name})
			case !errors.Is(err, ErrNoSession):
				return err
			}
		}
		return next(c)
	}
}

// skipsSession reports whether a path is served without looking up the
// session: static assets and health checks, which must stay cheap, and
// /healthz must work while the database is down.
func skipsSession(path string) bool {
	return strings.HasPrefix(path, "/static/") || path == "/healthz" || path == "/readyz"
}
