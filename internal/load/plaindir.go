package load

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/reliability-council/handbook/internal/model"
)

// plainDir is a folder of the site as an fs.FS that opens folders and plain
// files no bigger than limit, and nothing else: a named pipe, a device or a
// socket in a theme could otherwise hold a build up forever or fill the
// memory. What it refuses comes back as a model.ErrorList naming the file
// as the site's author knows it, inside an *fs.PathError.
type plainDir struct {
	dir   string // on disk
	rel   string // relative to the site folder, for messages
	limit int64
}

// Open opens a file or folder of the folder.
func (d plainDir) Open(name string) (fs.File, error) {
	f, info, err := d.open("open", name)
	if err != nil {
		return nil, err
	}
	if info.IsDir() {
		return f, nil
	}
	return &boundedFile{file: f, name: name, dir: d, left: d.limit}, nil
}

// ReadFile reads a plain file of the folder whole.
func (d plainDir) ReadFile(name string) ([]byte, error) {
	f, info, err := d.open("read", name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info.IsDir() {
		return nil, &fs.PathError{Op: "read", Path: name, Err: errors.New("is a directory")}
	}
	data, err := readBounded(f, info.Size(), d.limit)
	if err != nil {
		return nil, d.error("read", name, err)
	}
	return data, nil
}

// ReadDir lists a folder of the folder, sorted by name.
func (d plainDir) ReadDir(name string) ([]fs.DirEntry, error) {
	f, _, err := d.open("readdir", name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	entries, err := f.ReadDir(-1)
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return entries, err
}

// Stat describes a file or folder of the folder without opening it.
func (d plainDir) Stat(name string) (fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrInvalid}
	}
	return os.Stat(d.path(name))
}

func (d plainDir) path(name string) string { return filepath.Join(d.dir, filepath.FromSlash(name)) }

func (d plainDir) open(op, name string) (*os.File, fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, nil, &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	f, info, err := openPlain(d.path(name), d.limit, true)
	if err != nil {
		return nil, nil, d.error(op, name, err)
	}
	return f, info, nil
}

// error places what is wrong with a file at its path in the site; other
// failures, such as a missing file, keep their usual form.
func (d plainDir) error(op, name string, err error) error {
	var big *tooLarge
	var odd *notPlain
	switch {
	case errors.As(err, &big):
		err = model.ErrorList{model.Errorf(d.rel+"/"+name, 0, "file is %d bytes, more than the %d a theme file may have (make it smaller)", big.size, big.limit)}
	case errors.As(err, &odd):
		err = model.ErrorList{model.Errorf(d.rel+"/"+name, 0, "%v", odd)}
	default:
		var pathErr *fs.PathError
		if errors.As(err, &pathErr) {
			err = pathErr.Err
		}
	}
	return &fs.PathError{Op: op, Path: name, Err: err}
}

// boundedFile is an open plain file that reads no more than its folder's
// limit, however much it grows once open. It has only the methods of an
// fs.File, so that no copy can go around its Read.
type boundedFile struct {
	file *os.File
	name string
	dir  plainDir
	left int64 // bytes it may still read
}

func (f *boundedFile) Stat() (fs.FileInfo, error) { return f.file.Stat() }

func (f *boundedFile) Close() error { return f.file.Close() }

func (f *boundedFile) Read(p []byte) (int, error) {
	if int64(len(p)) > f.left+1 {
		p = p[:f.left+1]
	}
	n, err := f.file.Read(p)
	f.left -= int64(n)
	if f.left < 0 {
		return 0, f.dir.error("read", f.name, &tooLarge{size: f.dir.limit + 1, limit: f.dir.limit})
	}
	return n, err
}
