package account

import (
	"context"
	"errors"
	"os"
	"testing"
	"time"

	"emma/modules/db"
	"emma/modules/db/dbtest"
	"emma/modules/pgserver/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

func newTestService(t *testing.T) (*Service, *db.DB) {
	t.Helper()
	d := dbtest.Open(t)
	svc, err := NewService(NewStore(d.Gorm))
	if err != nil {
		t.Fatalf("new service: %v", err)
	}
	return svc, d
}

func TestExpiredSessionsAreRejectedAndCleaned(t *testing.T) {
	svc, d := newTestService(t)
	ctx := context.Background()
	u, token, err := svc.Register(ctx, "sam@example.com", "Sam", "long enough")
	if err != nil {
		t.Fatalf("register: %v", err)
	}
	if _, err := svc.Authenticate(ctx, token); err != nil {
		t.Fatalf("fresh session: %v", err)
	}
	svc.now = func() time.Time { return time.Now().Add(SessionLifetime + time.Minute) }
	if _, err := svc.Authenticate(ctx, token); !errors.Is(err, ErrNoSession) {
		t.Errorf("expired session: got %v, want ErrNoSession", err)
	}

	n, err := NewStore(d.Gorm).DeleteExpiredSessions(ctx, svc.now())
	if err != nil {
		t.Fatalf("delete expired: %v", err)
	}
	if n != 1 {
		t.Errorf("got %d sessions deleted for user %d, want 1", n, u.ID)
	}
}

func TestPasswordHashRoundTrip(t *testing.T) {
	hash, err := hashPassword("correct horse")
	if err != nil {
		t.Fatalf("hash: %v", err)
	}
	for _, tc := range []struct {
		password string
		want     bool
	}{{"correct horse", true}, {"correct hors", false}, {"", false}} {
		ok, err := checkPassword(hash, tc.password)
		if err != nil {
			t.Fatalf("check %q: %v", tc.password, err)
		}
		if ok != tc.want {
			t.Errorf("check %q: got %t, want %t", tc.password, ok, tc.want)
		}
	}
	if _, err := checkPassword("$bcrypt$nope", "x"); err == nil {
		t.Error("unknown hash format: got no error")
	}
}
