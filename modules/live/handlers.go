package live

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"emma/modules/group"
	"emma/modules/web"
)

type ticketJSON struct {
	Ticket    string    `json:"ticket"`
	ExpiresAt time.Time `json:"expires_at"`
}

// apiTicket issues a WebSocket ticket for a group the user owns. Another
// user's group is "not found", like a group that does not exist.
func (m *Module) apiTicket(c echo.Context) error {
	gid, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil || gid <= 0 {
		return web.NotFound("group")
	}
	u := web.CurrentUser(c)
	err = m.hub.groups.Owns(c.Request().Context(), u.ID, gid)
	if errors.Is(err, group.ErrNotFound) {
		return web.NotFound("group")
	}
	if err != nil {
		return err
	}
	ticket, exp, err := m.tickets.Issue(u.ID, gid)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, ticketJSON{Ticket: ticket, ExpiresAt: exp.UTC()})
}

// apiSocket upgrades to a WebSocket in the ticket's group room. The ticket
// and the Origin header are checked before the upgrade, so a rejected
// client gets a JSON error with a status code.
func (m *Module) apiSocket(c echo.Context) error {
	req := c.Request()
	if origin := req.Header.Get("Origin"); origin != m.origin {
		return &web.Error{Status: http.StatusForbidden, Code: "cross_origin",
			Message: "WebSocket origin " + strconv.Quote(origin) + " is not " + m.origin}
	}
	claims, err := m.tickets.Verify(c.QueryParam("ticket"))
	if err != nil {
		m.log.Info("socket rejected", "reason", err.Error())
		return &web.Error{Status: http.StatusUnauthorized, Code: "invalid_ticket",
			Message: "the ticket is missing, invalid or expired; request a new one from POST /api/v1/groups/{id}/ticket"}
	}
	if m.hub.socketsOf(claims.UserID) >= MaxSocketsPerUser {
		return &web.Error{Status: http.StatusTooManyRequests, Code: "too_many_sockets",
			Message: fmt.Sprintf("at most %d sockets per user are open at once; close one first", MaxSocketsPerUser)}
	}
	if !m.used.claim(claims.ID, claims.ExpiresAt) {
		return &web.Error{Status: http.StatusUnauthorized, Code: "invalid_ticket",
			Message: "the ticket was used already; request a new one for every connection"}
	}
	keys := map[string]any{keyGroupID: claims.GroupID, keyUserID: claims.UserID}
	if err := m.hub.m.HandleRequestWithKeys(c.Response(), req, keys); err != nil {
		m.log.Warn("socket upgrade failed", "group_id", claims.GroupID, "error", err)
	}
	return nil
}
