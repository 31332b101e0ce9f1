// Package live pushes job updates to browsers: the web role listens for
// Postgres notifications and forwards them into Melody WebSocket rooms,
// one room per group, which a socket joins only with a signed ticket.
package live

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/lestrrat-go/jwx/v3/jwa"
	"github.com/lestrrat-go/jwx/v3/jwt"
)

// TicketLifetime is how long a ticket can be used to open a socket.
const TicketLifetime = 30 * time.Second

const (
	ticketAudience = "emma-ws"
	groupClaim     = "grp"
)

// ErrInvalidTicket is returned for any ticket that must not open a socket.
var ErrInvalidTicket = errors.New("invalid ticket")

// Tickets issues and verifies WebSocket tickets: HS256 JWTs that name the
// user and the group and expire after TicketLifetime.
type Tickets struct {
	key []byte
	now func() time.Time
}

// NewTickets returns a Tickets that signs with key.
func NewTickets(key []byte) *Tickets {
	return &Tickets{key: key, now: time.Now}
}

// Claims are the user and group that a verified ticket grants access to,
// with the ticket's id and expiry for single use.
type Claims struct {
	UserID    int64
	GroupID   int64
	ID        string
	ExpiresAt time.Time
}

// Issue returns a signed ticket for the user's group and its expiry.
func (t *Tickets) Issue(userID, groupID int64) (string, time.Time, error) {
	now := t.now().Truncate(time.Second)
	exp := now.Add(TicketLifetime)
	id := make([]byte, 12)
	if _, err := rand.Read(id); err != nil {
		return "", time.Time{}, fmt.Errorf("read ticket id: %w", err)
	}
	tok, err := jwt.NewBuilder().
		Subject(strconv.FormatInt(userID, 10)).
		Audience([]string{ticketAudience}).
		IssuedAt(now).
		Expiration(exp).
		JwtID(hex.EncodeToString(id)).
		Claim(groupClaim, strconv.FormatInt(groupID, 10)).
		Build()
	if err != nil {
		return "", time.Time{}, fmt.Errorf("build ticket: %w", err)
	}
	signed, err := jwt.Sign(tok, jwt.WithKey(jwa.HS256(), t.key))
	if err != nil {
		return "", time.Time{}, fmt.Errorf("sign ticket: %w", err)
	}
	return string(signed), exp, nil
}

// Verify checks a ticket's signature with HS256 pinned, its audience, and
// that it carries iat and exp no more than TicketLifetime apart and has
// not expired. Every failure returns ErrInvalidTicket wrapping the cause.
func (t *Tickets) Verify(ticket string) (Claims, error) {
	tok, err := jwt.ParseString(ticket,
		jwt.WithKey(jwa.HS256(), t.key),
		jwt.WithValidate(true),
		jwt.WithClock(jwt.ClockFunc(t.now)),
		jwt.WithAcceptableSkew(0),
		jwt.WithAudience(ticketAudience),
		jwt.WithRequiredClaim(jwt.ExpirationKey),
		jwt.WithRequiredClaim(jwt.IssuedAtKey),
		jwt.WithRequiredClaim(groupClaim),
		jwt.WithMaxDelta(TicketLifetime, jwt.ExpirationKey, jwt.IssuedAtKey),
	)
	if err != nil {
		return Claims{}, fmt.Errorf("%w: %w", ErrInvalidTicket, err)
	}
	sub, _ := tok.Subject()
	var grp string
	if err := tok.Get(groupClaim, &grp); err != nil {
		return Claims{}, fmt.Errorf("%w: group claim: %w", ErrInvalidTicket, err)
	}
	uid, err1 := strconv.ParseInt(sub, 10, 64)
	gid, err2 := strconv.ParseInt(grp, 10, 64)
	if err1 != nil || err2 != nil {
		return Claims{}, fmt.Errorf("%w: malformed subject or group", ErrInvalidTicket)
	}
	jti, _ := tok.JwtID()
	exp, _ := tok.Expiration()
	return Claims{UserID: uid, GroupID: gid, ID: jti, ExpiresAt: exp}, nil
}
