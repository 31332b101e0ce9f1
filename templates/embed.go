// Package templates embeds the server-rendered HTML pages. Every page is
// parsed together with layout.html.
package templates

import "embed"

// FS contains the page templates.
//
//go:embed *.html
var FS embed.FS
