//go:build unix

package sysfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

func TestReadAndCreate(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "a.md")
	if err := Create(name, []byte("hello, world")); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		limit, offset int64
		n             int
		want          string
		ok            bool
	}{
		{limit: 100, n: -1, want: "hello, world", ok: true},
		{limit: 12, n: -1, want: "hello, world", ok: true},
		{limit: 11, n: -1}, // over the limit
		{limit: 100, offset: 7, n: 5, want: "world", ok: true}, // a span
		{limit: 100, offset: 7, n: 6},                          // past the end
		{limit: 100, offset: 0, n: 0, want: "", ok: true},      // nothing
	} {
		for _, into := range [][]byte{nil, make([]byte, 3), make([]byte, 0, 64)} {
			got, ok := Read(name, tc.limit, tc.offset, tc.n, into)
			if ok != tc.ok || string(got) != tc.want {
				t.Errorf("Read(limit %d, at %d, n %d, into %d) = %q, %v; want %q, %v", tc.limit, tc.offset, tc.n, cap(into), got, ok, tc.want, tc.ok)
			}
			if len(got) > 0 && cap(into) >= 64 && &got[0] != &into[:1][0] {
				t.Errorf("Read(limit %d, at %d, n %d) did not read into the room it was given", tc.limit, tc.offset, tc.n)
			}
		}
	}
	if _, ok := Read(filepath.Join(dir, "missing.md"), 100, 0, -1, nil); ok {
		t.Error("Read of a missing file reports true")
	}
	if _, ok := Read(dir, 100, 0, -1, nil); ok {
		t.Error("Read of a folder reports true")
	}
	fifo := filepath.Join(dir, "pipe.md")
	if err := syscall.Mkfifo(fifo, 0o644); err == nil {
		if _, ok := Read(fifo, 100, 0, -1, nil); ok {
			t.Error("Read of a named pipe reports true")
		}
	}
	buf := make([]byte, 4) // smaller than the file: compared a piece at a time
	for _, tc := range []struct {
		name, data string
		want       bool
	}{
		{name, "hello, world", true},
		{name, "hello, world!", false},
		{name, "hello, worle", false},
		{name, "jello, world", false},
		{filepath.Join(dir, "missing.md"), "", false},
		{dir, "", false},
	} {
		if holds, ok := Holds(tc.name, []byte(tc.data), buf); !ok || holds != tc.want {
			t.Errorf("Holds(%s, %q) = %v, %v; want %v, true", filepath.Base(tc.name), tc.data, holds, ok, tc.want)
		}
	}
	if err := Create(name, []byte("short")); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(name); string(data) != "short" {
		t.Errorf("Create over a longer file left %q", data)
	}
	if err := Create(filepath.Join(dir, "no", "such.md"), nil); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Create in a missing folder: %v, want one that is fs.ErrNotExist", err)
	}
}
