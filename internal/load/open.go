package load

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"

	"github.com/reliability-council/handbook/internal/sysfile"
)

// MaxThemeFileSize is the largest theme file read: layouts, stylesheets,
// scripts and images, which may be bigger than a page of text.
const MaxThemeFileSize = 16 << 20

// notPlain is a source that is not a plain file: a named pipe, a device or
// a socket would make a read wait forever or never end.
type notPlain struct{ what string }

func (e *notPlain) Error() string {
	return fmt.Sprintf("is %s, not a plain file (handbook reads only plain files: replace it with one, or remove it)", e.what)
}

// tooLarge is a source bigger than its limit; size is as much of it as was
// seen, so at least limit+1.
type tooLarge struct{ size, limit int64 }

func (e *tooLarge) Error() string {
	return fmt.Sprintf("file is %d bytes, more than the %d it may have", e.size, e.limit)
}

// openPlain opens name for reading and checks that it is a plain file of at
// most limit bytes, or a folder when folder is set. It opens without
// waiting, so that a named pipe put where a file was cannot hold the build
// up between a look at the path and the open; what it then checks is the
// open file itself.
func openPlain(name string, limit int64, folder bool) (*os.File, fs.FileInfo, error) {
	f, err := os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, nil, err
	}
	info, err := f.Stat()
	if err == nil {
		err = checkPlain(info, limit, folder)
	}
	if err != nil {
		_ = f.Close()
		return nil, nil, err
	}
	return f, info, nil
}

// checkPlain says what is wrong with a file that is not plain, or too big.
func checkPlain(info fs.FileInfo, limit int64, folder bool) error {
	mode := info.Mode()
	switch {
	case mode.IsRegular():
		if info.Size() > limit {
			return &tooLarge{size: info.Size(), limit: limit}
		}
		return nil
	case mode.IsDir() && folder:
		return nil
	case mode.IsDir():
		return &notPlain{"a folder"}
	case mode&fs.ModeNamedPipe != 0:
		return &notPlain{"a named pipe (FIFO)"}
	case mode&fs.ModeSocket != 0:
		return &notPlain{"a socket"}
	case mode&fs.ModeDevice != 0:
		return &notPlain{"a device"}
	}
	return &notPlain{"a special file"}
}

// readBounded reads f, which was size bytes long when it was opened, up to
// limit bytes: a file that has grown past the limit since is refused too.
func readBounded(f io.Reader, size, limit int64) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(int(min(size, limit)) + bytes.MinRead) // ReadFrom wants MinRead free to read the end
	n, err := buf.ReadFrom(io.LimitReader(f, limit+1))
	switch {
	case err != nil:
		return nil, err
	case n > limit:
		return nil, &tooLarge{size: max(size, n), limit: limit}
	}
	return buf.Bytes(), nil
}

// readPlain reads the plain file name of at most limit bytes, into into
// when it has room for them.
func readPlain(name string, limit int64, into []byte) ([]byte, error) {
	if data, ok := sysfile.Read(name, limit, 0, -1, into); ok {
		return data, nil
	}
	f, info, err := openPlain(name, limit, false)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readBounded(f, info.Size(), limit)
}
