package search

import (
	"hash/maphash"
	"slices"
	"strings"
	"sync"

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

// termBuckets returns the file of every bucket: a JSON object from each
// term to its postings (see encode.go), terms sorted.
//
// The documents are cut into ranges of about the same amount of text,
// indexed on every core, each range writing the postings of its terms as
// it goes. Ranges taken in order hold every term's documents in order, so
// a term's postings are its ranges' parts one after the other, each but
// the first with its first difference written again from the document
// before it.
func termBuckets(docs []document, buckets, ranges int) [][]byte {
	bounds := cutRanges(docs, ranges)
	parts := make([]*rangePart, len(bounds)-1)
	var (
		mu      sync.Mutex
		workers []*termWorker
	)
	parallel.Each(len(parts), func() func(int) {
		w := &termWorker{}
		mu.Lock()
		workers = append(workers, w)
		mu.Unlock()
		return func(r int) { parts[r] = w.index(docs, bounds[r], bounds[r+1]) }
	})

	// Number the terms of every worker as one vocabulary, and list where
	// each one's postings are.
	vocabulary := map[string]int32{}
	var texts []string
	for _, w := range workers {
		w.global = make([]int32, len(w.terms))
		for i, t := range w.terms {
			id, ok := vocabulary[t]
			if !ok {
				id = int32(len(texts))
				vocabulary[t] = id
				texts = append(texts, t)
			}
			w.global[i] = id
		}
	}
	type piece struct {
		part *rangePart
		term int32 // in the part's worker's terms
	}
	pieces := make([][]piece, len(texts))
	for _, p := range parts {
		for t, enc := range p.postings {
			if len(enc) > 0 {
				g := p.worker.global[t]
				pieces[g] = append(pieces[g], piece{p, int32(t)})
			}
		}
	}

	byBucket := make([][]int32, buckets)
	for t, text := range texts {
		b := bucketOf(text, buckets)
		byBucket[b] = append(byBucket[b], int32(t))
	}
	files := make([][]byte, buckets)
	parallel.Each(buckets, func() func(int) {
		return func(b int) {
			terms := byBucket[b]
			slices.SortFunc(terms, func(x, y int32) int { return strings.Compare(texts[x], texts[y]) })
			size := 2
			for _, t := range terms {
				size += len(texts[t]) + 6
				for _, pc := range pieces[t] {
					size += len(pc.part.postings[pc.term]) + 4
				}
			}
			out := make([]byte, 0, size)
			out = append(out, '{')
			for i, t := range terms {
				if i > 0 {
					out = append(out, ',')
				}
				// Neither needs escaping: a term is letters, digits and
				// marks, and postings are digits.
				out = append(out, '"')
				out = append(out, texts[t]...)
				out = append(out, '"', ':', '"')
				last := int32(0)
				for _, pc := range pieces[t] {
					enc := pc.part.postings[pc.term]
					first, n := readNumber(enc)
					out = appendNumber(out, int(int32(first)-last))
					out = append(out, enc[n:]...)
					last = pc.part.last[pc.term]
				}
				out = append(out, '"')
			}
			files[b] = append(out, '}')
		}
	})
	return files
}

// cutRanges cuts the documents into about n ranges of about the same
// amount of text, returned as the bounds between them: range r is from
// bounds[r] to bounds[r+1].
func cutRanges(docs []document, n int) []int {
	total := 0
	for i := range docs {
		total += docs[i].size()
	}
	bounds := []int{0}
	done := 0
	for i := range docs {
		done += docs[i].size()
		if done*n >= total*len(bounds) && i+1 < len(docs) {
			bounds = append(bounds, i+1)
		}
	}
	return append(bounds, len(docs))
}

// size is about how much text a document has to index.
func (d *document) size() int {
	n := len(d.title) + len(d.body)
	for _, s := range d.names {
		n += len(s)
	}
	for _, s := range d.texts {
		n += len(s)
	}
	return n
}

// rangePart is the postings of one range of documents, by term of the
// worker that indexed it.
type rangePart struct {
	worker   *termWorker
	postings [][]byte // as written by appendPosting, from document 0
	last     []int32  // each term's last document in the range
}

// termWorker indexes ranges of documents, keeping the terms it has met.
type termWorker struct {
	vocabulary
	global []int32     // each term's number in the whole vocabulary
	seen   []int32     // each term's last document, plus one
	slot   []int32     // and its place in doc
	doc    []docWeight // the terms of the document at hand
	folded []byte
}

// docWeight is what a term weighs in one document, by place.
type docWeight struct {
	term         int32
	title, other int
}

// index returns the postings of the documents from from to to.
func (w *termWorker) index(docs []document, from, to int) *rangePart {
	p := &rangePart{worker: w}
	for id := from; id < to; id++ {
		d := &docs[id]
		w.doc = w.doc[:0]
		w.add(id, []byte(d.title), 0)
		for _, s := range d.names {
			w.add(id, []byte(s), nameWeight)
		}
		for _, s := range d.texts {
			w.add(id, []byte(s), textWeight)
		}
		w.add(id, d.body, bodyWeight)
		if n := len(w.terms); n > len(p.postings) {
			p.postings = append(p.postings, make([][]byte, n-len(p.postings))...)
			p.last = append(p.last, make([]int32, n-len(p.last))...)
		}
		for _, dw := range w.doc {
			weight := min(maxWeight, dw.title*titleWeight+min(otherCap, dw.other))
			t := dw.term
			p.postings[t] = appendNumber(p.postings[t], id-int(p.last[t]))
			p.postings[t] = append(p.postings[t], digits[weight])
			p.last[t] = int32(id)
		}
	}
	return p
}

// add counts the words of text towards document id: each as a word of
// the title when weight is 0, else as that much.
func (w *termWorker) add(id int, text []byte, weight int) {
	for ws := (words{text: text}); ; {
		term, ok := ws.next(w.folded)
		if !ok {
			return
		}
		w.folded = term
		t, found := w.find(term)
		if !found {
			w.seen = append(w.seen, 0)
			w.slot = append(w.slot, 0)
		}
		if w.seen[t] != int32(id)+1 {
			w.seen[t], w.slot[t] = int32(id)+1, int32(len(w.doc))
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
// no map's generality, does it in half the time.
type vocabulary struct {
	terms  []string
	hashes []uint64
	slots  []int32 // a term's number plus one; 0 for an empty slot
}

// seed hashes terms. The hash decides only where a term sits in a
// worker's table, never anything that is published.
var seed = maphash.MakeSeed()

// find returns the number of term, adding it when it is new.
func (v *vocabulary) find(term []byte) (n int32, found bool) {
	if 2*len(v.terms) >= len(v.slots) {
		v.grow()
	}
	h := maphash.Bytes(seed, term)
	mask := uint64(len(v.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := v.slots[i]
		if s == 0 {
			n = int32(len(v.terms))
			v.terms = append(v.terms, string(term))
			v.hashes = append(v.hashes, h)
			v.slots[i] = n + 1
			return n, false
		}
		if v.hashes[s-1] == h && v.terms[s-1] == string(term) {
			return s - 1, true
		}
	}
}

// grow doubles the table and places every term again.
func (v *vocabulary) grow() {
	v.slots = make([]int32, max(1024, 2*len(v.slots)))
	mask := uint64(len(v.slots) - 1)
	for n, h := range v.hashes {
		i := h & mask
		for v.slots[i] != 0 {
			i = (i + 1) & mask
		}
		v.slots[i] = int32(n) + 1
	}
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
