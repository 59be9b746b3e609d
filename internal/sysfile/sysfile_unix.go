//go:build unix

package sysfile

import (
	"bytes"
	"errors"
	"io"
	"syscall"
)

// Read reads n bytes at offset of the file name, or the whole file when n
// is negative, if it is a plain file of at most limit bytes. It reads them
// into into when it has room for them, else into a new slice. It reports
// false for anything else, and on any error: the caller then opens the file
// the portable way, which says what is wrong with it.
func Read(name string, limit, offset int64, n int, into []byte) ([]byte, bool) {
	fd, size, ok := openRegular(name)
	if !ok {
		return nil, false
	}
	defer syscall.Close(fd)
	if size > limit {
		return nil, false
	}
	want := n
	if n < 0 {
		// One byte more than the file had, to see it grow since.
		want, offset = int(size)+1, 0
	}
	buf := into[:0]
	if cap(buf) < want {
		buf = make([]byte, want)
	}
	buf = buf[:want]
	got, err := retry(func() (int, error) { return syscall.Pread(fd, buf, offset) })
	switch {
	case err != nil:
		return nil, false
	case n < 0 && got < want:
		return buf[:got], true
	case n >= 0 && got == n:
		return buf, true
	}
	return nil, false
}

// Holds reports whether the file name is a plain file that holds exactly
// data, reading it into buf a piece at a time. A file that cannot be read
// does not hold data. ok is false where there are no such calls.
func Holds(name string, data, buf []byte) (holds, ok bool) {
	fd, size, ok := openRegular(name)
	if !ok {
		return false, true
	}
	defer syscall.Close(fd)
	if size != int64(len(data)) {
		return false, true
	}
	for at := int64(0); len(data) > 0; {
		piece := buf[:min(len(buf), len(data))]
		got, err := retry(func() (int, error) { return syscall.Pread(fd, piece, at) })
		if err != nil || got != len(piece) || !bytes.Equal(piece, data[:got]) {
			return false, true
		}
		data, at = data[got:], at+int64(got)
	}
	return true, true
}

// Create writes data to the file name, made or emptied. Its errors are the
// system's own.
func Create(name string, data []byte) error {
	fd, err := retry(func() (int, error) {
		return syscall.Open(name, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_TRUNC|syscall.O_CLOEXEC, 0o644)
	})
	if err != nil {
		return err
	}
	for len(data) > 0 && err == nil {
		var n int
		n, err = retry(func() (int, error) { return syscall.Write(fd, data) })
		if n == 0 && err == nil {
			err = io.ErrShortWrite
		}
		data = data[max(n, 0):]
	}
	if closeErr := syscall.Close(fd); err == nil {
		err = closeErr
	}
	return err
}

// openRegular opens name for reading, without waiting on a named pipe, and
// returns its size; ok is false unless it is a plain file, and then nothing
// is left open.
func openRegular(name string) (fd int, size int64, ok bool) {
	fd, err := retry(func() (int, error) {
		return syscall.Open(name, syscall.O_RDONLY|syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0)
	})
	if err != nil {
		return -1, 0, false
	}
	var st syscall.Stat_t
	if _, err := retry(func() (int, error) { return 0, syscall.Fstat(fd, &st) }); err != nil ||
		st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		_ = syscall.Close(fd)
		return -1, 0, false
	}
	return fd, st.Size, true
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
