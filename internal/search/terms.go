package search

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"hash/maphash"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unsafe"

	"github.com/reliability-council/handbook/internal/parallel"
)

// How much each place a term is found counts towards its weight in a
// document. A title outweighs anything else, so that a document whose
// title has the word comes before one that only mentions it.
const (
	titleWeight = 12
	nameWeight  = 4 // team, tags, owner, people
	textWeight  = 2 // signals, blockers, notes
	bodyWeight  = 1
	// otherCap caps what the places other than the title add up to: below
	// titleWeight, so that no amount of mentions outranks a title.
	otherCap = titleWeight - 1
)

// Cache keeps what building an index worked out for each document, for
// the next build of the same site: in the preview, a save changes a
// document or two of thousands, and only those are read again. It is safe
// for the builds of several goroutines.
type Cache struct {
	mu sync.Mutex
	// The terms met so far, numbered in the order they were met; the
	// vocabulary only grows.
	terms  []string
	number map[string]int32
	// What the last build worked out for each document, by the hash of
	// everything the index takes from the document. Nil in a cache made
	// for one build, which no build follows: it has nothing to look up
	// and keeps nothing, so it hashes no document.
	docs map[uint64]*analysis
	// The last build's postings.
	last *postings
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{number: map[string]int32{}, docs: map[uint64]*analysis{}}
}

// oneBuildCache returns a cache for a single build, which keeps nothing
// for another.
func oneBuildCache() *Cache {
	return &Cache{number: map[string]int32{}}
}

// forOneBuild reports whether the cache keeps nothing for another build:
// what it works out is that build's alone, to let go once used.
func (c *Cache) forOneBuild() bool { return c.docs == nil }

// analysis is what the index takes from one document.
type analysis struct {
	terms   []int32 // in the cache's vocabulary, each once
	weights []uint8 // each term's weight in the document
	record  []byte  // its record, as JSON
}

// seed hashes documents and terms. A hash decides only what a cache
// reuses and where a term sits in a worker's table, never anything that
// is published.
var seed = maphash.MakeSeed()

// key returns the hash of everything the index takes from a document: its
// body by the sum that identifies its text.
func (d *document) key() uint64 {
	var h maphash.Hash
	h.SetSeed(seed)
	number := func(n int) {
		var b [8]byte
		binary.LittleEndian.PutUint64(b[:], uint64(n))
		_, _ = h.Write(b[:])
	}
	text := func(s string) {
		number(len(s))
		_, _ = h.WriteString(s)
	}
	r := d.record
	for _, s := range []string{r.Title, r.URL, r.Kind, r.Meta, r.Excerpt, d.title} {
		text(s)
	}
	for _, list := range [][]string{d.names, d.texts} {
		number(len(list))
		for _, s := range list {
			text(s)
		}
	}
	number(int(d.body.Sum)) // rather than the body, which is ten times the rest
	return h.Sum64()
}

// index returns the files of records, and the file of every bucket. One
// build at a time uses the cache.
func (c *Cache) index(docs documents, bodies Bodies, buckets int) (recordFiles, [][]byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	a := c.analyze(docs, bodies)
	records := recordFiles{sums: a.sums, sizes: a.sizes, count: docs.count()}
	if c.forOneBuild() {
		// Made again from the document and its body: a cache for one
		// build keeps no analyses, which hold the records.
		records.appendRecord = func(dst []byte, id int) []byte { return docs.appendRecord(dst, id, bodies) }
	} else {
		records.appendRecord = func(dst []byte, id int) []byte { return append(dst, a.docs[id].record...) }
	}
	if a.listed == nil {
		return records, c.termBuckets(a.docs, buckets)
	}
	p := a.listed.postings(c.terms, buckets)
	if c.forOneBuild() {
		return records, p.files
	}
	p.docs = a.docs
	p.encoded = make([][]byte, len(c.terms))
	for b := range buckets {
		p.point(b, c.terms)
	}
	c.last = p
	return records, slices.Clone(p.files)
}

// analyzed is what the index took from every document.
type analyzed struct {
	// The sum and the size of the file of every recordsPerFile
	// documents' records.
	sums  [][sha256.Size]byte
	sizes []int
	// The documents' terms and weights, by document, for a cache that
	// keeps them for the next build.
	docs []*analysis
	// Every document's postings, listed as the documents were read, when
	// every document was read: for one build, and for a cache's first.
	// Nil when the cache had some of the documents.
	listed listedPostings
}

