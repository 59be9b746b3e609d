package render

import (
	"errors"
	"hash/maphash"
	"html/template"
	"io/fs"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"text/template/parse"

	"github.com/reliability-council/handbook/internal/model"
	"github.com/reliability-council/handbook/internal/reads"
)

// deps knows what each page and each concern row is made from: what its
// templates read of the handbook, worked out from the templates themselves
// by package reads. Two renders that give a page the same signature give
// it the same bytes, whatever the theme reads, so a rebuild makes again
// exactly the pages an edit may have changed.
type deps struct {
	signer  *reads.Signer
	layouts map[string]*reads.Analysis
	row     *reads.Analysis
	site    *Site
	theme   fs.FS

	everything     sync.Once
	everythingHash uint64
}

// seed makes the signatures of one process comparable from build to build:
// a session keeps the last build's to compare with the next's.
var seed = maphash.MakeSeed()

// newDeps signs the pages of s by what the layouts of p read; theme is the
// theme they are from.
func newDeps(s *Site, theme fs.FS, p *parsedTheme) *deps {
	return &deps{
		signer:  reads.NewSigner(seed, s, isEntity, identity),
		layouts: p.layouts,
		row:     p.row,
		site:    s,
		theme:   theme,
	}
}

// analyse works out what each layout of p reads, run with a page, and
// what the concern row reads.
func (p *parsedTheme) analyse(described map[string]reads.Func) error {
	p.layouts = make(map[string]*reads.Analysis, len(p.tmpls))
	an := reads.NewAnalyzer(reflect.TypeFor[*Site](), described)
	var errs []string
	for _, name := range layouts {
		a, err := an.Analyze(lookup(p.tmpls[name]), baseLayout, reflect.TypeFor[*Page]())
		if err != nil {
			errs = append(errs, err.Error())
			continue
		}
		p.layouts[name] = a
	}
	// A theme that shows no concern rows need not define them.
	if p.tmpls[layouts[0]].Lookup(rowTemplate) != nil {
		row, err := an.Analyze(lookup(p.tmpls[layouts[0]]), rowTemplate, reflect.TypeFor[ConcernRow]())
		if err != nil {
			errs = append(errs, err.Error())
		}
		p.row = row
	}
	if len(errs) > 0 {
		return errors.New(strings.Join(slices.Compact(errs), "\n"))
	}
	an.Finish()
	return nil
}

// runByName lists the templates the functions run by name, on any page or
// row, in a set order.
func (d *deps) runByName() []string {
	var names []string
	for _, a := range d.layouts {
		names = append(names, a.ByName...)
	}
	if d.row != nil {
		names = append(names, d.row.ByName...)
	}
	slices.Sort(names)
	return slices.Compact(names)
}

func lookup(t *template.Template) reads.Lookup {
	return func(name string) *parse.Tree {
		if found := t.Lookup(name); found != nil {
			return found.Tree
		}
		return nil
	}
}

// page returns the signature of what page p is made from.
func (d *deps) page(p *Page) uint64 {
	return d.sign(d.layouts[p.Layout], p)
}

// showsRows reports whether the pages of a layout may show concern rows:
// its templates run the row template, or the analysis could not follow
// them.
func (d *deps) showsRows(layout string) bool {
	a := d.layouts[layout]
	return a == nil || a.Everything != "" || slices.Contains(a.Templates, rowTemplate)
}

// concernRow returns the signature of what a concern's row is made from.
// Rows are kept by signature alone, so it names the concern and the kind
// of row too: a row whose templates the analysis could not follow signs
// with everything there is, the same for every concern.
func (d *deps) concernRow(r ConcernRow) uint64 {
	return d.sign(d.row, r) ^ maphash.Comparable(seed, rowIdentity{r.Concern.Slug, r.WithTeam})
}

type rowIdentity struct {
	slug     string
	withTeam bool
}

func (d *deps) sign(a *reads.Analysis, data any) uint64 {
	sum, all := d.signer.Sign(a, data, d.site)
	if all {
		return sum ^ d.all()
	}
	return sum
}

// all returns the hash of everything a template could read: every piece of
// content with everything computed from it, the build day, and every file
// of the theme. Pages whose templates the analysis cannot follow depend on
// it, and are made again whenever anything changes.
func (d *deps) all() uint64 {
	d.everything.Do(func() {
		h := d.site.Handbook
		values := []any{h.Config, h.Today, d.themeHash()}
		for _, t := range h.Teams {
			values = append(values, *t)
		}
		for _, c := range h.Concerns {
			values = append(values, *c)
		}
		for _, m := range h.Meetings {
			values = append(values, *m)
		}
		for _, a := range h.Actions {
			values = append(values, *a)
		}
		for _, t := range h.Tags {
			values = append(values, *t)
		}
		for _, p := range h.Pages {
			values = append(values, *p)
		}
		sum, ok := d.signer.Everything(values...)
		if !ok {
			// Something in the handbook cannot be hashed: a hash that no
			// other build has, so that nothing is ever reused.
			sum = maphash.Comparable(seed, new(byte))
		}
		d.everythingHash = sum
	})
	return d.everythingHash
}

// themeHash hashes every file of the theme.
func (d *deps) themeHash() uint64 {
	var h maphash.Hash
	h.SetSeed(seed)
	_ = fs.WalkDir(d.theme, ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := fs.ReadFile(d.theme, p)
		if err != nil {
			return err
		}
		_, _ = h.WriteString(strconv.Quote(p))
		_, _ = h.Write(data)
		return nil
	})
	return h.Sum64()
}

// isEntity reports the pointers to content that links to other content:
// reading one whole reads everything linked to it.
func isEntity(t reflect.Type) bool {
	switch t {
	case reflect.TypeFor[*model.Concern](), reflect.TypeFor[*model.Team](), reflect.TypeFor[*model.Meeting](),
		reflect.TypeFor[*model.Action](), reflect.TypeFor[*model.Tag]():
		return true
	}
	return false
}

// identity names a piece of content the same way in every build, for
// templates that compare two of them.
func identity(v reflect.Value) (string, bool) {
	if !v.CanInterface() {
		return "", false
	}
	switch x := v.Interface().(type) {
	case *model.Concern:
		return x.File, true
	case *model.Team:
		return x.File, true
	case *model.Meeting:
		return x.File, true
	case *model.Page:
		return x.File, true
	case *model.Tag:
		return "tag " + x.Slug, true
	case *model.Action:
		return x.Meeting.File + ":" + strconv.Itoa(x.Line), true
	}
	return "", false
}
