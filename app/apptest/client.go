package apptest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"emma/modules/group"
	"emma/modules/live"
)

// Client is an API client with its own cookie jar, like one browser.
type Client struct {
	tb   testing.TB
	base string
	HTTP *http.Client
}

// NewClient returns a client of s without a session.
func (s *Server) NewClient(tb testing.TB) *Client {
	jar, err := cookiejar.New(nil)
	if err != nil {
		tb.Fatalf("create cookie jar: %v", err)
	}
	return &Client{tb: tb, base: s.URL, HTTP: &http.Client{Jar: jar, Timeout: 30 * time.Second}}
}

// Do sends a request with body encoded as JSON (nil sends none) and
// returns the status and the response body.
func (c *Client) Do(method, path string, body any) (int, []byte) {
	c.tb.Helper()
	var r io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			c.tb.Fatalf("encode body: %v", err)
		}
		r = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, c.base+path, r)
	if err != nil {
		c.tb.Fatalf("new request: %v", err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	return c.Send(req)
}

// Send sends req and returns the status and the response body.
func (c *Client) Send(req *http.Request) (int, []byte) {
	c.tb.Helper()
	resp, err := c.HTTP.Do(req)
	if err != nil {
		c.tb.Fatalf("%s %s: %v", req.Method, req.URL.Path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		c.tb.Fatalf("read %s %s: %v", req.Method, req.URL.Path, err)
	}
	return resp.StatusCode, b
}

// JSON sends a request, checks the status and decodes the body into out
// (unless out is nil).
func (c *Client) JSON(method, path string, body any, want int, out any) {
	c.tb.Helper()
	status, b := c.Do(method, path, body)
	if status != want {
		c.tb.Fatalf("%s %s: got status %d, want %d; body: %s", method, path, status, want, b)
	}
	if out != nil {
		if err := json.Unmarshal(b, out); err != nil {
			c.tb.Fatalf("decode %s %s: %v; body: %s", method, path, err, b)
		}
	}
}

// Register signs up a new account and keeps its session cookie.
func (c *Client) Register(email string) {
	c.tb.Helper()
	body := map[string]string{"email": email, "name": "Test " + email, "password": "correct horse battery"}
	c.JSON(http.MethodPost, "/api/v1/auth/register", body, http.StatusCreated, nil)
}

// Submit posts a pair group and returns it as stored.
func (c *Client) Submit(a, b string) group.GroupView {
	c.tb.Helper()
	var g group.GroupView
	c.JSON(http.MethodPost, "/api/v1/groups", map[string]string{"a": a, "b": b}, http.StatusCreated, &g)
	return g
}

// SubmitExpressions posts an expression group and returns it as stored.
func (c *Client) SubmitExpressions(exprs ...string) group.GroupView {
	c.tb.Helper()
	var g group.GroupView
	c.JSON(http.MethodPost, "/api/v1/groups", map[string][]string{"expressions": exprs}, http.StatusCreated, &g)
	return g
}

// Group fetches a group.
func (c *Client) Group(id int64) group.GroupView {
	c.tb.Helper()
	var g group.GroupView
	c.JSON(http.MethodGet, fmt.Sprintf("/api/v1/groups/%d", id), nil, http.StatusOK, &g)
	return g
}

// Ticket requests a WebSocket ticket for a group.
func (c *Client) Ticket(groupID int64) string {
	c.tb.Helper()
	var out struct {
		Ticket string `json:"ticket"`
	}
	c.JSON(http.MethodPost, fmt.Sprintf("/api/v1/groups/%d/ticket", groupID), struct{}{}, http.StatusOK, &out)
	return out.Ticket
}

// Socket is a WebSocket connection to a group's room.
type Socket struct {
	tb   testing.TB
	Conn *websocket.Conn
}

// Dial opens a socket with ticket, sending origin as the Origin header. It
// returns the handshake response status when the upgrade is rejected.
func (c *Client) Dial(ticket, origin string) (*Socket, int, error) {
	u := strings.Replace(c.base, "http://", "ws://", 1) + "/api/v1/ws?ticket=" + url.QueryEscape(ticket)
	h := http.Header{}
	if origin != "" {
		h.Set("Origin", origin)
	}
	conn, resp, err := websocket.DefaultDialer.Dial(u, h)
	if err != nil {
		status := 0
		if resp != nil {
			status = resp.StatusCode
		}
		return nil, status, err
	}
	s := &Socket{tb: c.tb, Conn: conn}
	c.tb.Cleanup(func() { conn.Close() })
	return s, http.StatusSwitchingProtocols, nil
}

// Open requests a ticket for the group and opens a socket with the
// server's own origin.
func (c *Client) Open(groupID int64) *Socket {
	c.tb.Helper()
	s, status, err := c.Dial(c.Ticket(groupID), c.base)
	if err != nil {
		c.tb.Fatalf("open socket for group %d: status %d: %v", groupID, status, err)
	}
	return s
}

// Next reads the next message, failing the test after timeout.
func (s *Socket) Next(timeout time.Duration) live.Message {
	s.tb.Helper()
	if err := s.Conn.SetReadDeadline(time.Now().Add(timeout)); err != nil {
		s.tb.Fatalf("set read deadline: %v", err)
	}
	var m live.Message
	if err := s.Conn.ReadJSON(&m); err != nil {
		s.tb.Fatalf("read socket message: %v", err)
	}
	return m
}

// WaitFinal reads messages until every job of the group is final and
// returns the jobs by id. The first message must be the snapshot.
func (s *Socket) WaitFinal(timeout time.Duration) map[int64]group.JobView {
	s.tb.Helper()
	return s.WaitUntil(timeout, AllFinal)
}

// WaitUntil reads messages, keeping the newest state of each job, until
// done returns true for the jobs. The first message must be the snapshot.
func (s *Socket) WaitUntil(timeout time.Duration, done func(map[int64]group.JobView) bool) map[int64]group.JobView {
	s.tb.Helper()
	deadline := time.Now().Add(timeout)
	first := s.Next(time.Until(deadline))
	if first.Type != live.TypeSnapshot {
		s.tb.Fatalf("first message: got type %q, want %q", first.Type, live.TypeSnapshot)
	}
	jobs := map[int64]group.JobView{}
	for _, j := range first.Jobs {
		jobs[j.ID] = j
	}
	for !done(jobs) {
		m := s.Next(time.Until(deadline))
		switch m.Type {
		case live.TypeSnapshot:
			for _, j := range m.Jobs {
				jobs[j.ID] = j
			}
		case live.TypeJobUpdate:
			jobs[m.Job.ID] = *m.Job
		default:
			s.tb.Fatalf("unexpected message type %q", m.Type)
		}
	}
	return jobs
}

// AllFinal reports whether every job is completed, failed or cancelled.
func AllFinal(jobs map[int64]group.JobView) bool {
	for _, j := range jobs {
		switch j.Status {
		case group.StatusCompleted, group.StatusFailed, group.StatusCancelled:
		default:
			return false
		}
	}
	return len(jobs) > 0
}

// InsightsDone reports whether every job is final and every completed job
// has its insight.
func InsightsDone(jobs map[int64]group.JobView) bool {
	if !AllFinal(jobs) {
		return false
	}
	for _, j := range jobs {
		if j.Status == group.StatusCompleted && j.Insight.Status != group.InsightCompleted {
			return false
		}
	}
	return true
}