// analyze works out what the index takes from every document: from the
// cache for the documents it has, on every core for the rest, a file of
// records at a time. It keeps the documents' analyses for the next build.
// A cache for one build keeps none: their terms and weights take twice the
// memory of their postings, and were, with the postings made from them,
// the most the index took at 50,000 concerns. When it reads every
// document, as for one build and a cache's first, each worker lists the
// postings of the documents it reads as it reads them: the postings of the
// preview's first build are made as fast as a build's.
func (c *Cache) analyze(docs documents, bodies Bodies) analyzed {
	n := docs.count()
	out := analyzed{sums: make([][sha256.Size]byte, recordFileCount(n)), sizes: make([]int, recordFileCount(n))}
	listing := len(c.docs) == 0
	var keys []uint64
	// Each worker numbers the terms it meets on its own; the numbers are
	// made the cache's once all are done. A document the cache has keeps
	// no worker.
	type workerTerms struct {
		w       *termWorker
		terms   []int32
		weights []uint8
	}
	var local []workerTerms
	if !c.forOneBuild() {
		out.docs, keys, local = make([]*analysis, n), make([]uint64, n), make([]workerTerms, n)
	}
	var mu sync.Mutex
	var workers []*termWorker
	parallel.Each(len(out.sums), func() func(int) {
		w := &termWorker{}
		mu.Lock()
		workers = append(workers, w)
		mu.Unlock()
		// appendRecord appends the record of the document at id, having
		// analysed the document.
		appendRecord := func(dst []byte, id int) []byte {
			d := docs.make(id)
			if !c.forOneBuild() {
				keys[id] = d.key()
				if a, ok := c.docs[keys[id]]; ok {
					out.docs[id] = a
					return append(dst, a.record...)
				}
			}
			from := len(dst)
			analyze := func(body []byte) error {
				w.analyze(&d, body)
				dst = d.result(body).appendJSON(dst)
				if listing {
					w.post(id)
				}
				if c.forOneBuild() {
					return nil
				}
				local[id].w = w
				local[id].terms, local[id].weights = w.docTerms()
				out.docs[id] = &analysis{record: bytes.Clone(dst[from:])}
				return nil
			}
			// A body that cannot be read fails its page, which is made
			// before the index: the index never publishes without it.
			if bodies.Use(d.body, analyze) != nil {
				dst = dst[:from]
				_ = analyze(nil)
			}
			return dst
		}
		var buf []byte // the file of records, summed then let go
		return func(file int) {
			buf = appendRecordsFile(buf[:0], file, n, appendRecord)
			out.sums[file], out.sizes[file] = sha256.Sum256(buf), len(buf)
		}
	})
	for _, w := range workers {
		w.global = make([]int32, len(w.terms))
		for i, t := range w.terms {
			n, ok := c.number[t]
			if !ok {
				n = int32(len(c.terms))
				c.terms = append(c.terms, t)
				c.number[t] = n
			}
			w.global[i] = n
		}
	}
	if listing {
		out.listed = listed(workers, len(c.terms))
	}
	if c.forOneBuild() {
		return out
	}
	parallel.Each(n, func() func(int) {
		return func(id int) {
			l := &local[id]
			if l.w == nil {
				return // the cache's
			}
			// Renumbered where they stand: the worker's numbers are not
			// needed once these are the cache's.
			a := out.docs[id]
			a.terms, a.weights = l.terms, l.weights
			for i, t := range a.terms {
				a.terms[i] = l.w.global[t]
			}
		}
	})
	c.docs = make(map[uint64]*analysis, n)
	for i, k := range keys {
		c.docs[k] = out.docs[i]
	}
	return out
}

// postings is a build's postings, kept in the cache for the next build to
// change where it differs.
type postings struct {
	docs     []*analysis // by id
	buckets  int
	encoded  [][]byte  // each term's postings, by term: the stretch of its bucket's file that holds them
	inBucket [][]int32 // the terms with postings, by bucket
	files    [][]byte  // by bucket
}

// maxPatched is how many documents may differ from the last build's, at
// the same ids, for the postings of their terms alone to be written again.
// More, and every term's are.
const maxPatched = 64

