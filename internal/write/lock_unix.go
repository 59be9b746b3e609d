//go:build unix

package write

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// outputLock is an exclusive lock on one output folder, held while a build
// writes it. It is a lock on a small file in the system's temporary folder,
// named after the output folder's path: nothing is added to the site's own
// folders, builds into different folders never wait for each other, and the
// system drops the lock when the process ends, so a killed build leaves no
// lock behind. A build that ends removes the file, so that builds into
// many folders, a test suite's, leave no files behind either.
type outputLock struct {
	f    *os.File
	path string
}

func lockOutput(out string) (*outputLock, error) {
	sum := sha256.Sum256([]byte(out))
	return lockFile(filepath.Join(os.TempDir(), "handbook-"+hex.EncodeToString(sum[:8])+".lock"), openLockFile)
}

func openLockFile(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o600)
}

// lockFile locks the file at path, opening it with open.
func lockFile(path string, open func(string) (*os.File, error)) (*outputLock, error) {
	for {
		f, err := open(path)
		if err != nil {
			return nil, err
		}
		if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
			_ = f.Close()
			return nil, err
		}
		// The lock holds only on the file still at path: a build that
		// opened the file just before the build holding it removed it
		// has locked a file no other build will see. It opens the one
		// there now.
		held, err := f.Stat()
		if err != nil {
			_ = f.Close()
			return nil, err
		}
		now, err := os.Stat(path)
		switch {
		case err == nil && os.SameFile(held, now):
			return &outputLock{f: f, path: path}, nil
		case err != nil && !errors.Is(err, fs.ErrNotExist):
			_ = f.Close()
			return nil, err
		}
		_ = f.Close() // removed, or replaced: open it again
	}
}

func (l *outputLock) release() {
	if l != nil && l.f != nil {
		_ = os.Remove(l.path) // while locked: no other build holds this file
		_ = l.f.Close()       // closing drops the lock
		l.f = nil
	}
}
