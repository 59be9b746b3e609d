package preview

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash/maphash"
	"maps"
	"slices"
	"sync"

	"github.com/reliability-council/handbook/internal/build"
	"github.com/reliability-council/handbook/internal/render"
)

// memorySite is a finished build as the preview serves it: its files in
// memory, found through the build's own map.
type memorySite struct {
	*render.Map             // finds its files and names its assets
	prev        *memorySite // the build before, until this one is named; nil for none
	mu          sync.Mutex
	files       map[string][]byte // kept as the build made them, not copied
	sums        map[string]fileSum
	build       string // names the build by its content
}

func newMemorySite(m *render.Map, prev *memorySite) *memorySite {
	n := len(m.Files())
	return &memorySite{Map: m, prev: prev, files: make(map[string][]byte, n), sums: make(map[string]fileSum, n)}
}

// add keeps one file of the build, and the hash of its bytes unless prev
// had the same: the build calls it from several goroutines, which share
// the hashing, where a first build's 200 MB at 10,000 concerns took a
// tenth of a second on one core after it.
func (s *memorySite) add(f render.File) error {
	sum := s.prev.sumOf(f.Path, f.Data)
	s.mu.Lock()
	s.files[f.Path] = f.Data
	s.sums[f.Path] = sum
	s.mu.Unlock()
	return nil
}

// fileSum is the hash of one file's bytes, remembered with where those bytes
// are: a rebuild hands back the very same bytes for every page it did not
// render again, and those need no hashing; the same bytes elsewhere need
// only comparing.
type fileSum struct {
	at  *byte
	len int
	sum contentSum
}

// contentSum tells one file's bytes from another's: two 64-bit hashes under
// seeds of their own. Sums are only compared within one run of the preview,
// so they need not be the same from run to run; a cryptographic hash, at
// 10,000 concerns, took a quarter of a second of the first build's time.
type contentSum [2]uint64

var contentSeeds = [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}

func sumOfContent(data []byte) contentSum {
	return contentSum{maphash.Bytes(contentSeeds[0], data), maphash.Bytes(contentSeeds[1], data)}
}

// name names the build by the hashes of its files, once they are all
// added.
func (s *memorySite) name() {
	h := sha256.New()
	for _, path := range slices.Sorted(maps.Keys(s.sums)) {
		// Lengths keep the boundaries between paths unambiguous.
		_, _ = h.Write(binary.AppendUvarint(nil, uint64(len(path))))
		_, _ = h.Write([]byte(path))
		sum := s.sums[path].sum
		_, _ = h.Write(binary.LittleEndian.AppendUint64(binary.LittleEndian.AppendUint64(nil, sum[0]), sum[1]))
	}
	s.build = hex.EncodeToString(h.Sum(nil)[:6])
	s.prev = nil // let the build before go
}

func (s *memorySite) sumOf(path string, data []byte) fileSum {
	at := firstByte(data)
	if s != nil {
		if old, ok := s.sums[path]; ok && old.len == len(data) && (old.at == at || bytes.Equal(s.files[path], data)) {
			return fileSum{at: at, len: old.len, sum: old.sum}
		}
	}
	return fileSum{at: at, len: len(data), sum: sumOfContent(data)}
}

func firstByte(data []byte) *byte {
	if len(data) == 0 {
		return nil
	}
	return &data[0]
}

// diff lists, sorted, the files whose bytes differ from prev's and those
// prev had that s has not; every file when prev is nil.
func (s *memorySite) diff(prev *memorySite) []string {
	var changed []string
	for path, sum := range s.sums {
		if prev == nil || prev.sums[path].sum != sum.sum {
			changed = append(changed, path)
		}
	}
	if prev != nil {
		for path := range prev.files {
			if _, ok := s.files[path]; !ok {
				changed = append(changed, path)
			}
		}
	}
	slices.Sort(changed)
	return changed
}

// with returns the site with some of its files replaced, named anew.
func (s *memorySite) with(files map[string][]byte) *memorySite {
	out := &memorySite{Map: s.Map, files: maps.Clone(s.files), sums: s.sums}
	h := sha256.New()
	_, _ = h.Write([]byte(s.build))
	for _, path := range slices.Sorted(maps.Keys(files)) {
		out.files[path] = files[path]
		_, _ = h.Write([]byte(path))
		_, _ = h.Write(files[path])
	}
	out.build = hex.EncodeToString(h.Sum(nil)[:6])
	return out
}

func (s *memorySite) File(path string) ([]byte, bool, error) {
	data, ok := s.files[path]
	return data, ok, nil
}

// pendingSite is the first build while it is being made: each file is
// made when it is asked for.
type pendingSite struct {
	*build.Pending // makes each file
	*render.Map    // finds them: the build's map
}

func newPendingSite(p *build.Pending) pendingSite { return pendingSite{p, p.Map()} }
