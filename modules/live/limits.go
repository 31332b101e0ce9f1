package live

import (
	"sync"
	"time"
)

// MaxSocketsPerUser bounds one user's open sockets in one web process.
// Each socket holds a snapshot of its group, which can be megabytes for
// long results, so the bound also bounds the memory one user can pin.
const MaxSocketsPerUser = 16

// usedTickets remembers the ids of tickets that opened a socket until
// they expire, so each ticket opens one socket only.
//
// NOTE: the set lives in one process. With several web processes behind
// a load balancer, a ticket can open one socket in each of them within
// its 30 seconds. A shared table would close that gap.
type usedTickets struct {
	mu  sync.Mutex
	ids map[string]time.Time
	now func() time.Time
}

func newUsedTickets() *usedTickets {
	return &usedTickets{ids: map[string]time.Time{}, now: time.Now}
}

// claim records a ticket id and reports whether it was unused.
func (u *usedTickets) claim(id string, expires time.Time) bool {
	u.mu.Lock()
	defer u.mu.Unlock()
	now := u.now()
	for k, exp := range u.ids {
		if now.After(exp) {
			delete(u.ids, k)
		}
	}
	if _, ok := u.ids[id]; ok || id == "" {
		return false
	}
	u.ids[id] = expires
	return true
}

// socketsOf counts the user's open sockets.
func (h *Hub) socketsOf(userID int64) int {
	sessions, err := h.m.Sessions()
	if err != nil {
		return 0
	}
	n := 0
	for _, s := range sessions {
		if v, _ := s.Get(keyUserID); v == userID {
			n++
		}
	}
	return n
}
