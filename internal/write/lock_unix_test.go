//go:build unix

package write

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// TestLockFileGoesWithTheBuild checks that a build that ends leaves no
// lock file behind.
func TestLockFileGoesWithTheBuild(t *testing.T) {
	o, err := Open(t.TempDir(), filepath.Join(t.TempDir(), "out"))
	if err != nil {
		t.Fatal(err)
	}
	lockFile := o.lock.path
	if _, err := os.Stat(lockFile); err != nil {
		t.Fatalf("no lock file while the build runs: %v", err)
	}
	o.Abort()
	if _, err := os.Stat(lockFile); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the build left its lock file behind: %v", err)
	}
}

// TestLockOnARemovedFile has a build open the lock file just before the
// build holding it removes it, and another build make it again: the lock
// it takes must be on the file there now, which it then keeps from others.
func TestLockOnARemovedFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.lock")
	raced := false
	open := func(p string) (*os.File, error) {
		f, err := openLockFile(p)
		if !raced {
			raced = true
			if err := os.Remove(p); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, nil, 0o600); err != nil {
				t.Fatal(err)
			}
		}
		return f, err
	}
	l, err := lockFile(path, open)
	if err != nil {
		t.Fatal(err)
	}
	defer l.release()
	held, err := l.f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	if now, err := os.Stat(path); err != nil || !os.SameFile(held, now) {
		t.Errorf("the lock is on a file no longer at its path (%v)", err)
	}
	if _, err := lockFile(path, openLockFile); err == nil {
		t.Error("a second build took the lock while the first held it")
	}
}
