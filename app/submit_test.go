package app_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"emma/app/apptest"
)

// countRows returns the number of groups, jobs and River jobs stored.
func countRows(t *testing.T, dsn string) (groups, jobs, riverJobs int) {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	defer conn.Close(ctx)
	err = conn.QueryRow(ctx, `SELECT (SELECT count(*) FROM groups), (SELECT count(*) FROM jobs),
		(SELECT count(*) FROM river_job WHERE kind = 'compute')`).Scan(&groups, &jobs, &riverJobs)
	if err != nil {
		t.Fatalf("count rows: %v", err)
	}
	return groups, jobs, riverJobs
}

func TestSubmitRejectsBadInput(t *testing.T) {
	srv := apptest.Start(t, apptest.Options{Role: "web"})
	c := srv.NewClient(t)
	c.Register("gil@example.com")
	cases := []struct {
		name  string
		body  any
		want  int
		field string
	}{
		{"decimal comma", map[string]string{"a": "1,5", "b": "2"}, 422, "a"},
		{"thousands separator", map[string]string{"a": "1", "b": "1,000"}, 422, "b"},
		{"empty", map[string]string{"a": "", "b": "2"}, 422, "a"},
		{"NaN", map[string]string{"a": "NaN", "b": "2"}, 422, "a"},
		{"Infinity", map[string]string{"a": "1", "b": "Infinity"}, 422, "b"},
		{"missing b", map[string]string{"a": "1"}, 422, "b"},
		{"number not string", map[string]any{"a": 1, "b": "2"}, 422, "a"},
		{"unknown field", map[string]string{"a": "1", "b": "2", "c": "3"}, 422, "c"},
		{"array body", []string{"1", "2"}, 422, ""},
		{"expressions not array", map[string]string{"expressions": "1+1"}, 422, "expressions"},
		{"bad expression", map[string][]string{"expressions": {"1+2", "1+*2"}}, 422, "expressions[1]"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var out struct {
				Error struct{ Code, Message, Field string } `json:"error"`
			}
			c.JSON(http.MethodPost, "/api/v1/groups", tc.body, tc.want, &out)
			if out.Error.Field != tc.field {
				t.Errorf("got field %q, want %q (message %q)", out.Error.Field, tc.field, out.Error.Message)
			}
			if out.Error.Message == "" {
				t.Error("got empty message")
			}
		})
	}
	if g, j, r := countRows(t, srv.DSN); g+j+r != 0 {
		t.Errorf("after rejected submissions: got %d groups, %d jobs, %d river jobs, want none", g, j, r)
	}
}

func TestSubmitRequiresJSONAndSmallBody(t *testing.T) {
	srv := apptest.Start(t, apptest.Options{Role: "web"})
	c := srv.NewClient(t)
	c.Register("hal@example.com")

	form, _ := http.NewRequest(http.MethodPost, srv.URL+"/api/v1/groups", strings.NewReader("a=1&b=2"))
	form.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if status, body := c.Send(form); status != http.StatusUnsupportedMediaType {
		t.Errorf("form body: got status %d, want 415; body %s", status, body)
	}

	big := `{"a": "` + strings.Repeat("1", 100<<10) + `", "b": "1"}`
	for _, chunked := range []bool{false, true} {
		var req *http.Request
		if chunked {
			req, _ = http.NewRequest(http.MethodPost, srv.URL+"/api/v1/groups", struct{ *strings.Reader }{strings.NewReader(big)})
		} else {
			req, _ = http.NewRequest(http.MethodPost, srv.URL+"/api/v1/groups", strings.NewReader(big))
		}
		req.Header.Set("Content-Type", "application/json")
		if status, _ := c.Send(req); status != http.StatusRequestEntityTooLarge {
			t.Errorf("oversized body (chunked %t): got status %d, want 413", chunked, status)
		}
	}

	foreign, _ := http.NewRequest(http.MethodPost, srv.URL+"/api/v1/groups", strings.NewReader(`{"a":"1","b":"2"}`))
	foreign.Header.Set("Content-Type", "application/json")
	foreign.Header.Set("Origin", "http://evil.example")
	if status, _ := c.Send(foreign); status != http.StatusForbidden {
		t.Errorf("foreign origin: got status %d, want 403", status)
	}
	if g, j, r := countRows(t, srv.DSN); g+j+r != 0 {
		t.Errorf("got %d groups, %d jobs, %d river jobs, want none", g, j, r)
	}
}

func TestUnauthenticatedAPI(t *testing.T) {
	srv := apptest.Start(t, apptest.Options{Role: "web"})
	c := srv.NewClient(t)
	var out struct {
		Error struct{ Code string } `json:"error"`
	}
	c.JSON(http.MethodGet, "/api/v1/groups", nil, http.StatusUnauthorized, &out)
	if out.Error.Code != "unauthorized" {
		t.Errorf("got code %q, want unauthorized", out.Error.Code)
	}
}
