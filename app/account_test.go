package app_test

import (
	"net/http"
	"strings"
	"testing"

	"emma/app/apptest"
	"emma/modules/account"
)

func sessionCookie(t *testing.T, c *apptest.Client, base string) *http.Cookie {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, base, nil)
	for _, ck := range c.HTTP.Jar.Cookies(req.URL) {
		if ck.Name == account.CookieName {
			return ck
		}
	}
	return nil
}

func TestSessionChangesAtLoginAndEndsAtLogout(t *testing.T) {
	srv := apptest.Start(t, apptest.Options{})
	c := srv.NewClient(t)
	c.Register("dee@example.com")
	first := sessionCookie(t, c, srv.URL)
	if first == nil {
		t.Fatal("no session cookie after register")
	}
	login := map[string]string{"email": "DEE@example.com", "password": "correct horse battery"}
	c.JSON(http.MethodPost, "/api/v1/auth/login", login, http.StatusOK, nil)
	second := sessionCookie(t, c, srv.URL)
	if second == nil || second.Value == first.Value {
		t.Fatalf("session id did not change at login")
	}

	// The session replaced at login no longer works.
	stale := srv.NewClient(t)
	req, _ := http.NewRequest(http.MethodGet, srv.URL+"/api/v1/auth/me", nil)
	req.AddCookie(&http.Cookie{Name: account.CookieName, Value: first.Value})
	if status, _ := stale.Send(req); status != http.StatusUnauthorized {
		t.Errorf("replaced session: got status %d, want 401", status)
	}

	c.JSON(http.MethodPost, "/api/v1/auth/logout", struct{}{}, http.StatusNoContent, nil)
	req, _ = http.NewRequest(http.MethodGet, srv.URL+"/api/v1/auth/me", nil)
	req.AddCookie(&http.Cookie{Name: account.CookieName, Value: second.Value})
	if status, _ := stale.Send(req); status != http.StatusUnauthorized {
		t.Errorf("after logout: got status %d, want 401", status)
	}
}

func TestSessionCookieAttributes(t *testing.T) {
	srv := apptest.Start(t, apptest.Options{})
	c := srv.NewClient(t)
	body := strings.NewReader(`{"email":"eve@example.com","name":"Eve","password":"long enough pw"}`)
	req, _ := http.NewRequest(http.MethodPost, srv.URL+"/api/v1/auth/register", body)
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.HTTP.Do(req)
	if err != nil {
		t.Fatalf("register: %v", err)
	}
	resp.Body.Close()
	raw := resp.Header.Get("Set-Cookie")
	for _, want := range []string{account.CookieName + "=", "HttpOnly", "SameSite=Lax", "Path=/"} {
		if !strings.Contains(raw, want) {
			t.Errorf("Set-Cookie %q: missing %q", raw, want)
		}
	}
	if strings.Contains(raw, "Secure") {
		t.Errorf("Set-Cookie %q: Secure on an http public URL", raw)
	}
}

func TestRegistrationErrors(t *testing.T) {
	srv := apptest.Start(t, apptest.Options{})
	c := srv.NewClient(t)
	c.Register("fay@example.com")
	cases := []struct {
		name  string
		body  map[string]string
		want  int
		field string
	}{
		{"bad email", map[string]string{"email": "fay", "name": "F", "password": "long enough"}, 422, "email"},
		{"short password", map[string]string{"email": "g@example.com", "name": "G", "password": "short"}, 422, "password"},
		{"empty name", map[string]string{"email": "h@example.com", "name": " ", "password": "long enough"}, 422, "name"},
		{"taken email any case", map[string]string{"email": "FAY@example.com", "name": "F", "password": "long enough"}, 409, "email"},
		{"NUL in name", map[string]string{"email": "i@example.com", "name": "a\x00b", "password": "long enough"}, 422, "name"},
		{"bidi override only", map[string]string{"email": "j@example.com", "name": "\u202e\u200b", "password": "long enough"}, 422, "name"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var out struct {
				Error struct{ Code, Message, Field string } `json:"error"`
			}
			srv.NewClient(t).JSON(http.MethodPost, "/api/v1/auth/register", tc.body, tc.want, &out)
			if out.Error.Field != tc.field {
				t.Errorf("got field %q, want %q", out.Error.Field, tc.field)
			}
			if out.Error.Message == "" {
				t.Error("got empty message")
			}
		})
	}
	var out struct {
		Error struct{ Code string } `json:"error"`
	}
	bad := map[string]string{"email": "fay@example.com", "password": "wrong password"}
	srv.NewClient(t).JSON(http.MethodPost, "/api/v1/auth/login", bad, http.StatusUnauthorized, &out)
	if out.Error.Code != "invalid_credentials" {
		t.Errorf("wrong password: got code %q, want invalid_credentials", out.Error.Code)
	}
	nul := map[string]string{"email": "fay@example.com\x00", "password": "long enough"}
	srv.NewClient(t).JSON(http.MethodPost, "/api/v1/auth/login", nul, http.StatusUnauthorized, nil)

	// Letter case is ignored beyond ASCII too.
	c.JSON(http.MethodPost, "/api/v1/auth/logout", struct{}{}, http.StatusNoContent, nil)
	umlaut := map[string]string{"email": "Ärger@example.com", "name": "Ä", "password": "long enough"}
	srv.NewClient(t).JSON(http.MethodPost, "/api/v1/auth/register", umlaut, http.StatusCreated, nil)
	umlaut["email"] = "ärger@example.com"
	srv.NewClient(t).JSON(http.MethodPost, "/api/v1/auth/register", umlaut, http.StatusConflict, nil)
}

func TestLoginAttemptsAreRateLimited(t *testing.T) {
	srv := apptest.Start(t, apptest.Options{Role: "web"})
	c := srv.NewClient(t)
	bad := map[string]string{"email": "nobody@example.com", "password": "wrong password"}
	limited := false
	for range 60 {
		status, _ := c.Do(http.MethodPost, "/api/v1/auth/login", bad)
		if status == http.StatusTooManyRequests {
			limited = true
			break
		}
		if status != http.StatusUnauthorized {
			t.Fatalf("got status %d, want 401 or 429", status)
		}
	}
	if !limited {
		t.Error("60 rapid failed logins: got no 429")
	}
}

func TestLoginAttemptsPerEmailAreLimited(t *testing.T) {
	srv := apptest.Start(t, apptest.Options{Role: "web"})
	bad := map[string]string{"email": "target@example.com", "password": "wrong password"}
	var last int
	// Each attempt comes from a fresh client, one after another, so only
	// the per-email limit can stop them.
	for range 12 {
		last, _ = srv.NewClient(t).Do(http.MethodPost, "/api/v1/auth/login", bad)
		if last == http.StatusTooManyRequests {
			return
		}
	}
	t.Errorf("12 sequential failed logins for one email: last status %d, want 429", last)
}
