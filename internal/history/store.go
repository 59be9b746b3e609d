package history

import (
	"bufio"
	"bytes"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/reliability-council/handbook/internal/load"
)

// store is what a read found: the commits that changed content, newest
// first, and the frontmatter of every version they left. It is kept in the
// repository's git folder, so that the next build asks git only about the
// commits made since: reading the whole log of a large handbook takes git
// seconds, reading this file milliseconds. The frontmatter stays in the
// file until it is asked for.
type store struct {
	head    string
	commits []*commit
	fronts  *fronts
}

// storeFormat names the layout of the file and the way its log was read;
// a file of another format is read again from git.
const storeFormat = "handbook history 2"

// isoDate is how git's %aI writes a date, its offset in numbers even for
// UTC: parsed the same way, a date read back is the date git gave.
const isoDate = "2006-01-02T15:04:05-07:00"

func (s *store) log(prefix string) *load.History {
	return &load.History{Head: s.head, Files: files(s.commits, s.fronts, prefix), Fronts: s.fronts}
}

// storePath is the store's file: one per site folder in the repository.
func (r *repo) storePath() string {
	h := fnv.New64a()
	_, _ = h.Write([]byte(r.prefix))
	return filepath.Join(r.gitDir, "handbook", fmt.Sprintf("history-%016x", h.Sum64()))
}

// loadStore returns what the last build kept, or nil when there is nothing
// it can use. The file stays open for the frontmatter in it, until the
// store is let go.
func (r *repo) loadStore() *store {
	f, err := os.Open(r.storePath())
	if err != nil {
		return nil
	}
	s, ok := decodeStore(f, r.prefix)
	if !ok {
		_ = f.Close()
		return nil
	}
	return s
}

// saveStore keeps s for the next build and reports whether it did. It is a
// cache: when the git folder cannot be written, the next build reads git
// again.
func (r *repo) saveStore(s *store) bool {
	path := r.storePath()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return false
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".history-*")
	if err != nil {
		return false
	}
	err = encodeStore(tmp, s, r.prefix)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		_ = os.Remove(tmp.Name())
	}
	return err == nil
}

// encodeStore writes s to w as NUL-ended fields, frontmatter blocks as
// their length and their bytes. Only the versions the commits name are
// kept.
func encodeStore(w io.Writer, s *store, prefix string) error {
	b := bufio.NewWriterSize(w, 1<<16)
	field := func(v string) { _, _ = b.WriteString(v); _ = b.WriteByte(0) }
	field(storeFormat)
	field(prefix)
	field(s.head)
	field(strconv.Itoa(len(s.commits)))
	used := map[string]bool{}
	var order []blobAt // the versions, each once, by path
	for _, c := range s.commits {
		field(c.ID)
		field(c.parent)
		field(c.Time.Format(isoDate))
		field(c.Subject)
		field(strconv.Itoa(len(c.changes)))
		for _, ch := range c.changes {
			field(string(ch.status))
			field(ch.blob)
			field(ch.path)
			field(ch.from)
			if ch.blob != "" && !used[ch.blob] {
				used[ch.blob] = true
				order = append(order, blobAt{ch.blob, ch.path})
			}
		}
	}
	// A file's versions one after another, newest first, as a history is
	// read: the reader then reads them together.
	slices.SortStableFunc(order, func(a, b blobAt) int { return strings.Compare(a.path, b.path) })
	field(strconv.Itoa(len(used)))
	var front []byte
	for _, at := range order {
		id := at.blob
		field(id)
		span := s.fronts.span(id)
		if span == load.NoFront {
			field("-")
			continue
		}
		var ok bool
		if front, ok = span.Read(s.fronts, front); !ok {
			return fmt.Errorf("history: the frontmatter of %s cannot be read back", id)
		}
		field(strconv.Itoa(len(front)))
		_, _ = b.Write(front)
	}
	return b.Flush()
}

// blobAt is a version and a path it was at.
type blobAt struct{ blob, path string }

// decodeStore reads what encodeStore wrote for the site folder at prefix
// from f, taking note of where each frontmatter block lies rather than
// reading it.
func decodeStore(f *os.File, prefix string) (*store, bool) {
	info, err := f.Stat()
	if err != nil {
		return nil, false
	}
	t := storeFields{r: bufio.NewReaderSize(f, 1<<16)}
	text := func() string {
		v, _ := t.next()
		return string(v)
	}
	count := func() int {
		n, err := strconv.Atoi(text())
		if err != nil {
			return -1
		}
		return n
	}
	if text() != storeFormat || text() != prefix {
		return nil, false
	}
	s := &store{head: text()}
	n := count()
	if n < 0 {
		return nil, false
	}
	s.commits = make([]*commit, n)
	for i := range s.commits {
		c := &commit{Commit: load.Commit{ID: text()}, parent: text()}
		when, err := time.Parse(isoDate, text())
		c.Time, c.Subject = when, text()
		changes := count()
		if err != nil || changes < 0 {
			return nil, false
		}
		c.changes = make([]change, changes)
		for j := range c.changes {
			status := text()
			if len(status) != 1 {
				return nil, false
			}
			c.changes[j] = change{status: status[0], blob: text(), path: text(), from: text()}
		}
		s.commits[i] = c
	}
	n = count()
	if n < 0 {
		return nil, false
	}
	s.fronts = &fronts{at: make(map[string]load.Span, n), file: f, size: info.Size()}
	for range n {
		id, size := text(), text()
		if size == "-" {
			s.fronts.at[id] = load.NoFront
			continue
		}
		length, err := strconv.Atoi(size)
		if err != nil || length < 0 || int64(length) > info.Size()-t.at {
			return nil, false
		}
		s.fronts.at[id] = load.Span{At: t.at, Size: length}
		if !t.skip(length) {
			return nil, false
		}
	}
	return s, t.at == info.Size()
}

// storeFields reads a store's NUL-ended fields, counting the bytes read.
type storeFields struct {
	r  *bufio.Reader
	at int64 // bytes read so far
}

func (t *storeFields) next() ([]byte, bool) {
	tok, err := t.r.ReadSlice(0)
	if err == bufio.ErrBufferFull { // a field longer than the buffer
		long := bytes.Clone(tok)
		rest, err := t.r.ReadBytes(0)
		tok = append(long, rest...)
		if err != nil {
			return nil, false
		}
	} else if err != nil {
		return nil, false
	}
	t.at += int64(len(tok))
	return tok[:len(tok)-1], true
}

// skip passes over n bytes.
func (t *storeFields) skip(n int) bool {
	skipped, _ := t.r.Discard(n)
	t.at += int64(skipped)
	return skipped == n
}
