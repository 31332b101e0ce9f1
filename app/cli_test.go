package app_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"emma/app"
	"emma/app/apptest"
)

// run executes the emma command line with args and returns its output.
func run(t *testing.T, args ...string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	cmd := app.NewCommand(&out, &out)
	cmd.SetArgs(args)
	err := cmd.ExecuteContext(context.Background())
	return out.String(), err
}

func TestVersionCommand(t *testing.T) {
	out, err := run(t, "version")
	if err != nil {
		t.Fatalf("version: %v", err)
	}
	if !strings.HasPrefix(out, "emma ") || !strings.Contains(out, "commit") {
		t.Errorf("got %q, want \"emma <version> commit <hash>\"", out)
	}
}

func TestMigrateCommand(t *testing.T) {
	t.Setenv("DATABASE_URL", apptest.NewDatabase(t))
	t.Setenv("EMMA_LOG_LEVEL", "error")
	for i := range 2 {
		if out, err := run(t, "migrate"); err != nil {
			t.Fatalf("migrate run %d: %v\n%s", i+1, err, out)
		}
	}
	out, err := run(t, "migrate", "status")
	if err != nil {
		t.Fatalf("migrate status: %v", err)
	}
	if !strings.Contains(out, "emma schema version: 4 (dirty: false)") {
		t.Errorf("status: got %q, want version 4, clean", out)
	}
	if _, err := run(t, "migrate", "sideways"); err == nil {
		t.Error("migrate sideways: got no error")
	}
}

func TestServeRejectsBadSetup(t *testing.T) {
	cases := []struct {
		name string
		env  map[string]string
		args []string
		want string
	}{
		{"unknown role", nil, []string{"serve", "--role=cook"}, `invalid role "cook"`},
		{"web without database", map[string]string{"DATABASE_URL": ""}, []string{"serve", "--role=web"}, "needs DATABASE_URL"},
		{"worker without database", map[string]string{"DATABASE_URL": ""}, []string{"serve", "--role=worker"}, "needs DATABASE_URL"},
		{"web without ticket secret", map[string]string{"DATABASE_URL": "postgres://x@127.0.0.1:1/x"},
			[]string{"serve", "--role=web"}, "EMMA_TICKET_SECRET is required"},
		{"malformed variable", map[string]string{"EMMA_WORKER_CONCURRENCY": "lots"}, []string{"serve"}, "EMMA_WORKER_CONCURRENCY"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("EMMA_TICKET_SECRET", "")
			for k, v := range tc.env {
				t.Setenv(k, v)
			}
			_, err := run(t, tc.args...)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got error %v, want one containing %q", err, tc.want)
			}
		})
	}
}
