package resolve

import (
	"bytes"
	"slices"

	"github.com/reliability-council/handbook/internal/load"
	"github.com/reliability-council/handbook/internal/model"
)

// versions decodes old versions of content files with the decoders of the
// current ones, so that a level or a status means the same then as now. It
// works on one goroutine. A large handbook has tens of thousands of old
// versions, most differing from the next in a field or two, so each field
// is parsed only when its text was not met before: a version's fields come
// from the newer version read just before it where they are written the
// same, from the fields parsed so far, or else are parsed on their own.
type versions struct {
	r           resolver                // decodes; a copy whose errors are dropped: an old version's mistakes are history too
	parsed      map[string][2]load.Node // fields parsed on their own, key and value, by their text
	parsedItems map[string]load.Node    // items of lists parsed on their own, by their text

	history *load.History  // the versions' frontmatter is read from
	window  []byte         // a stretch of the history's Fronts read at once: a file's versions lie together
	at      int64          // where window starts in Fronts
	texts   []byte         // the frontmatter of the versions of the file read so far, one after another
	current *load.Document // the file whose versions are read, as it is now
	head    []byte         // its frontmatter at the last commit; nil once its fields are in newer
	newer   []versionField // the fields of the version read last
	next    []versionField // room for the fields of the version being read
	entries []load.Entry   // room for its split
	nodes   []load.Node    // room for its tree
	items   []load.Entry   // room for the split of a list
}

// versionField is one field of a version: its text and its nodes.
type versionField struct {
	text []byte
	pair [2]load.Node
}

func (r *resolver) versions() *versions {
	v := &versions{r: *r, history: r.site.History, parsed: map[string][2]load.Node{}, parsedItems: map[string]load.Node{}}
	v.r.errs = &model.ErrorList{}
	return v
}

// start readies v for the versions revs of the file current, and returns
// its frontmatter at the last commit when that is the same as now, else
// nil.
func (v *versions) start(current *load.Document, revs []load.Revision) []byte {
	v.current, v.head, v.newer, v.texts = current, nil, v.newer[:0], v.texts[:0]
	if len(v.parsed)+len(v.parsedItems) > maxParsed {
		v.parsed, v.parsedItems = map[string][2]load.Node{}, map[string]load.Node{}
	}
	if len(revs) == 0 {
		return nil
	}
	if front, ok := v.read(revs[len(revs)-1]); ok && load.FrontHash(front) == current.FrontHash {
		v.head = front
	}
	return v.head
}

// maxParsed is how many fields and items v keeps parsed before it lets
// them go, between two files. Most of what a file's versions share with
// another's is a field or two, met again soon; the rest, kept for every
// file of a large handbook, were 67 MB on the tags shape's 5,000 meetings.
const maxParsed = 1 << 12

// read reads the frontmatter of rev after that of the file's versions read
// before it, which stays as it is: the fields of a version refer to its
// text until the next version is parsed, and seed's to the last commit's.
// ok is false when the version had no frontmatter.
func (v *versions) read(rev load.Revision) (front []byte, ok bool) {
	span := rev.Front
	if span == load.NoFront {
		return nil, false
	}
	if span.At < v.at || span.At+int64(span.Size) > v.at+int64(len(v.window)) {
		// One read for the versions of the file, and often of the next:
		// a read for each version was most of what reading the history
		// cost the system.
		size := max(span.Size, windowSize)
		v.window = slices.Grow(v.window[:0], size)[:size]
		n, _ := v.history.Fronts.ReadAt(v.window, span.At) // short at the end of the Fronts
		v.window, v.at = v.window[:n], span.At
		if n < span.Size {
			return nil, false
		}
	}
	if free := cap(v.texts) - len(v.texts); free < span.Size {
		// A new block; the old one stays for as long as fields refer to it.
		v.texts = make([]byte, 0, max(2*cap(v.texts), span.Size, 16<<10))
	}
	from := len(v.texts)
	v.texts = append(v.texts, v.window[span.At-v.at:][:span.Size]...)
	return v.texts[from:], true
}

// windowSize is how much of the history's Fronts read reads at once.
const windowSize = 64 << 10

