package live

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"emma/modules/group"
)

// fakeGroups serves one group with a fixed list of jobs.
type fakeGroups struct{ jobs []group.Job }

func (f fakeGroups) Owns(context.Context, int64, int64) error { return nil }

func (f fakeGroups) Jobs(context.Context, int64) ([]group.Job, error) { return f.jobs, nil }

func (f fakeGroups) Job(_ context.Context, id int64) (*group.Job, error) {
	return &f.jobs[id-1], nil
}

// TestSlowSocketIsDroppedNotFatal fills a socket's send buffer while the
// client reads nothing. The hub must close that socket and keep running;
// closing from the error handler used to recurse until the stack
// overflowed.
func TestSlowSocketIsDroppedNotFatal(t *testing.T) {
	jobs := []group.Job{{ID: 1, GroupID: 9, Status: group.StatusQueued}}
	h := NewHub(fakeGroups{jobs: jobs}, "http://test.example", slog.New(slog.DiscardHandler))
	h.m.Config.MessageBufferSize = 4
	defer h.Close()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_ = h.m.HandleRequestWithKeys(w, r, map[string]any{keyGroupID: int64(9), keyUserID: int64(1)})
	}))
	defer srv.Close()
	header := http.Header{"Origin": {"http://test.example"}}
	conn, _, err := websocket.DefaultDialer.Dial("ws"+strings.TrimPrefix(srv.URL, "http"), header)
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	defer conn.Close()

	big := strings.Repeat("7", 1<<20)
	jobs[0].Result = &big
	deadline := time.Now().Add(20 * time.Second)
	for h.m.Len() > 0 && time.Now().Before(deadline) {
		v := group.NewJobView(&jobs[0])
		if err := h.broadcast(9, Message{Type: TypeJobUpdate, GroupID: 9, Job: &v}); err != nil {
			t.Fatalf("broadcast: %v", err)
		}
		time.Sleep(time.Millisecond)
	}
	if n := h.m.Len(); n != 0 {
		t.Errorf("got %d open sockets after the buffer overflowed, want 0", n)
	}
}