// termBuckets returns the file of every bucket: a JSON object from each
// term to its postings (see encode.go), terms sorted. When the documents
// are the last build's but a few, it writes again only the postings of
// those documents' terms, and the files of their buckets.
func (c *Cache) termBuckets(docs []*analysis, buckets int) [][]byte {
	if p := c.last; p != nil && p.buckets == buckets && len(p.docs) == len(docs) {
		var changed []int
		for id := range docs {
			if docs[id] != p.docs[id] {
				changed = append(changed, id)
			}
		}
		if len(changed) <= maxPatched {
			c.patch(docs, changed)
			return slices.Clone(p.files)
		}
	}
	c.last = c.allPostings(docs, buckets)
	return slices.Clone(c.last.files)
}

// allPostings writes the postings of every term. Each core writes those of
// the buckets that fall to it, passing over the documents in order, so
// that every term's documents come in order. It passes twice: once to
// measure each term's postings, then to write them, each into its own
// part of one allocation. Postings grown by appending would take twice the
// memory, most of it spare room, at the time the index takes the most.
func (c *Cache) allPostings(docs []*analysis, buckets int) *postings {
	terms := c.terms
	cores := min(runtime.GOMAXPROCS(0), buckets)
	// Each term's bucket, and the core its bucket falls to: worked out
	// once, rather than for each of its postings on every core.
	bucket, owner := make([]int32, len(terms)), make([]int32, len(terms))
	parallel.Each(len(terms), func() func(int) {
		return func(t int) {
			bucket[t] = int32(bucketOf(terms[t], buckets))
			owner[t] = bucket[t] % int32(cores)
		}
	})
	// A term falls to one core, and so does its bucket: the cores write
	// to these apart.
	p := &postings{docs: docs, buckets: buckets, encoded: make([][]byte, len(terms)),
		inBucket: make([][]int32, buckets), files: make([][]byte, buckets)}
	last := make([]int32, len(terms)) // each term's last document
	// postingsOf calls each for every posting of the terms that fall to
	// core, each term's in the order of its documents: the term, how far
	// its document is from the term's one before (from 0 for the first),
	// and its weight there.
	postingsOf := func(core int, each func(t int32, gap int, weight uint8)) {
		for id, a := range docs {
			for i, t := range a.terms {
				if owner[t] == int32(core) {
					each(t, id-int(last[t]), a.weights[i])
					last[t] = int32(id)
				}
			}
		}
	}
	size := make([]int, len(terms)) // each term's postings, in bytes
	parallel.Each(cores, func() func(int) {
		return func(core int) {
			postingsOf(core, func(t int32, gap int, _ uint8) {
				if size[t] == 0 {
					p.inBucket[bucket[t]] = append(p.inBucket[bucket[t]], t)
				}
				size[t] += numberLen(gap) + 1
			})
		}
	})
	total := 0
	for _, n := range size {
		total += n
	}
	room := make([]byte, 0, total)
	for t, n := range size {
		p.encoded[t] = room[len(room) : len(room) : len(room)+n]
		room = room[:len(room)+n]
	}
	clear(last)
	parallel.Each(cores, func() func(int) {
		return func(core int) {
			postingsOf(core, func(t int32, gap int, weight uint8) {
				p.encoded[t] = appendNumber(p.encoded[t], gap)
				p.encoded[t] = append(p.encoded[t], digits[weight])
			})
			for b := core; b < buckets; b += cores {
				p.writeBucket(b, terms)
			}
		}
	})
	return p
}

// patch writes again the postings of the terms of the documents at the
// ids changed, ascending, as they were and as they are, and the files of
// those terms' buckets.
func (c *Cache) patch(docs []*analysis, changed []int) {
	p := c.last
	if n := len(c.terms); n > len(p.encoded) {
		p.encoded = append(p.encoded, make([][]byte, n-len(p.encoded))...)
	}
	type posting struct {
		id     int
		weight byte
	}
	isChanged := make(map[int]bool, len(changed))
	added := map[int32][]posting{} // each term's postings among the changed, by id
	dirty := map[int32]bool{}
	for _, id := range changed {
		isChanged[id] = true
		for _, t := range p.docs[id].terms {
			dirty[t] = true
		}
		for i, t := range docs[id].terms {
			added[t] = append(added[t], posting{id, digits[docs[id].weights[i]]})
			dirty[t] = true
		}
	}
	touched := map[int]bool{}
	for t := range dirty {
		var out []byte
		last := 0
		write := func(e posting) {
			out = appendNumber(out, e.id-last)
			out = append(out, e.weight)
			last = e.id
		}
		more := added[t]
		for enc, id := p.encoded[t], 0; len(enc) > 0; {
			n, length := readNumber(enc)
			id += n
			for len(more) > 0 && more[0].id < id {
				write(more[0])
				more = more[1:]
			}
			if !isChanged[id] {
				write(posting{id, enc[length]})
			}
			enc = enc[length+1:]
		}
		for _, e := range more {
			write(e)
		}
		was := len(p.encoded[t]) > 0
		p.encoded[t] = out
		b := bucketOf(c.terms[t], p.buckets)
		touched[b] = true
		switch {
		case !was && len(out) > 0:
			p.inBucket[b] = append(p.inBucket[b], t)
		case was && len(out) == 0:
			p.inBucket[b] = slices.DeleteFunc(p.inBucket[b], func(x int32) bool { return x == t })
		}
	}
	for b := range touched {
		p.writeBucket(b, c.terms)
	}
	p.docs = docs
}