// seed takes the fields of the last commit's version from the file as it
// is now, when the two are the same: they need no parsing then. It waits
// for the first old version to read, since most files have none.
func (v *versions) seed() {
	head, current := v.head, v.current
	v.head = nil
	if head == nil {
		return
	}
	entries, ok := load.AppendEntries(v.entries[:0], head)
	v.entries = entries
	pairs := current.Front.Content()
	if !ok || len(pairs) != 2*len(entries) {
		return
	}
	for i, e := range entries {
		if pairs[2*i].Value() != string(e.Key) {
			v.newer = v.newer[:0]
			return
		}
		v.newer = append(v.newer, versionField{text: e.Text, pair: [2]load.Node{pairs[2*i], pairs[2*i+1]}})
	}
}

// document returns an old version as a document to decode: its frontmatter
// front, read at file as the file was called then. It returns nil when the
// version's frontmatter is not YAML. The document's tree is only good until
// the next call.
func (v *versions) document(kind load.Kind, file string, front []byte) *load.Document {
	v.seed()
	d := &load.Document{Kind: kind, Slug: load.SlugOf(file), File: file, Line: 1}
	entries, ok := load.AppendEntries(v.entries[:0], front)
	v.entries = entries
	if ok {
		d.Front, ok = v.assemble(file, entries)
	}
	if !ok {
		node, err := load.ParseFront(file, front, 1)
		if err != nil {
			return nil
		}
		d.Front = node
		v.newer = v.newer[:0]
	}
	return d
}

// assemble makes the tree of a version from its fields.
func (v *versions) assemble(file string, entries []load.Entry) (*load.Node, bool) {
	fields := v.next[:0]
	for i, e := range entries {
		f, ok := v.field(file, i, e)
		if !ok {
			return nil, false
		}
		fields = append(fields, f)
	}
	nodes := v.nodes[:0]
	for _, f := range fields {
		nodes = append(nodes, f.pair[0], f.pair[1])
	}
	v.nodes = nodes
	v.newer, v.next = fields, v.newer
	tree := load.Collection(load.MappingNode, 1, nodes)
	return &tree, true
}

// field returns the nodes of the field at index i of a version.
func (v *versions) field(file string, i int, e load.Entry) (versionField, bool) {
	if i < len(v.newer) && bytes.Equal(v.newer[i].text, e.Text) { // fields mostly keep their places
		return versionField{text: e.Text, pair: v.newer[i].pair}, true
	}
	for _, f := range v.newer {
		if bytes.Equal(f.text, e.Text) {
			return versionField{text: e.Text, pair: f.pair}, true
		}
	}
	pair, ok := v.parsed[string(e.Text)]
	if !ok {
		if pair, ok = v.parseField(file, e); !ok {
			return versionField{}, false // the version is parsed whole
		}
		v.parsed[string(e.Text)] = pair
	}
	return versionField{text: e.Text, pair: pair}, true
}

// parseField parses a field on its own. A list written an item a line,
// such as a meeting's actions, is parsed an item at a time, each item only
// when it was not met before: marking one action done leaves the others
// as they were.
func (v *versions) parseField(file string, e load.Entry) ([2]load.Node, bool) {
	items, ok := load.AppendItems(v.items[:0], e)
	v.items = items
	if ok {
		key, keyOK := v.parsed[string(e.Key)+":\n"]
		content := make([]load.Node, 0, len(items))
		for _, it := range items {
			item, seen := v.parsedItems[string(it.Text)]
			if !seen {
				if item, ok = load.ParseItem(file, it, 1); !ok {
					break
				}
				v.parsedItems[string(it.Text)] = item
			}
			content = append(content, item)
		}
		list := load.Collection(load.SequenceNode, 1, content)
		if ok && !keyOK {
			key, keyOK = v.parseField(file, load.Entry{Key: e.Key, Text: []byte(string(e.Key) + ":\n")})
			v.parsed[string(e.Key)+":\n"] = key
		}
		if ok && keyOK {
			return [2]load.Node{key[0], list}, true
		}
	}
	key, value, ok := load.ParseEntry(file, e, 1)
	return [2]load.Node{key, value}, ok
}
