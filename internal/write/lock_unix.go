//go:build unix

package write

import (
	"os"
	"syscall"
)

// dirLock is an exclusive lock on a folder, held while a build writes the
// output folder inside it; the system drops it when the process ends, so a
// killed build leaves no lock behind.
type dirLock struct{ f *os.File }

func lockDir(dir string) (*dirLock, error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		_ = f.Close()
		return nil, err
	}
	return &dirLock{f: f}, nil
}

func (l *dirLock) release() {
	if l != nil && l.f != nil {
		_ = l.f.Close() // closing drops the lock
		l.f = nil
	}
}