// writeBucket writes the file of bucket b, and points its terms' postings
// into it.
func (p *postings) writeBucket(b int, terms []string) {
	p.files[b] = bucketJSON(p.inBucket[b], terms, func(t int32) int { return len(p.encoded[t]) },
		func(dst []byte, t int32) []byte { return append(dst, p.encoded[t]...) })
	p.point(b, terms)
}

// point makes the postings of each term of bucket b the stretch of the
// bucket's file that holds them: the cache keeps them once, not once in
// the file and again by term, and lets go of whatever they were written
// from, or of an earlier file of the bucket.
func (p *postings) point(b int, terms []string) {
	file := p.files[b]
	at := len(`{`)
	for _, t := range p.inBucket[b] { // in the order written
		at += len(`"`+`":"`) + len(terms[t])
		end := at + bytes.IndexByte(file[at:], '"')
		p.encoded[t] = file[at:end:end]
		at = end + len(`",`)
	}
}

// bucketJSON writes a bucket's terms, sorted, with their postings (see
// encode.go): room returns at least the length of a term's postings, and
// write appends them.
func bucketJSON(list []int32, terms []string, room func(t int32) int, write func(dst []byte, t int32) []byte) []byte {
	slices.SortFunc(list, func(x, y int32) int { return strings.Compare(terms[x], terms[y]) })
	size := 2
	for _, t := range list {
		size += len(terms[t]) + room(t) + 6
	}
	out := make([]byte, 0, size)
	out = append(out, '{')
	for i, t := range list {
		if i > 0 {
			out = append(out, ',')
		}
		// Neither needs escaping: a term is letters, digits and marks, and
		// postings are digits.
		out = append(out, '"')
		out = append(out, terms[t]...)
		out = append(out, '"', ':', '"')
		out = write(out, t)
		out = append(out, '"')
	}
	return append(out, '}')
}

// listedPostings are the postings the workers of one build listed, by
// term: for each, one list from each worker that met it, in the order of
// that worker's documents, written as the index writes postings.
type listedPostings [][][]byte

// listed gathers the lists of workers, whose terms have their numbers in
// a vocabulary of the given number of terms.
func listed(workers []*termWorker, terms int) listedPostings {
	l := make(listedPostings, terms)
	for _, w := range workers {
		for t, list := range w.lists {
			if len(list) > 0 {
				g := w.global[t]
				l[g] = append(l[g], list)
			}
		}
		w.lists = nil
	}
	return l
}

// postings returns the terms of every bucket and its file, letting go of
// each term's lists once its bucket is written.
func (l listedPostings) postings(terms []string, buckets int) *postings {
	p := &postings{buckets: buckets, inBucket: make([][]int32, buckets), files: make([][]byte, buckets)}
	for t, lists := range l {
		if len(lists) > 0 {
			b := bucketOf(terms[t], buckets)
			p.inBucket[b] = append(p.inBucket[b], int32(t))
		}
	}
	// Merged, a term's postings take at most what its lists do: a
	// document's gap from the one before it can only shrink.
	room := func(t int32) int {
		n := 0
		for _, list := range l[t] {
			n += len(list)
		}
		return n
	}
	write := func(dst []byte, t int32) []byte {
		dst = appendMerged(dst, l[t])
		l[t] = nil
		return dst
	}
	parallel.Each(buckets, func() func(int) {
		return func(b int) { p.files[b] = bucketJSON(p.inBucket[b], terms, room, write) }
	})
	return p
}

