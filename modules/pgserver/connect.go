package pgserver

import (
	"context"
	"fmt"
	"maps"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// maxSocketPath is the longest Unix socket path Linux accepts: sun_path
// holds 108 bytes including the terminating NUL.
const maxSocketPath = 107

// DSN returns a keyword/value connection string for database over the Unix
// socket, for pgx or libpq. The server trusts every local connection, so
// the DSN carries no password.
func (s *Server) DSN(database string) string {
	return fmt.Sprintf("host=%s port=%d user=%s dbname=%s sslmode=disable",
		quoteDSNValue(s.runDir), port, superuser, quoteDSNValue(database))
}

// quoteDSNValue quotes v for a keyword/value connection string when it is
// empty or contains a space, a quote or a backslash.
func quoteDSNValue(v string) string {
	if v != "" && !strings.ContainsAny(v, " '\\") {
		return v
	}
	escaped := strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(v)
	return "'" + escaped + "'"
}

// serverSettings returns the -c settings for postgres: the defaults, then
// extra, then the fixed settings that keep the server private and its log
// lines parseable.
func serverSettings(runDir string, extra map[string]string) map[string]string {
	settings := map[string]string{
		"max_connections":         "200",
		"unix_socket_permissions": "0700",
	}
	maps.Copy(settings, extra)

	settings["listen_addresses"] = "" // no TCP socket
	// Postgres splits this setting at commas unless the entry is in double
	// quotes, in which "" stands for one quote.
	settings["unix_socket_directories"] = `"` + strings.ReplaceAll(runDir, `"`, `""`) + `"`
	settings["log_line_prefix"] = "" // logWriter expects the severity first
	return settings
}

func checkSocketPath(runDir string) error {
	socket := filepath.Join(runDir, ".s.PGSQL."+strconv.Itoa(port))
	if len(socket) > maxSocketPath {
		return fmt.Errorf("socket path %s is %d bytes, over the limit of %d; "+
			"choose a shorter data directory path", socket, len(socket), maxSocketPath)
	}
	return nil
}

// waitReady polls postmaster.pid until postgres reports that it accepts
// connections. It fails when postgres exits or ctx ends first, and then
// shows the last log lines.
func (s *Server) waitReady(ctx context.Context) error {
	ticker := time.NewTicker(pollInterval)
	defer ticker.Stop()

	for {
		pid, status := postmasterStatus(s.pgdata)
		if pid == s.pm.proc.Pid && status == "ready" {
			return nil
		}

		select {
		case <-s.pm.exited:
			return fmt.Errorf("postgres exited during startup: %w; last log lines:\n%s",
				s.pm.err, s.logs.lastLines())
		case <-ctx.Done():
			return fmt.Errorf("wait for postgres to accept connections: %w; last log lines:\n%s",
				ctx.Err(), s.logs.lastLines())
		case <-ticker.C:
		}
	}
}

// ensureDatabase creates the configured database unless it exists.
func (s *Server) ensureDatabase(ctx context.Context) error {
	if s.database == "" {
		return nil
	}

	conn, err := pgx.Connect(ctx, s.DSN("postgres"))
	if err != nil {
		return fmt.Errorf("connect to postgres: %w", err)
	}
	defer conn.Close(context.WithoutCancel(ctx))

	var exists bool
	err = conn.QueryRow(ctx,
		"SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", s.database).Scan(&exists)
	if err != nil {
		return fmt.Errorf("look up database %s: %w", s.database, err)
	}
	if exists {
		return nil
	}

	if _, err := conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{s.database}.Sanitize()); err != nil {
		return fmt.Errorf("create database %s: %w", s.database, err)
	}
	s.logger.Info("created database", "database", s.database)
	return nil
}
