package render

import (
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

	all := fnvOffset
	for _, t := range s.Teams {
		all.front(t.Source)
	}
	for _, c := range s.Concerns { // in rank order
		all.front(c.Source)
	}
	for _, m := range s.Meetings {
		all.front(m.Source)
	}
	sg.all = uint64(all)
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

// digest is FNV-1a fed with words and strings directly: a rebuild signs
// every page, and hash.Hash64 through an interface costs several times more.
type digest uint64

const (
	fnvOffset digest = 14695981039346656037
	fnvPrime  digest = 1099511628211
)

func (d *digest) word(v uint64) {
	for range 8 {
		*d = (*d ^ digest(v&0xff)) * fnvPrime
		v >>= 8
	}
}

func (d *digest) text(s string) {
	for i := 0; i < len(s); i++ {
		*d = (*d ^ digest(s[i])) * fnvPrime
	}
	*d = (*d ^ 0xff) * fnvPrime // ends the string: "ab"+"c" is not "a"+"bc"
}

// source adds a whole source file: for the page that shows its body.
func (d *digest) source(src model.Source) {
	d.word(src.Hash)
	d.text(src.File)
}

// front adds a source file's frontmatter: for the pages that list it, which
// show its title, levels and dates but not its body.
func (d *digest) front(src model.Source) {
	d.word(src.FrontHash)
	d.text(src.File)
}

// sign returns the hash of everything page p is made from.
func (sg *signer) sign(p *Page) uint64 {
	h := fnvOffset
	h.word(sg.shell)
	h.word(sg.layouts[p.Layout])
	h.text(p.Path)
	switch {
	case p.Concern != nil:
		c := p.Concern
		h.source(c.Source)
		h.word(uint64(c.Rank))
		if c.Team != nil {
			h.front(c.Team.Source)
		}
		for _, m := range c.Meetings {
			h.front(m.Source)
		}
		for _, t := range c.Tags { // spelt as another concern may have first written it
			h.text(t.Name)
		}
	case p.Team != nil:
		t := p.Team
		h.source(t.Source)
		h.word(uint64(sg.teamIndex[t]))
		for _, c := range t.Concerns {
			h.front(c.Source)
			h.word(uint64(c.Rank))
		}
		for _, m := range t.Meetings {
			h.front(m.Source)
		}
		for _, a := range t.Actions {
			h.front(a.Meeting.Source)
			if a.Concern != nil {
				h.front(a.Concern.Source)
			}
		}
	case p.Meeting != nil:
		m := p.Meeting
		h.source(m.Source)
		for _, c := range m.Concerns {
			h.front(c.Source)
		}
		for _, a := range m.Attendees {
			if a.Team != nil {
				h.front(a.Team.Source)
			}
		}
		for _, a := range m.Actions {
			if a.Concern != nil {
				h.front(a.Concern.Source)
			}
		}
	case p.Tag != nil:
		for _, c := range p.Tag.Concerns {
			h.front(c.Source)
			h.word(uint64(c.Rank))
			if c.Team != nil {
				h.front(c.Team.Source)
			}
		}
	case p.Doc != nil:
		h.source(p.Doc.Source)
	case p.Layout != "404":
		// The overview and the section indexes list everything.
		h.word(sg.all)
	}
	return uint64(h)
}

// charts returns the hash of what the charts are made from.
func (sg *signer) charts() uint64 {
	h := fnvOffset
	h.word(sg.shell)
	h.word(sg.all)
	return uint64(h)
}