// appendMerged appends the postings of lists, each in the order of its
// own documents and none sharing one, as one list in the order of all.
func appendMerged(dst []byte, lists [][]byte) []byte {
	if len(lists) == 1 {
		return append(dst, lists[0]...)
	}
	// The next posting of each list: its document, and the rest of the
	// list from its weight on.
	type next struct {
		id   int
		rest []byte
	}
	heads := make([]next, 0, len(lists))
	for _, list := range lists {
		gap, length := readNumber(list)
		heads = append(heads, next{gap, list[length:]})
	}
	last := 0
	for len(heads) > 0 {
		m := 0
		for i := range heads {
			if heads[i].id < heads[m].id {
				m = i
			}
		}
		h := &heads[m]
		dst = appendNumber(dst, h.id-last)
		dst = append(dst, h.rest[0])
		last = h.id
		if h.rest = h.rest[1:]; len(h.rest) == 0 {
			heads = slices.Delete(heads, m, m+1)
			continue
		}
		gap, length := readNumber(h.rest)
		h.id += gap
		h.rest = h.rest[length:]
	}
	return dst
}

// termWorker finds the terms of documents and their weights, numbering
// the terms it meets.
type termWorker struct {
	vocabulary
	global []int32     // each term's number in the cache
	seen   []int32     // each term's last document, plus one
	slot   []int32     // and its place in doc
	doc    []docWeight // the terms of the document at hand
	folded []byte
	docs   int32 // documents analysed

	// The postings of the documents posted: each term's list, and the id
	// of the last document in it.
	lists    [][]byte
	lastPost []int32
}

// docWeight is what a term weighs in one document, by place.
type docWeight struct {
	term         int32
	title, other int
}

// weight is the term's weight in the document, one digit of the encoding.
func (dw docWeight) weight() uint8 {
	return uint8(min(maxWeight, dw.title*titleWeight+min(otherCap, dw.other)))
}

// analyze finds the terms of a document and their weights: the document
// at hand, until the next.
func (w *termWorker) analyze(d *document, body []byte) {
	w.docs++
	w.doc = w.doc[:0]
	w.add(stringBytes(d.title), 0)
	for _, s := range d.names {
		w.add(stringBytes(s), nameWeight)
	}
	for _, s := range d.texts {
		w.add(stringBytes(s), textWeight)
	}
	w.add(body, bodyWeight)
}

// stringBytes returns the bytes of s, not copied, for add, which only
// reads them and copies the terms it keeps: a copy of each title, name
// and value of every document was, for the short shape's 10,000 concerns,
// a fifth of the bytes the search index allocated and half its objects.
func stringBytes(s string) []byte { return unsafe.Slice(unsafe.StringData(s), len(s)) }

// docTerms returns the terms of the document at hand, in the worker's
// numbering, and their weights.
func (w *termWorker) docTerms() ([]int32, []uint8) {
	terms, weights := make([]int32, len(w.doc)), make([]uint8, len(w.doc))
	for i, dw := range w.doc {
		terms[i] = dw.term
		weights[i] = dw.weight()
	}
	return terms, weights
}

// post adds the postings of the document at hand, whose id is above that
// of every document posted before, to the lists of its terms.
func (w *termWorker) post(id int) {
	if grow := len(w.terms) - len(w.lists); grow > 0 {
		w.lists = append(w.lists, make([][]byte, grow)...)
		w.lastPost = append(w.lastPost, make([]int32, grow)...)
	}
	for _, dw := range w.doc {
		t := dw.term
		w.lists[t] = append(appendNumber(w.lists[t], id-int(w.lastPost[t])), digits[dw.weight()])
		w.lastPost[t] = int32(id)
	}
}

// add counts the words of text towards the document at hand: each as a
// word of the title when weight is 0, else as that much.
func (w *termWorker) add(text []byte, weight int) {
	ws := words{text: text, folded: w.folded}
	defer func() { w.folded = ws.folded }() // its room, for the next text
	for {
		term, ok := ws.next()
		if !ok {
			return
		}
		t, found := w.find(term)
		if !found {
			w.seen = append(w.seen, 0)
			w.slot = append(w.slot, 0)
		}
		if w.seen[t] != w.docs {
			w.seen[t], w.slot[t] = w.docs, int32(len(w.doc))
			w.doc = append(w.doc, docWeight{term: t})
		}
		if dw := &w.doc[w.slot[t]]; weight == 0 {
			dw.title++
		} else {
			dw.other += weight
		}
	}
}

