package render

import (
	"encoding/binary"
	"fmt"
	"hash"
	"hash/fnv"
	"io/fs"

	"github.com/reliability-council/handbook/internal/model"
)

// signer hashes what each page is made from, so that a render can reuse
// every page whose inputs are the same as last time. A page's inputs are
// its layout file, the shell every page shares (configuration, navigation,
// assets, partials, the build day) and the source files of the content it
// shows, with the few computed values it shows besides (ranks).
type signer struct {
	shell   uint64            // what every page shows
	layouts map[string]uint64 // each layout file
	all     uint64            // every content file, for pages that list everything
	// teamIndex is each team's place in the list, which picks its colour on
	// every chart.
	teamIndex map[*model.Team]int
}

func newSigner(s *Site, theme fs.FS, assets []asset) (*signer, error) {
	sg := &signer{layouts: make(map[string]uint64, len(layouts)), teamIndex: make(map[*model.Team]int, len(s.Teams))}
	for i, t := range s.Teams {
		sg.teamIndex[t] = i
	}
	h := fnv.New64a()
	common, err := fs.Glob(theme, "layouts/partials/*.html")
	if err != nil {
		return nil, err
	}
	for _, name := range append([]string{"layouts/base.html"}, common...) {
		if err := hashFile(h, theme, name); err != nil {
			return nil, err
		}
	}
	for _, a := range assets {
		fmt.Fprint(h, a.path, "\x00")
	}
	c := s.Config
	fmt.Fprintf(h, "%q %q %q %q %q %v %s\x00", c.Title, c.BaseURL, c.Description, c.Language, c.EditURL, c.Scoring, s.Today.Format("2006-01-02"))
	for _, n := range s.Nav {
		fmt.Fprintf(h, "%q %q %d\x00", n.Title, n.Path, n.Count)
	}
	sg.shell = h.Sum64()

	for _, name := range layouts {
		h.Reset()
		if err := hashFile(h, theme, "layouts/"+name+".html"); err != nil {
			return nil, err
		}
		sg.layouts[name] = h.Sum64()
	}

	h.Reset()
	for _, t := range s.Teams {
		writeFront(h, t.Source)
	}
	for _, c := range s.Concerns { // in rank order
		writeFront(h, c.Source)
	}
	for _, m := range s.Meetings {
		writeFront(h, m.Source)
	}
	sg.all = h.Sum64()
	return sg, nil
}

func hashFile(h hash.Hash64, theme fs.FS, name string) error {
	data, err := fs.ReadFile(theme, name)
	if err != nil {
		return err
	}
	_, _ = h.Write(data)
	_, _ = h.Write([]byte{0})
	return nil
}

// writeSource adds a whole source file: for the page that shows its body.
func writeSource(h hash.Hash64, src model.Source) {
	writeInt(h, int(src.Hash))
	_, _ = h.Write([]byte(src.File))
}

// writeFront adds a source file's frontmatter: for the pages that list it,
// which show its title, levels and dates but not its body.
func writeFront(h hash.Hash64, src model.Source) {
	writeInt(h, int(src.FrontHash))
	_, _ = h.Write([]byte(src.File))
}

func writeInt(h hash.Hash64, n int) {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], uint64(n))
	_, _ = h.Write(b[:])
}

// sign returns the hash of everything page p is made from.
func (sg *signer) sign(p *Page) uint64 {
	h := fnv.New64a()
	writeInt(h, int(sg.shell))
	writeInt(h, int(sg.layouts[p.Layout]))
	_, _ = h.Write([]byte(p.Path))
	switch {
	case p.Concern != nil:
		c := p.Concern
		writeSource(h, c.Source)
		writeInt(h, c.Rank)
		if c.Team != nil {
			writeFront(h, c.Team.Source)
		}
		for _, m := range c.Meetings {
			writeFront(h, m.Source)
		}
	case p.Team != nil:
		t := p.Team
		writeSource(h, t.Source)
		writeInt(h, sg.teamIndex[t])
		for _, c := range t.Concerns {
			writeFront(h, c.Source)
			writeInt(h, c.Rank)
		}
		for _, m := range t.Meetings {
			writeFront(h, m.Source)
		}
		for _, a := range t.Actions {
			writeFront(h, a.Meeting.Source)
			if a.Concern != nil {
				writeFront(h, a.Concern.Source)
			}
		}
	case p.Meeting != nil:
		m := p.Meeting
		writeSource(h, m.Source)
		for _, c := range m.Concerns {
			writeFront(h, c.Source)
		}
		for _, a := range m.Attendees {
			if a.Team != nil {
				writeFront(h, a.Team.Source)
			}
		}
		for _, a := range m.Actions {
			if a.Concern != nil {
				writeFront(h, a.Concern.Source)
			}
		}
	case p.Tag != nil:
		for _, c := range p.Tag.Concerns {
			writeFront(h, c.Source)
			writeInt(h, c.Rank)
			if c.Team != nil {
				writeFront(h, c.Team.Source)
			}
		}
	case p.Doc != nil:
		writeSource(h, p.Doc.Source)
	case p.Layout != "404":
		// The overview and the section indexes list everything.
		writeInt(h, int(sg.all))
	}
	return h.Sum64()
}
