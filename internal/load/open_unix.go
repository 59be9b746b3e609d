//go:build unix

package load

import (
	"errors"
	"syscall"
)

// readDirect reads n bytes at offset of the file name, or the whole file
// when n is negative, if it is a plain file of at most limit bytes. It
// makes the system calls itself: os.Open asks the runtime's poller to watch
// every file it opens, which a plain file refuses, and reading to the end
// takes a read past it, two calls of six wasted per file, a tenth of the
// time to read ten thousand sources. It reports false for anything else,
// which the portable path then opens and says what is wrong with.
func readDirect(name string, limit, offset int64, n int) ([]byte, bool) {
	fd, err := retry(func() (int, error) {
		return syscall.Open(name, syscall.O_RDONLY|syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0)
	})
	if err != nil {
		return nil, false
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if _, err := retry(func() (int, error) { return 0, syscall.Fstat(fd, &st) }); err != nil ||
		st.Mode&syscall.S_IFMT != syscall.S_IFREG || st.Size > limit {
		return nil, false
	}
	if n < 0 {
		// One byte more than the file had, to see it grow since.
		buf := make([]byte, st.Size+1)
		got, err := retry(func() (int, error) { return syscall.Pread(fd, buf, 0) })
		if err != nil || got == len(buf) {
			return nil, false
		}
		return buf[:got], true
	}
	buf := make([]byte, n)
	got, err := retry(func() (int, error) { return syscall.Pread(fd, buf, offset) })
	if err != nil || got != n {
		return nil, false
	}
	return buf, true
}

// retry makes a system call again while a signal interrupts it.
func retry(call func() (int, error)) (int, error) {
	for {
		n, err := call()
		if !errors.Is(err, syscall.EINTR) {
			return n, err
		}
	}
}
