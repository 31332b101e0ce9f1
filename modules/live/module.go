package live

import (
	"context"
	"log/slog"

	"github.com/labstack/echo/v4"
)

// Module serves tickets and WebSockets and runs the notification listener.
type Module struct {
	hub     *Hub
	tickets *Tickets
	used    *usedTickets
	origin  string
	log     *slog.Logger
}

// New returns the live module. origin is the only Origin accepted on
// socket upgrades; secret signs tickets.
func New(groups Groups, secret []byte, origin string, log *slog.Logger) *Module {
	return &Module{
		hub:     NewHub(groups, origin, log),
		tickets: NewTickets(secret),
		used:    newUsedTickets(),
		origin:  origin,
		log:     log,
	}
}

// Routes registers the ticket endpoint on api, which requires a signed-in
// user, and the socket endpoint on e, which requires a ticket instead.
func (m *Module) Routes(e *echo.Echo, api *echo.Group) {
	api.POST("/groups/:id/ticket", m.apiTicket)
	e.GET("/api/v1/ws", m.apiSocket)
}

// Listen forwards notifications to sockets until ctx ends.
func (m *Module) Listen(ctx context.Context, dsn string) { m.hub.Listen(ctx, dsn) }

// Close disconnects every socket.
func (m *Module) Close() error { return m.hub.Close() }