// vocabulary numbers the terms a worker meets, in the order it meets
// them. It is a hash table of its own: looking a word up is most of the
// work of indexing, and a table that hashes the bytes it is given, with
// no map's generality, does it in half the time. Most words are of eight
// bytes or fewer: such a term is its bytes packed in a number, which
// finds its slot with one multiplication and is told apart from the
// others there by one comparison. A longer term is hashed.
type vocabulary struct {
	terms []string
	short []shortSlot // the terms of eight bytes or fewer
	// The longer terms: each one's number plus one, 0 for an empty slot,
	// and the hash of each term, 0 for a short one.
	long   []int32
	hashes []uint64
	longs  int
}

// shortSlot is a slot of the short terms' table: a term's bytes, packed,
// and its number; key 0 for an empty slot, as no term is made of zeros.
type shortSlot struct {
	key    uint64
	number int32
}

// find returns the number of term, adding it when it is new.
func (v *vocabulary) find(term []byte) (n int32, found bool) {
	if isShort(term) {
		return v.findShort(term)
	}
	if 2*v.longs >= len(v.long) {
		v.long = v.place(max(1024, 2*len(v.long)))
	}
	h := maphash.Bytes(seed, term)
	mask := uint64(len(v.long) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := v.long[i]
		if s == 0 {
			v.long[i] = v.add(term, h) + 1
			v.longs++
			return v.long[i] - 1, false
		}
		if v.hashes[s-1] == h && v.terms[s-1] == string(term) {
			return s - 1, true
		}
	}
}

// isShort reports whether a term goes in the short terms' table: one to
// eight bytes, which packed make a number other than 0.
func isShort[T string | []byte](term T) bool { return len(term) > 0 && len(term) <= 8 }

// findShort is find for a term of one to eight bytes.
func (v *vocabulary) findShort(term []byte) (n int32, found bool) {
	if 2*(len(v.terms)-v.longs) >= len(v.short) {
		v.growShort()
	}
	key := packed(term)
	mask := uint64(len(v.short) - 1)
	for i := shortSlotOf(key, mask); ; i = (i + 1) & mask {
		s := &v.short[i]
		if s.key == 0 {
			*s = shortSlot{key, v.add(term, 0)}
			return s.number, false
		}
		if s.key == key {
			return s.number, true
		}
	}
}

// packed returns the bytes of a term of one to eight bytes packed in a
// number, the first lowest: read at once when the term's memory has room
// for eight, else a byte at a time.
func packed(term []byte) uint64 {
	if cap(term) >= 8 {
		return binary.LittleEndian.Uint64(term[:8]) & (^uint64(0) >> (64 - 8*len(term)))
	}
	var key uint64
	for i, c := range term {
		key |= uint64(c) << (8 * i)
	}
	return key
}

// add numbers a new term.
func (v *vocabulary) add(term []byte, hash uint64) int32 {
	v.terms = append(v.terms, string(term))
	v.hashes = append(v.hashes, hash)
	return int32(len(v.terms) - 1)
}

// shortMultiplier spreads the short terms over their table: random, and
// odd, so that no text can be written to crowd one slot.
var shortMultiplier = rand.Uint64() | 1

// shortSlotOf returns the first slot to try for a short term's key, in a
// table of mask+1 slots, a power of two.
func shortSlotOf(key, mask uint64) uint64 {
	return (key * shortMultiplier) >> 32 & mask
}

// growShort doubles the short terms' table and places each again.
func (v *vocabulary) growShort() {
	old := v.short
	v.short = make([]shortSlot, max(1024, 2*len(old)))
	mask := uint64(len(v.short) - 1)
	for _, s := range old {
		if s.key == 0 {
			continue
		}
		i := shortSlotOf(s.key, mask)
		for v.short[i].key != 0 {
			i = (i + 1) & mask
		}
		v.short[i] = s
	}
}

// place returns a table of the longer terms, of size slots.
func (v *vocabulary) place(size int) []int32 {
	slots := make([]int32, size)
	mask := uint64(size - 1)
	for n, h := range v.hashes {
		if isShort(v.terms[n]) {
			continue
		}
		i := h & mask
		for slots[i] != 0 {
			i = (i + 1) & mask
		}
		slots[i] = int32(n) + 1
	}
	return slots
}

// bucketOf returns the bucket of a term: the FNV-1a hash of its first
// keyRunes letters, in UTF-8, modulo the number of buckets, a power of two.
func bucketOf(term string, buckets int) int {
	key := term
	n := 0
	for i := range term {
		if n == keyRunes {
			key = term[:i]
			break
		}
		n++
	}
	h := uint32(2166136261)
	for i := range len(key) {
		h ^= uint32(key[i])
		h *= 16777619
	}
	return int(h & uint32(buckets-1))
}
