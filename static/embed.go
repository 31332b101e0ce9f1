// Package static embeds the dashboard's scripts and styles, served under
// /static/ so the dashboard works without any CDN.
package static

import "embed"

// FS contains the static assets.
//
//go:embed *.js *.css
var FS embed.FS
