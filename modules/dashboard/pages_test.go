package dashboard_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"emma/app/apptest"
)

// postForm sends a form-encoded POST like a browser form and returns the
// final status and body after redirects.
func postForm(t *testing.T, c *apptest.Client, baseURL, path string, form url.Values) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, baseURL+path, strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatalf("new request: %v", err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	status, body := c.Send(req)
	return status, string(body)
}

func get(t *testing.T, c *apptest.Client, path string) (int, string) {
	t.Helper()
	status, body := c.Do(http.MethodGet, path, nil)
	return status, string(body)
}

func TestRegisterPageShowsFieldErrors(t *testing.T) {
	srv := apptest.Start(t, apptest.Options{})
	srv.NewClient(t).Register("taken@example.com")

	tests := []struct {
		name       string
		email      string
		userName   string
		password   string
		wantStatus int
		wantError  string
	}{
		{"taken email", "taken@example.com", "Grace <H>", "long enough password", http.StatusConflict, `id="email-error"`},
		{"short password", "new@example.com", "Grace <H>", "short", http.StatusUnprocessableEntity, `id="password-error"`},
		{"empty name", "new@example.com", "", "long enough password", http.StatusUnprocessableEntity, `id="name-error"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			form := url.Values{"email": {tt.email}, "name": {tt.userName}, "password": {tt.password}}
			status, body := postForm(t, srv.NewClient(t), srv.URL, "/register", form)
			if status != tt.wantStatus {
				t.Fatalf("status: got %d, want %d", status, tt.wantStatus)
			}
			if !strings.Contains(body, tt.wantError) {
				t.Errorf("body has no %s:\n%s", tt.wantError, body)
			}
			if want := `value="` + tt.email + `"`; !strings.Contains(body, want) {
				t.Errorf("body does not keep the email %s", want)
			}
			if tt.userName != "" && !strings.Contains(body, `value="Grace &lt;H&gt;"`) {
				t.Error("body does not keep the escaped name")
			}
			if strings.Contains(body, tt.password) {
				t.Errorf("body contains the password %q", tt.password)
			}
		})
	}
}

func TestLoginPageShowsError(t *testing.T) {
	srv := apptest.Start(t, apptest.Options{})
	srv.NewClient(t).Register("login@example.com")

	form := url.Values{"email": {"login@example.com"}, "password": {"wrong password here"}}
	status, body := postForm(t, srv.NewClient(t), srv.URL, "/login", form)
	if status != http.StatusUnauthorized {
		t.Fatalf("status: got %d, want %d", status, http.StatusUnauthorized)
	}
	if !strings.Contains(body, `id="form-error"`) {
		t.Errorf("body has no form error:\n%s", body)
	}
	if !strings.Contains(body, `value="login@example.com"`) {
		t.Error("body does not keep the email")
	}
	if strings.Contains(body, "wrong password here") {
		t.Error("body contains the password")
	}
}

func TestPagesRender(t *testing.T) {
	srv := apptest.Start(t, apptest.Options{})
	anon := srv.NewClient(t)
	user := srv.NewClient(t)
	user.Register("header@example.com")

	tests := []struct {
		name       string
		client     *apptest.Client
		path       string
		wantStatus int
		want       []string
		notWant    []string
	}{
		{"anonymous login page", anon, "/login", http.StatusOK,
			[]string{`href="/register"`, `action="/login"`}, []string{`action="/logout"`}},
		{"dashboard of a user", user, "/", http.StatusOK,
			[]string{"Test header@example.com", `action="/logout"`, `data-group-id="0"`}, []string{`href="/register"`}},
		{"group URL", user, "/groups/42", http.StatusOK,
			[]string{`data-group-id="42"`, `src="/static/app.js"`, `href="/static/dashboard.css"`}, nil},
		{"malformed group id", user, "/groups/abc", http.StatusNotFound,
			[]string{`id="error-status">404<`, `id="error-home"`, `href="/"`}, nil},
		{"unknown path", user, "/no/such/page", http.StatusNotFound,
			[]string{`id="error-status">404<`}, nil},
		{"entry script", anon, "/static/app.js", http.StatusOK,
			[]string{`from "./jobs.js"`, `from "./live.js"`}, nil},
		{"shared stylesheet", anon, "/static/app.css", http.StatusOK, []string{".site-header"}, nil},
		{"dashboard stylesheet", anon, "/static/dashboard.css", http.StatusOK, []string{".job"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body := get(t, tt.client, tt.path)
			if status != tt.wantStatus {
				t.Fatalf("status: got %d, want %d", status, tt.wantStatus)
			}
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("body has no %s:\n%s", w, body)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(body, w) {
					t.Errorf("body has %s, want none", w)
				}
			}
		})
	}
}
