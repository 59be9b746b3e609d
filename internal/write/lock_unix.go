//go:build unix

package write

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"syscall"
)

// outputLock is an exclusive lock on one output folder, held while a build
// writes it. It is a lock on a small file in the system's temporary folder,
// named after the output folder's path: nothing is added to the site's own
// folders, builds into different folders never wait for each other, and the
// system drops the lock when the process ends, so a killed build leaves no
// lock behind.
type outputLock struct{ f *os.File }

func lockOutput(out string) (*outputLock, error) {
	sum := sha256.Sum256([]byte(out))
	f, err := os.OpenFile(filepath.Join(os.TempDir(), "handbook-"+hex.EncodeToString(sum[:8])+".lock"), os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		_ = f.Close()
		return nil, err
	}
	return &outputLock{f: f}, nil
}

func (l *outputLock) release() {
	if l != nil && l.f != nil {
		_ = l.f.Close() // closing drops the lock
		l.f = nil
	}
}
