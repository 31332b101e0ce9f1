package group

import (
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"emma/modules/web"
)

// Page sizes of GET /api/v1/groups.
const (
	DefaultPageSize = 20
	MaxPageSize     = 100
)

func (m *Module) apiCreate(c echo.Context) error {
	var in Submission
	if err := web.BindJSON(c, &in); err != nil {
		return err
	}
	u := web.CurrentUser(c)
	g, err := m.store.Submit(c.Request().Context(), u.ID, in)
	if err != nil {
		return err
	}
	m.log.Info("group submitted", "user_id", u.ID, "group_id", g.ID, "jobs", len(g.Jobs))
	stored, err := m.store.Get(c.Request().Context(), u.ID, g.ID)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, NewGroupView(stored))
}

// pageJSON is the body of GET /api/v1/groups.
type pageJSON struct {
	Groups     []GroupView `json:"groups"`
	NextCursor *string     `json:"next_cursor"`
}

func (m *Module) apiList(c echo.Context) error {
	limit, err := parseLimit(c.QueryParam("limit"))
	if err != nil {
		return err
	}
	after, err := decodeCursor(c.QueryParam("cursor"))
	if err != nil {
		return err
	}
	u := web.CurrentUser(c)
	groups, err := m.store.List(c.Request().Context(), u.ID, limit+1, after)
	if err != nil {
		return err
	}
	out := pageJSON{Groups: make([]GroupView, 0, len(groups))}
	if len(groups) > limit {
		groups = groups[:limit]
		last := groups[limit-1]
		next := encodeCursor(Cursor{CreatedAt: last.CreatedAt, ID: last.ID})
		out.NextCursor = &next
	}
	for i := range groups {
		v := NewGroupView(&groups[i])
		v.truncateResults()
		out.Groups = append(out.Groups, v)
	}
	return c.JSON(http.StatusOK, out)
}

func (m *Module) apiGet(c echo.Context) error {
	id, err := pathID(c, "group")
	if err != nil {
		return err
	}
	g, err := m.store.Get(c.Request().Context(), web.CurrentUser(c).ID, id)
	if errors.Is(err, ErrNotFound) {
		return web.NotFound("group")
	}
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, NewGroupView(g))
}

func (m *Module) apiCancel(c echo.Context) error {
	id, err := pathID(c, "job")
	if err != nil {
		return err
	}
	u := web.CurrentUser(c)
	j, err := m.store.Cancel(c.Request().Context(), u.ID, id)
	switch {
	case errors.Is(err, ErrNotFound):
		return web.NotFound("job")
	case errors.Is(err, ErrFinal):
		return web.Conflict("job_finished", "", "the job has finished already and cannot be cancelled")
	case err != nil:
		return err
	}
	m.log.Info("job cancelled", "user_id", u.ID, "group_id", j.GroupID, "job_id", j.ID)
	return c.JSON(http.StatusOK, NewJobView(j))
}

// pathID reads the :id path parameter. A malformed id is "not found",
// because no such resource can exist.
func pathID(c echo.Context, what string) (int64, error) {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, web.NotFound(what)
	}
	return id, nil
}

func parseLimit(raw string) (int, error) {
	if raw == "" {
		return DefaultPageSize, nil
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n < 1 || n > MaxPageSize {
		return 0, &web.Error{Status: http.StatusBadRequest, Code: "invalid_limit", Field: "limit",
			Message: fmt.Sprintf("limit %q is invalid; use a whole number from 1 to %d", raw, MaxPageSize)}
	}
	return n, nil
}

func encodeCursor(c Cursor) string {
	raw := strconv.FormatInt(c.CreatedAt.UnixMicro(), 10) + "." + strconv.FormatInt(c.ID, 10)
	return base64.RawURLEncoding.EncodeToString([]byte(raw))
}

func decodeCursor(s string) (*Cursor, error) {
	if s == "" {
		return nil, nil
	}
	bad := &web.Error{Status: http.StatusBadRequest, Code: "invalid_cursor", Field: "cursor",
		Message: "cursor is invalid; pass the next_cursor value of the previous page unchanged"}
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return nil, bad
	}
	micros, id, ok := strings.Cut(string(raw), ".")
	if !ok {
		return nil, bad
	}
	us, err1 := strconv.ParseInt(micros, 10, 64)
	n, err2 := strconv.ParseInt(id, 10, 64)
	if err1 != nil || err2 != nil {
		return nil, bad
	}
	return &Cursor{CreatedAt: time.UnixMicro(us), ID: n}, nil
}
