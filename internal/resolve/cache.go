package resolve

import (
	"slices"
	"sync"
	"time"

	"github.com/reliability-council/handbook/internal/load"
	"github.com/reliability-council/handbook/internal/model"
	"github.com/reliability-council/handbook/internal/parallel"
)

// Cache keeps what a Resolve decoded from each file, so that the next
// Resolve of the same site decodes only the files that changed: with
// thousands of concerns, decoding is most of the work. Linking, scoring and
// ordering run in full every time, since any file can change them. A Cache
// serves one site and one goroutine.
type Cache struct {
	config *load.Document // the site.yaml the entries were decoded under
	docs   map[*load.Document]decoded
	// past is what the last resolve worked out from the history, by file,
	// and history the history it was worked out from: a new commit
	// brings a new history.
	history *load.History
	past    map[string]walkedFile
}

// decoded is one file's content as decoded, before it is linked to others.
type decoded struct {
	value  any     // *model.Team, *model.Concern, *model.Meeting or *model.Page
	fields *fields // its frontmatter, which linking reads
	errs   model.ErrorList
}

// Resolve resolves site as the package's Resolve does, reusing what the
// last call decoded from files that are still the same.
func (c *Cache) Resolve(site *load.Site, today time.Time) (*model.Handbook, error) {
	if site.Config != c.config {
		c.config, c.docs, c.past = site.Config, nil, nil // the scale and statuses may differ
	}
	if site.History != c.history {
		c.history, c.past = site.History, nil
	}
	r := newResolver(site, c.docs)
	r.decoded = make(map[*load.Document]decoded, len(site.Docs))
	r.walks = walkCache{last: c.past, next: map[string]walkedFile{}, mu: new(sync.Mutex)}
	h, err := r.resolve(today)
	c.docs, c.past = r.decoded, r.walks.next
	return h, err
}

// decode returns d decoded by fn, or its copy from the last resolve.
func (r *resolver) decode(d *load.Document, fn func() (any, *fields)) (any, *fields) {
	if e, ok := r.cached[d]; ok {
		*r.errs = append(*r.errs, e.errs...)
		if e.fields != nil {
			e.fields.errs = r.errs
		}
		r.decoded[d] = e
		return clone(e.value), e.fields
	}
	mark := len(*r.errs)
	v, f := fn()
	if r.decoded != nil { // kept for the next resolve
		r.decoded[d] = decoded{value: clone(v), fields: f, errs: slices.Clone((*r.errs)[mark:])}
	}
	return v, f
}

// decodeEach decodes the documents docs as decode does one at a time,
// those the cache lacks on every core first: each is decoded by fn with a
// copy of r that keeps its errors apart. The errors then join r's in the
// order of docs, as if one goroutine had decoded them all. fn must read
// nothing of r that decoding the others writes.
func (r *resolver) decodeEach(docs []*load.Document, fn func(r *resolver, d *load.Document) (any, *fields)) ([]any, []*fields) {
	type fresh struct {
		value  any
		fields *fields
		errs   model.ErrorList
	}
	var missing []int
	for i, d := range docs {
		if _, ok := r.cached[d]; !ok {
			missing = append(missing, i)
		}
	}
	decodedNow := make([]fresh, len(docs))
	parallel.Each(len(missing), func() func(int) {
		w := *r
		return func(j int) {
			i := missing[j]
			out := &decodedNow[i]
			w.errs = &out.errs
			out.value, out.fields = fn(&w, docs[i])
		}
	})
	values, fieldsOf := make([]any, len(docs)), make([]*fields, len(docs))
	for i, d := range docs {
		values[i], fieldsOf[i] = r.decode(d, func() (any, *fields) {
			out := &decodedNow[i]
			*r.errs = append(*r.errs, out.errs...)
			if out.fields != nil {
				out.fields.errs = r.errs
			}
			return out.value, out.fields
		})
	}
	return values, fieldsOf
}

// clone copies a decoded value, so that linking one copy leaves the cached
// one as it was decoded.
func clone(v any) any {
	switch x := v.(type) {
	case *model.Team:
		c := *x
		return &c
	case *model.Concern:
		c := *x
		return &c
	case *model.Meeting:
		c := *x
		return &c
	case *model.Page:
		c := *x
		return &c
	}
	panic("resolve: cannot clone a decoded value")
}
