package history

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"time"

	"github.com/reliability-council/handbook/internal/load"
)

// store is what a read found: the commits that changed content, newest
// first, and the frontmatter of every version they left. It is kept in the
// repository's git folder, so that the next build asks git only about the
// commits made since: reading the whole log of a large handbook takes git
// seconds, reading this file milliseconds.
type store struct {
	head    string
	commits []*commit
	fronts  map[string][]byte
}

// storeFormat names the layout of the file and the way its log was read;
// a file of another format is read again from git.
const storeFormat = "handbook history 1"

// isoDate is how git's %aI writes a date, its offset in numbers even for
// UTC: parsed the same way, a date read back is the date git gave.
const isoDate = "2006-01-02T15:04:05-07:00"

func (s *store) log(prefix string) *load.History {
	return &load.History{Head: s.head, Files: files(s.commits, s.fronts, prefix)}
}

// storePath is the store's file: one per site folder in the repository.
func (r *repo) storePath() string {
	h := fnv.New64a()
	_, _ = h.Write([]byte(r.prefix))
	return filepath.Join(r.gitDir, "handbook", fmt.Sprintf("history-%016x", h.Sum64()))
}

// loadStore returns what the last build kept, or nil when there is nothing
// it can use.
func (r *repo) loadStore() *store {
	data, err := os.ReadFile(r.storePath())
	if err != nil {
		return nil
	}
	s, ok := decodeStore(data, r.prefix)
	if !ok {
		return nil
	}
	return s
}

// saveStore keeps s for the next build. It is a cache: when the git folder
// cannot be written, the next build reads git again.
func (r *repo) saveStore(s *store) {
	path := r.storePath()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".history-*")
	if err != nil {
		return
	}
	_, err = tmp.Write(encodeStore(s, r.prefix))
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		_ = os.Remove(tmp.Name())
	}
}

// encodeStore writes s as NUL-ended fields, frontmatter blocks as their
// length and their bytes. Only the versions the commits name are kept.
func encodeStore(s *store, prefix string) []byte {
	var b bytes.Buffer
	size := 0
	for _, front := range s.fronts {
		size += len(front) + 64
	}
	for _, c := range s.commits {
		size += len(c.Subject) + 128 + 128*len(c.changes)
	}
	b.Grow(size)
	field := func(v string) { b.WriteString(v); b.WriteByte(0) }
	field(storeFormat)
	field(prefix)
	field(s.head)
	field(strconv.Itoa(len(s.commits)))
	used := map[string]bool{}
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
			if ch.blob != "" {
				used[ch.blob] = true
			}
		}
	}
	field(strconv.Itoa(len(used)))
	for _, id := range slices.Sorted(maps.Keys(used)) {
		field(id)
		front := s.fronts[id]
		if front == nil {
			field("-")
			continue
		}
		field(strconv.Itoa(len(front)))
		b.Write(front)
	}
	return b.Bytes()
}

// decodeStore reads what encodeStore wrote for the site folder at prefix.
func decodeStore(data []byte, prefix string) (*store, bool) {
	t := tokens{data}
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
	s.fronts = make(map[string][]byte, n)
	var kept arena // the blocks alone, so that the rest of data can go
	for range n {
		id, size := text(), text()
		if size == "-" {
			s.fronts[id] = nil
			continue
		}
		length, err := strconv.Atoi(size)
		if err != nil || length < 0 || length > len(t.rest) {
			return nil, false
		}
		s.fronts[id] = kept.copy(t.rest[:length])
		t.rest = t.rest[length:]
	}
	return s, len(t.rest) == 0
}
