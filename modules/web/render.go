package web

import (
	"fmt"
	"html/template"
	"io"
	"io/fs"

	"github.com/labstack/echo/v4"
)

// Renderer renders the page templates. Each page template defines the
// blocks of layout.html and is parsed together with it, so that pages can
// define the same block names without clashing.
type Renderer struct {
	pages map[string]*template.Template
}

// NewRenderer parses layout.html with every other *.html file in fsys.
func NewRenderer(fsys fs.FS) (*Renderer, error) {
	names, err := fs.Glob(fsys, "*.html")
	if err != nil {
		return nil, fmt.Errorf("list templates: %w", err)
	}
	r := &Renderer{pages: map[string]*template.Template{}}
	for _, name := range names {
		if name == "layout.html" {
			continue
		}
		t, err := template.New(name).Funcs(funcs).ParseFS(fsys, "layout.html", name)
		if err != nil {
			return nil, fmt.Errorf("parse template %s: %w", name, err)
		}
		r.pages[name] = t
	}
	return r, nil
}

// Render implements echo.Renderer. Data passed to every page is wrapped in
// Page so templates can reach the signed-in user.
func (r *Renderer) Render(w io.Writer, name string, data any, c echo.Context) error {
	t, ok := r.pages[name]
	if !ok {
		return fmt.Errorf("render: no template %q", name)
	}
	return t.ExecuteTemplate(w, "layout.html", Page{User: CurrentUser(c), Data: data})
}

// Page is the value every template receives.
type Page struct {
	User *User
	Data any
}

var funcs = template.FuncMap{}
