// Package dashboard serves the signed-in user's pages: the submission
// form, the live view of a group and the history.
package dashboard

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"
)

// Module serves the dashboard pages.
type Module struct{}

// New returns the dashboard module.
func New() *Module { return &Module{} }

// pageData is the data of dashboard.html.
type pageData struct {
	// GroupID is the group opened on load, or 0 for none.
	GroupID int64
}

// Routes registers the pages on g, a group that requires a signed-in user.
func (m *Module) Routes(g *echo.Group) {
	g.GET("/", m.index)
	g.GET("/groups/:id", m.group)
}

func (m *Module) index(c echo.Context) error {
	return c.Render(http.StatusOK, "dashboard.html", pageData{})
}

func (m *Module) group(c echo.Context) error {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil || id <= 0 {
		return echo.ErrNotFound
	}
	return c.Render(http.StatusOK, "dashboard.html", pageData{GroupID: id})
}
