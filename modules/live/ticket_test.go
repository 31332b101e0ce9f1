package live

import (
	"encoding/base64"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/lestrrat-go/jwx/v3/jwa"
	"github.com/lestrrat-go/jwx/v3/jwt"
)

var testKey = []byte("0123456789abcdef0123456789abcdef")

func fixedTickets(now time.Time) *Tickets {
	t := NewTickets(testKey)
	t.now = func() time.Time { return now }
	return t
}

func TestTicketRoundTrip(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	tk := fixedTickets(now)
	ticket, exp, err := tk.Issue(7, 42)
	if err != nil {
		t.Fatalf("issue: %v", err)
	}
	if want := now.Add(TicketLifetime); !exp.Equal(want) {
		t.Errorf("got expiry %v, want %v", exp, want)
	}
	got, err := tk.Verify(ticket)
	if err != nil {
		t.Fatalf("verify: %v", err)
	}
	if got.UserID != 7 || got.GroupID != 42 {
		t.Errorf("got claims %+v, want user 7 group 42", got)
	}
	if got.ID == "" || !got.ExpiresAt.Equal(exp) {
		t.Errorf("got id %q expiry %v, want an id and %v", got.ID, got.ExpiresAt, exp)
	}
}

// sign builds a token with the given claims, signed with key.
func sign(t *testing.T, key []byte, iat, exp time.Time, aud, grp string) string {
	t.Helper()
	b := jwt.NewBuilder().Subject("7").Audience([]string{aud}).Claim(groupClaim, grp)
	if !iat.IsZero() {
		b = b.IssuedAt(iat)
	}
	if !exp.IsZero() {
		b = b.Expiration(exp)
	}
	tok, err := b.Build()
	if err != nil {
		t.Fatalf("build token: %v", err)
	}
	s, err := jwt.Sign(tok, jwt.WithKey(jwa.HS256(), key))
	if err != nil {
		t.Fatalf("sign token: %v", err)
	}
	return string(s)
}

func TestTicketRejections(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	tk := fixedTickets(now)
	valid, _, err := tk.Issue(7, 42)
	if err != nil {
		t.Fatalf("issue: %v", err)
	}
	parts := strings.Split(valid, ".")
	noneHeader := base64.RawURLEncoding.EncodeToString([]byte(`{"alg":"none","typ":"JWT"}`))
	otherGroup := base64.RawURLEncoding.EncodeToString([]byte(
		`{"aud":["emma-ws"],"sub":"7","grp":"43","iat":` + itoa(now.Unix()) + `,"exp":` + itoa(now.Add(30*time.Second).Unix()) + `}`))

	cases := []struct {
		name   string
		ticket string
	}{
		{"empty", ""},
		{"garbage", "not.a.ticket"},
		{"expired", sign(t, testKey, now.Add(-time.Minute), now.Add(-30*time.Second), ticketAudience, "42")},
		{"forged key", sign(t, []byte("another-secret-another-secret-xx"), now, now.Add(10*time.Second), ticketAudience, "42")},
		{"alg none", noneHeader + "." + parts[1] + "."},
		{"group swapped", parts[0] + "." + otherGroup + "." + parts[2]},
		{"wrong audience", sign(t, testKey, now, now.Add(10*time.Second), "other", "42")},
		{"lifetime over 30s", sign(t, testKey, now, now.Add(time.Hour), ticketAudience, "42")},
		{"no expiry", sign(t, testKey, now, time.Time{}, ticketAudience, "42")},
		{"no issued at", sign(t, testKey, time.Time{}, now.Add(10*time.Second), ticketAudience, "42")},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tk.Verify(tc.ticket)
			if !errors.Is(err, ErrInvalidTicket) {
				t.Errorf("got error %v, want ErrInvalidTicket", err)
			}
		})
	}
}

func TestTicketExpiresAfterLifetime(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	tk := fixedTickets(now)
	ticket, _, err := tk.Issue(7, 42)
	if err != nil {
		t.Fatalf("issue: %v", err)
	}
	tk.now = func() time.Time { return now.Add(TicketLifetime + time.Second) }
	if _, err := tk.Verify(ticket); !errors.Is(err, ErrInvalidTicket) {
		t.Errorf("after %v: got error %v, want ErrInvalidTicket", TicketLifetime+time.Second, err)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
