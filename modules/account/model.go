// Package account registers users, signs them in and out, and keeps their
// sessions in Postgres.
package account

import "time"

// User is a row of the users table.
type User struct {
	ID           int64 `gorm:"primaryKey;->"`
	Email        string
	Name         string
	PasswordHash string
	CreatedAt    time.Time `gorm:"->"`
}

// Session is a row of the sessions table. Only the SHA-256 of the cookie
// token is stored.
type Session struct {
	TokenHash []byte `gorm:"primaryKey"`
	UserID    int64
	CreatedAt time.Time `gorm:"->"`
	ExpiresAt time.Time
}
