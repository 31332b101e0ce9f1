package pgserver

import (
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
)

func TestDSNParses(t *testing.T) {
	tests := []struct {
		runDir   string
		database string
	}{
		{"/var/lib/emma/run", "emma"},
		{"/tmp/with space/run", "it's"},
		{`/tmp/back\slash/run`, ""},
	}
	for _, tt := range tests {
		s := &Server{runDir: tt.runDir}
		cfg, err := pgx.ParseConfig(s.DSN(tt.database))
		if err != nil {
			t.Fatalf("parse DSN %q: %v", s.DSN(tt.database), err)
		}
		if cfg.Host != tt.runDir {
			t.Errorf("host: got %q, want %q", cfg.Host, tt.runDir)
		}
		if cfg.Database != tt.database {
			t.Errorf("dbname: got %q, want %q", cfg.Database, tt.database)
		}
		if cfg.User != superuser {
			t.Errorf("user: got %q, want %q", cfg.User, superuser)
		}
	}
}

func TestServerSettingsKeepFixedValues(t *testing.T) {
	extra := map[string]string{
		"listen_addresses": "*",
		"max_connections":  "50",
		"log_line_prefix":  "%m ",
	}
	got := serverSettings(`/data/"odd",dir/run`, extra)

	tests := []struct {
		name string
		want string
	}{
		{"listen_addresses", ""},
		{"max_connections", "50"},
		{"log_line_prefix", ""},
		{"unix_socket_directories", `"/data/""odd"",dir/run"`},
		{"unix_socket_permissions", "0700"},
	}
	for _, tt := range tests {
		if got[tt.name] != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got[tt.name], tt.want)
		}
	}
}

func TestCheckSocketPath(t *testing.T) {
	tests := []struct {
		runDir  string
		wantErr bool
	}{
		{"/var/lib/emma/run", false},
		{"/" + strings.Repeat("d", 200) + "/run", true},
	}
	for _, tt := range tests {
		err := checkSocketPath(tt.runDir)
		if got := err != nil; got != tt.wantErr {
			t.Errorf("checkSocketPath(%q): got error %v, want error %v", tt.runDir, err, tt.wantErr)
		}
	}
}
