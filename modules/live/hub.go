package live

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/olahol/melody"

	"emma/modules/group"
	"emma/modules/web"
)

// Session keys.
const (
	keyGroupID = "group_id"
	keyUserID  = "user_id"
	// keyReady is set once the snapshot is queued, so that no update reaches
	// a socket before its snapshot.
	keyReady = "ready"
	// keyDropped marks a socket whose buffer overflowed and that is closing.
	keyDropped = "dropped"
)

// How a dropped socket is closed.
const (
	dropRetry   = 100 * time.Millisecond
	dropTimeout = 30 * time.Second
)

// Message types.
const (
	TypeSnapshot  = "snapshot"
	TypeJobUpdate = "job_update"
)

// Message is a WebSocket message from server to browser.
type Message struct {
	Type    string          `json:"type"`
	GroupID int64           `json:"group_id"`
	Jobs    []group.JobView `json:"jobs,omitempty"`
	Job     *group.JobView  `json:"job,omitempty"`
}

// Groups is the read access to groups and jobs that the live feed needs.
type Groups interface {
	Owns(ctx context.Context, userID, groupID int64) error
	Jobs(ctx context.Context, groupID int64) ([]group.Job, error)
	Job(ctx context.Context, jobID int64) (*group.Job, error)
}

// Hub owns the Melody instance and sends snapshots and updates into rooms.
type Hub struct {
	m      *melody.Melody
	groups Groups
	log    *slog.Logger
}

// NewHub returns a Hub whose sockets must come from origin.
func NewHub(groups Groups, origin string, log *slog.Logger) *Hub {
	m := melody.New()
	m.Upgrader.CheckOrigin = web.CheckOrigin(origin)
	m.Config.MessageBufferSize = 1024
	h := &Hub{m: m, groups: groups, log: log}
	m.HandleConnect(h.connect)
	m.HandleError(h.sessionError)
	return h
}

// Close disconnects every socket.
func (h *Hub) Close() error { return h.m.Close() }

func (h *Hub) connect(s *melody.Session) {
	gid := s.MustGet(keyGroupID).(int64)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	jobs, err := h.groups.Jobs(ctx, gid)
	if err != nil {
		h.log.Error("load snapshot failed", "group_id", gid, "error", err)
		_ = s.Close()
		return
	}
	h.write(s, snapshot(gid, jobs))
	s.Set(keyReady, true)
	// Updates committed while the snapshot was loading were not sent to
	// this socket, so send every job that changed since.
	again, err := h.groups.Jobs(ctx, gid)
	if err != nil {
		h.log.Error("reload snapshot failed", "group_id", gid, "error", err)
		_ = s.Close()
		return
	}
	for i := range again {
		if i < len(jobs) && again[i].UpdatedAt.Equal(jobs[i].UpdatedAt) {
			continue
		}
		v := group.NewJobView(&again[i])
		h.write(s, Message{Type: TypeJobUpdate, GroupID: gid, Job: &v})
	}
}

// sessionError drops a socket whose send buffer overflowed: it has missed
// updates, and on reconnecting it gets a fresh snapshot. It must not call
// Close directly, because Close queues a close frame into the same full
// buffer, which reports the overflow again and would recurse until the
// stack overflows.
func (h *Hub) sessionError(s *melody.Session, err error) {
	if !errors.Is(err, melody.ErrMessageBufferFull) {
		return
	}
	if v, _ := s.Get(keyDropped); v == true {
		return
	}
	s.Set(keyDropped, true)
	s.Set(keyReady, false)
	h.log.Warn("socket too slow, closing it", "group_id", s.MustGet(keyGroupID))
	go closeWhenDrained(s)
}

// closeWhenDrained retries Close until the close frame fits in the
// socket's buffer and the socket closes, for at most dropTimeout. A client
// that stops reading altogether is closed by Melody's write deadline.
func closeWhenDrained(s *melody.Session) {
	deadline := time.Now().Add(dropTimeout)
	for !s.IsClosed() && time.Now().Before(deadline) {
		_ = s.Close()
		time.Sleep(dropRetry)
	}
}

func (h *Hub) write(s *melody.Session, msg Message) {
	b, err := json.Marshal(msg)
	if err != nil {
		h.log.Error("encode message failed", "error", err)
		return
	}
	if err := s.Write(b); err != nil && !errors.Is(err, melody.ErrSessionClosed) {
		h.log.Warn("write to socket failed", "error", err)
	}
}

// watched reports whether any ready socket is in the group's room.
func (h *Hub) watched(gid int64) bool {
	sessions, err := h.m.Sessions()
	if err != nil {
		return false
	}
	for _, s := range sessions {
		if inRoom(s, gid) {
			return true
		}
	}
	return false
}

// rooms returns the groups that have at least one ready socket.
func (h *Hub) rooms() []int64 {
	sessions, err := h.m.Sessions()
	if err != nil {
		return nil
	}
	seen := map[int64]bool{}
	var ids []int64
	for _, s := range sessions {
		v, _ := s.Get(keyGroupID)
		gid, ok := v.(int64)
		if ok && !seen[gid] && ready(s) {
			seen[gid] = true
			ids = append(ids, gid)
		}
	}
	return ids
}

// broadcast sends msg to every ready socket in the group's room.
func (h *Hub) broadcast(gid int64, msg Message) error {
	b, err := json.Marshal(msg)
	if err != nil {
		return fmt.Errorf("encode message: %w", err)
	}
	err = h.m.BroadcastFilter(b, func(s *melody.Session) bool { return inRoom(s, gid) })
	if err != nil && !errors.Is(err, melody.ErrClosed) {
		return fmt.Errorf("broadcast to group %d: %w", gid, err)
	}
	return nil
}

func inRoom(s *melody.Session, gid int64) bool {
	v, _ := s.Get(keyGroupID)
	id, ok := v.(int64)
	return ok && id == gid && ready(s)
}

func ready(s *melody.Session) bool {
	v, _ := s.Get(keyReady)
	r, _ := v.(bool)
	return r
}

func snapshot(gid int64, jobs []group.Job) Message {
	views := make([]group.JobView, 0, len(jobs))
	for i := range jobs {
		views = append(views, group.NewJobView(&jobs[i]))
	}
	return Message{Type: TypeSnapshot, GroupID: gid, Jobs: views}
}
