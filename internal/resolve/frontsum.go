package resolve

import (
	"encoding/binary"
	"hash/maphash"
	"time"

	"github.com/reliability-council/handbook/internal/load"
)

// frontSum identifies everything a handbook is resolved from but the text
// of its bodies: the day, site.yaml, every content file's frontmatter and
// the history read with them. Two handbooks with the same sum differ at
// most in their bodies, so what is made from the rest (the data files)
// need not be made again when only a body was saved.
func frontSum(site *load.Site, today time.Time) uint64 {
	var h maphash.Hash
	h.SetSeed(frontSeed)
	number := func(n uint64) {
		var b [8]byte
		binary.LittleEndian.PutUint64(b[:], n)
		_, _ = h.Write(b[:])
	}
	text := func(s string) {
		number(uint64(len(s)))
		_, _ = h.WriteString(s)
	}
	number(uint64(today.Unix()))
	if site.Config != nil {
		number(site.Config.FrontHash)
	}
	for _, d := range site.Docs {
		text(d.File)
		number(d.FrontHash)
	}
	if site.History != nil {
		text(site.History.Head)
		text(site.History.Missing)
	}
	return h.Sum64()
}

var frontSeed = maphash.MakeSeed()
