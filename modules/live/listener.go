package live

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/olahol/melody"

	"emma/modules/account"
	"emma/modules/group"
)

// Reconnect delays of the listening connection: doubling from the first
// to the last.
const (
	reconnectMin = 100 * time.Millisecond
	reconnectMax = 5 * time.Second
)

// Listen holds a dedicated connection that LISTENs on group.NotifyChannel
// and forwards every notification to the sockets of that group, and on
// account.LogoutChannel to close the sockets of users who logged out. When the
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
	for _, channel := range []string{group.NotifyChannel, account.LogoutChannel} {
		if _, err := conn.Exec(ctx, "LISTEN "+pgx.Identifier{channel}.Sanitize()); err != nil {
			return fmt.Errorf("listen on %s: %w", channel, err)
		}
	}
	connected()
	h.log.Info("listening for job updates", "channel", group.NotifyChannel)
	h.resync(ctx)
	for {
		n, err := conn.WaitForNotification(ctx)
		if err != nil {
			return fmt.Errorf("wait for notification: %w", err)
		}
		if n.Channel == account.LogoutChannel {
			h.closeUser(n.Payload)
			continue
		}
		h.handle(ctx, n.Payload)
	}
}

// CloseLoggedOut is the WebSocket close code sent when the user logged
// out, so a client can tell it from a dropped connection. Codes 4000 to
// 4999 are for applications (RFC 6455, section 7.4.2).
const CloseLoggedOut = 4001

// closeUser closes the sockets of a user who logged out. The browser's
// next ticket request then fails unless another session of that user is
// still signed in.
func (h *Hub) closeUser(payload string) {
	uid, err := strconv.ParseInt(payload, 10, 64)
	if err != nil {
		h.log.Error("malformed logout notification", "payload", payload)
		return
	}
	sessions, err := h.m.Sessions()
	if err != nil {
		return
	}
	for _, s := range sessions {
		if v, _ := s.Get(keyUserID); v == uid {
			_ = s.CloseWithMsg(melody.FormatCloseMessage(CloseLoggedOut, "logged out"))
		}
	}
	h.log.Info("closed sockets of logged-out user", "user_id", uid)
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
