package live

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"emma/modules/group"
)

// Reconnect delays of the listening connection: doubling from the first
// to the last.
const (
	reconnectMin = 100 * time.Millisecond
	reconnectMax = 5 * time.Second
)

// Listen holds a dedicated connection that LISTENs on group.NotifyChannel
// and forwards every notification to the sockets of that group. When the
// connection drops it reconnects, listens again and resends the state of
// every open room from the database, so no update is lost in the gap. It
// returns when ctx ends.
func (h *Hub) Listen(ctx context.Context, dsn string) {
	delay := reconnectMin
	for {
		err := h.listenOnce(ctx, dsn, func() { delay = reconnectMin })
		if ctx.Err() != nil {
			return
		}
		h.log.Warn("notification listener lost, reconnecting", "error", err, "delay", delay)
		select {
		case <-ctx.Done():
			return
		case <-time.After(delay):
		}
		delay = min(delay*2, reconnectMax)
	}
}

func (h *Hub) listenOnce(ctx context.Context, dsn string, connected func()) error {
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return fmt.Errorf("connect listener: %w", err)
	}
	defer conn.Close(context.WithoutCancel(ctx))
	if _, err := conn.Exec(ctx, "LISTEN "+pgx.Identifier{group.NotifyChannel}.Sanitize()); err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	connected()
	h.log.Info("listening for job updates", "channel", group.NotifyChannel)
	h.resync(ctx)
	for {
		n, err := conn.WaitForNotification(ctx)
		if err != nil {
			return fmt.Errorf("wait for notification: %w", err)
		}
		h.handle(ctx, n.Payload)
	}
}

// handle loads the job named in a notification and sends it to its room.
// Jobs of groups without open sockets are skipped without a query.
func (h *Hub) handle(ctx context.Context, payload string) {
	var n group.Notification
	if err := json.Unmarshal([]byte(payload), &n); err != nil {
		h.log.Error("malformed notification", "payload", payload, "error", err)
		return
	}
	if !h.watched(n.GroupID) {
		return
	}
	j, err := h.groups.Job(ctx, n.JobID)
	if err != nil {
		if !errors.Is(err, context.Canceled) {
			h.log.Error("load updated job failed", "job_id", n.JobID, "error", err)
		}
		return
	}
	v := group.NewJobView(j)
	if err := h.broadcast(n.GroupID, Message{Type: TypeJobUpdate, GroupID: n.GroupID, Job: &v}); err != nil {
		h.log.Error("send job update failed", "group_id", n.GroupID, "job_id", n.JobID, "error", err)
	}
}

// resync sends a fresh snapshot to every open room.
func (h *Hub) resync(ctx context.Context) {
	for _, gid := range h.rooms() {
		jobs, err := h.groups.Jobs(ctx, gid)
		if err != nil {
			h.log.Error("resync room failed", "group_id", gid, "error", err)
			continue
		}
		if err := h.broadcast(gid, snapshot(gid, jobs)); err != nil {
			h.log.Error("resync room failed", "group_id", gid, "error", err)
		}
	}
}
