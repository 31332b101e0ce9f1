package web

import "github.com/labstack/echo/v4"

const userKey = "emma.user"

// User is the signed-in account as handlers see it.
type User struct {
	ID    int64
	Email string
	Name  string
}

// SetUser stores the signed-in user in the request context.
func SetUser(c echo.Context, u *User) { c.Set(userKey, u) }

// CurrentUser returns the signed-in user, or nil.
func CurrentUser(c echo.Context) *User {
	u, _ := c.Get(userKey).(*User)
	return u
}
