// Package migrations embeds Emma's numbered SQL migrations. Each change is
// a pair NNNN_name.up.sql and NNNN_name.down.sql, applied in order by the
// migrate command and at start in embedded mode.
package migrations

import "embed"

// FS contains the migration files.
//
//go:embed *.sql
var FS embed.FS
