package pgserver

import (
	"fmt"
	"os"
	"os/user"
	"path/filepath"
	"slices"
	"strconv"
	"syscall"
)

// serverUserName is the account that initdb and postgres run as when the
// caller is root, because both programs refuse to run as root.
const serverUserName = "postgres"

// account is the OS user that owns the cluster files and runs initdb and
// postgres.
type account struct {
	name   string
	uid    int
	gid    int
	groups []uint32 // supplementary group ids, including gid

	// switchUser is true when the caller is root, so child processes run
	// with this account's credential and Start chowns the directories
	// they write to.
	switchUser bool
}

// serverAccount returns the caller's own account, or the postgres account
// when the caller is root.
func serverAccount() (account, error) {
	if os.Geteuid() != 0 {
		return account{uid: os.Geteuid(), gid: os.Getegid()}, nil
	}

	u, err := user.Lookup(serverUserName)
	if err != nil {
		return account{}, fmt.Errorf("look up user %q, which runs postgres "+
			"when emma runs as root: %w; create it (Debian: apt-get install "+
			"postgresql) or run emma as an unprivileged user", serverUserName, err)
	}
	return accountFromUser(u)
}

func accountFromUser(u *user.User) (account, error) {
	acct := account{name: u.Username, switchUser: true}
	var err error
	if acct.uid, err = strconv.Atoi(u.Uid); err != nil {
		return account{}, fmt.Errorf("parse uid of user %s: %w", u.Username, err)
	}
	if acct.gid, err = strconv.Atoi(u.Gid); err != nil {
		return account{}, fmt.Errorf("parse gid of user %s: %w", u.Username, err)
	}

	ids, err := u.GroupIds()
	if err != nil {
		return account{}, fmt.Errorf("list groups of user %s: %w", u.Username, err)
	}
	for _, id := range ids {
		gid, err := strconv.ParseUint(id, 10, 32)
		if err != nil {
			return account{}, fmt.Errorf("parse group id %q of user %s: %w", id, u.Username, err)
		}
		acct.groups = append(acct.groups, uint32(gid))
	}
	return acct, nil
}

// credential returns the credential for child processes, or nil to run
// them as the caller.
func (a account) credential() *syscall.Credential {
	if !a.switchUser {
		return nil
	}
	return &syscall.Credential{Uid: uint32(a.uid), Gid: uint32(a.gid), Groups: a.groups}
}

// dataDirPerm returns the mode for directories that Start creates on the
// way to DataDir. The postgres user must pass through them when the caller
// is root.
func (a account) dataDirPerm() os.FileMode {
	if a.switchUser {
		return 0o711
	}
	return 0o700
}

// chown gives path to the account when the caller is root. Otherwise the
// caller already owns what it created.
func (a account) chown(path string) error {
	if !a.switchUser {
		return nil
	}

	if err := os.Chown(path, a.uid, a.gid); err != nil {
		return fmt.Errorf("chown %s to user %s: %w", path, a.name, err)
	}
	return nil
}

// checkSearchable returns an error naming the first directory from dir up to
// the root that the account may not enter. The check follows the owner,
// group and other bits and ignores ACLs. Without a user switch postgres
// runs as the caller, who has already created dir, so the check is skipped.
func (a account) checkSearchable(dir string) error {
	if !a.switchUser {
		return nil
	}

	for d := dir; ; d = filepath.Dir(d) {
		info, err := os.Stat(d)
		if err != nil {
			return fmt.Errorf("stat %s: %w", d, err)
		}
		if !a.canSearch(info) {
			return fmt.Errorf("directory %s is not searchable by user %s, "+
				"which runs postgres; allow it (chmod o+x %s) or choose a "+
				"data directory elsewhere", d, a.name, d)
		}
		if d == filepath.Dir(d) {
			return nil
		}
	}
}

func (a account) canSearch(info os.FileInfo) bool {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return true
	}

	perm := info.Mode().Perm()
	switch {
	case int(st.Uid) == a.uid:
		return perm&0o100 != 0
	case int(st.Gid) == a.gid || slices.Contains(a.groups, st.Gid):
		return perm&0o010 != 0
	default:
		return perm&0o001 != 0
	}
}
