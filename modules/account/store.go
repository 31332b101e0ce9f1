package account

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"strconv"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// Store reads and writes users and sessions.
type Store struct {
	db *gorm.DB
}

// NewStore returns a Store on db.
func NewStore(db *gorm.DB) *Store { return &Store{db: db} }

// CreateUser inserts u and sets its ID. It returns ErrEmailTaken when the
// email is registered already, in any letter case.
func (s *Store) CreateUser(ctx context.Context, u *User) error {
	err := s.db.WithContext(ctx).Select("Email", "Name", "PasswordHash").Create(u).Error
	if errors.Is(err, gorm.ErrDuplicatedKey) {
		return ErrEmailTaken
	}
	if err != nil {
		return fmt.Errorf("insert user %s: %w", u.Email, err)
	}
	return nil
}

// UserByEmail finds a user by email, ignoring letter case.
func (s *Store) UserByEmail(ctx context.Context, email string) (*User, error) {
	var u User
	err := s.db.WithContext(ctx).Where("lower(email) = lower(?)", email).Take(&u).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, ErrUserNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("select user by email: %w", err)
	}
	return &u, nil
}

// CreateSession stores a session for token until expires.
func (s *Store) CreateSession(ctx context.Context, userID int64, token string, expires time.Time) error {
	sess := Session{TokenHash: hashToken(token), UserID: userID, ExpiresAt: expires}
	if err := s.db.WithContext(ctx).Create(&sess).Error; err != nil {
		return fmt.Errorf("insert session for user %d: %w", userID, err)
	}
	return nil
}

// UserBySession returns the user of an unexpired session.
func (s *Store) UserBySession(ctx context.Context, token string, now time.Time) (*User, error) {
	var u User
	err := s.db.WithContext(ctx).
		Joins("JOIN sessions ON sessions.user_id = users.id").
		Where("sessions.token_hash = ? AND sessions.expires_at > ?", hashToken(token), now).
		Take(&u).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, ErrNoSession
	}
	if err != nil {
		return nil, fmt.Errorf("select session user: %w", err)
	}
	return &u, nil
}

// LogoutChannel is the Postgres channel on which a logout is announced,
// with the user id as payload, so that every web process closes that
// user's live sockets.
const LogoutChannel = "emma_user_logout"

// DeleteSession ends the session of token and announces the logout in the
// same transaction. Ending an unknown session is not an error.
func (s *Store) DeleteSession(ctx context.Context, token string) error {
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var ended []Session
		err := tx.Clauses(clause.Returning{Columns: []clause.Column{{Name: "user_id"}}}).
			Where("token_hash = ?", hashToken(token)).Delete(&ended).Error
		if err != nil {
			return fmt.Errorf("delete session: %w", err)
		}
		for _, sess := range ended {
			err := tx.Exec("SELECT pg_notify(?, ?)", LogoutChannel, strconv.FormatInt(sess.UserID, 10)).Error
			if err != nil {
				return fmt.Errorf("announce logout of user %d: %w", sess.UserID, err)
			}
		}
		return nil
	})
}

// DeleteExpiredSessions removes sessions that ended before now.
func (s *Store) DeleteExpiredSessions(ctx context.Context, now time.Time) (int64, error) {
	res := s.db.WithContext(ctx).Where("expires_at <= ?", now).Delete(&Session{})
	if res.Error != nil {
		return 0, fmt.Errorf("delete expired sessions: %w", res.Error)
	}
	return res.RowsAffected, nil
}

func hashToken(token string) []byte {
	sum := sha256.Sum256([]byte(token))
	return sum[:]
}
