package group

import (
	"log/slog"

	"github.com/labstack/echo/v4"
	"gorm.io/gorm"
)

// Module serves the group API and provides the compute worker.
type Module struct {
	store *Store
	log   *slog.Logger
}

// New returns the group module.
func New(db *gorm.DB, river Inserter, log *slog.Logger) *Module {
	return &Module{store: NewStore(db, river), log: log}
}

// Store returns the module's store, for the live feed and insight worker.
func (m *Module) Store() *Store { return m.store }

// Routes registers the API endpoints on g, a group that requires a
// signed-in user.
func (m *Module) Routes(g *echo.Group) {
	g.POST("/groups", m.apiCreate)
	g.GET("/groups", m.apiList)
	g.GET("/groups/:id", m.apiGet)
	g.POST("/jobs/:id/cancel", m.apiCancel)
}
