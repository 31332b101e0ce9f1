package app

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

const secretFile = "ticket-secret"

// loadOrCreateSecret returns the ticket secret kept in dir, creating it on
// first use. The file is written once, with mode 0600, and never replaced,
// so tickets stay valid across restarts.
func loadOrCreateSecret(dir string) ([]byte, error) {
	path := filepath.Join(dir, secretFile)
	b, err := os.ReadFile(path)
	if err == nil {
		s := strings.TrimSpace(string(b))
		if len(s) < 32 {
			return nil, fmt.Errorf("ticket secret in %s is too short; delete the file to generate a new one", path)
		}
		return []byte(s), nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("read ticket secret: %w", err)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("create data directory: %w", err)
	}
	raw := make([]byte, 32)
	if _, err := rand.Read(raw); err != nil {
		return nil, fmt.Errorf("generate ticket secret: %w", err)
	}
	secret := hex.EncodeToString(raw)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		// Another process created it first: use that one.
		return loadOrCreateSecret(dir)
	}
	if err != nil {
		return nil, fmt.Errorf("create ticket secret: %w", err)
	}
	if _, err := f.WriteString(secret + "\n"); err != nil {
		f.Close()
		return nil, fmt.Errorf("write ticket secret: %w", err)
	}
	if err := f.Close(); err != nil {
		return nil, fmt.Errorf("write ticket secret: %w", err)
	}
	return []byte(secret), nil
}
