package search

import (
	"sync"
	"sync/atomic"

	"github.com/reliability-council/handbook/internal/model"
)

// offers are what the index worked out, before it was made, from the
// bodies the pages read: a page reads its body to show it, and the index
// takes the terms and the excerpt from that text instead of reading every
// body again once the pages are made, a tenth of a second and more on a
// large handbook. A body no page offered, the index reads itself.
type offers struct {
	mu     sync.RWMutex // held to read by each offer, to write by the making of the index
	closed bool         // the index is being made: later offers come too late
	byDoc  []offer      // by document

	workersMu sync.Mutex
	idle      []*termWorker
	all       []*termWorker // every worker made, whose terms the index numbers
}

// offer is what the index takes from one document's body.
type offer struct {
	taken    atomic.Bool
	analysis *analysis   // its record, and its terms in w's numbering
	w        *termWorker // nil until the body was analysed
}

// Offer hands the index the text of a body as a page reads it. The index
// analyses it then and there, when the body is a document's and the index
// is not yet made, and keeps only what it takes from it. It is safe to
// call from several goroutines.
func (ix *Index) Offer(body model.Markdown, text []byte) {
	o := &ix.offers
	o.mu.RLock()
	defer o.mu.RUnlock()
	if o.closed || body.Len == 0 {
		return
	}
	docs := ix.docs()
	i, ok := docs.byBody[body.File]
	if !ok || docs.list[i].body != body || !o.byDoc[i].taken.CompareAndSwap(false, true) {
		return
	}
	w := o.worker()
	defer o.release(w)
	d := &docs.list[i]
	a := &analysis{record: mustJSON(d.result(text))}
	a.terms, a.weights = w.analyze(d, text)
	o.byDoc[i].analysis, o.byDoc[i].w = a, w
}

// close ends the offers, once those under way are done, and returns them
// with every worker that took one.
func (o *offers) close() ([]offer, []*termWorker) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.closed = true
	return o.byDoc, o.all
}

func (o *offers) worker() *termWorker {
	o.workersMu.Lock()
	defer o.workersMu.Unlock()
	if n := len(o.idle); n > 0 {
		w := o.idle[n-1]
		o.idle = o.idle[:n-1]
		return w
	}
	w := &termWorker{}
	o.all = append(o.all, w)
	return w
}

func (o *offers) release(w *termWorker) {
	o.workersMu.Lock()
	defer o.workersMu.Unlock()
	o.idle = append(o.idle, w)
}

// indexedDocuments are the documents of the index, and which one each
// body is, by its file.
type indexedDocuments struct {
	list   []document
	byBody map[string]int
}
