package search

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"hash/maphash"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"
	"unsafe"

	"github.com/reliability-council/handbook/internal/model"
)

func TestFold(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"Überwachung", []string{"uberwachung"}},
		{"Straße, ÆRØ, Łódź", []string{"strasse", "aero", "lodz"}},
		{"naïve café façade", []string{"naive", "cafe", "facade"}},
		{"ΟΔΟΣ", []string{"οδοσ"}},
		{"東京 Zürich", []string{"東京", "zurich"}},
		{"ETL-jobs don't 2018-02-06", []string{"etl", "jobs", "don", "t", "2018", "02", "06"}},
		{"see [the runbook](https://wiki.example/runbook-7) now", []string{"see", "the", "runbook", "now"}},
		{"<span class=x>bold</span> a<b", []string{"bold", "a", "b"}},
		{"[unclosed](link", []string{"unclosed", "link"}},
		{strings.Repeat("x", maxWordRunes) + " " + strings.Repeat("y", maxWordRunes+1) + " z", []string{strings.Repeat("x", maxWordRunes), "z"}},
		{"", nil},
	} {
		if got := Fold(c.text); !slices.Equal(got, c.want) {
			t.Errorf("Fold(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

func TestExcerpt(t *testing.T) {
	long := strings.Repeat("word ", 100)
	for _, c := range []struct{ md, want string }{
		{"## Heading\n\nFirst *paragraph* with a [link](https://x/y) and `code`.\n", "First paragraph with a link and code."},
		{"| a | b |\n|---|---|\n\n- one\n- [ ] two\n\n```\ncode\n```\n\n1. three\n> four", "one two three four"},
		{"<div>html</div>\nText", "Text"},
		{long, strings.TrimSpace(strings.Repeat("word ", excerptRunes/5-1)) + "…"},
		{"", ""},
	} {
		got := excerpt([]byte(c.md))
		if got != c.want {
			t.Errorf("excerpt(%q) = %q, want %q", c.md, got, c.want)
		}
		if n := utf8.RuneCountInString(got); n > excerptRunes+1 {
			t.Errorf("excerpt(%q) is %d runes long", c.md, n)
		}
	}
}

func TestNumbersRoundTrip(t *testing.T) {
	ids := []int{0, 1, 2, 31, 32, 33, 1023, 1024, 1025, 40000, 1 << 20, 1<<30 - 1}
	text := string(appendIDs(nil, ids))
	got, _, ok := decodeIDs(text, false)
	if !ok || !slices.Equal(got, ids) {
		t.Errorf("decodeIDs(appendIDs(%v)) = %v, %v", ids, got, ok)
	}
	for _, c := range text {
		if !strings.ContainsRune(digits, c) {
			t.Errorf("the encoding wrote %q, which is not one of its digits", c)
		}
	}
	if n, length := readNumber([]byte("!")); n != 0 || length != 0 {
		t.Errorf("readNumber of a character not in the encoding = %d, %d", n, length)
	}
}

// TestAppendMerged deals the postings of one term among several workers,
// as a build's workers take documents, and wants their lists merged into
// the postings of the term as one list would give them.
func TestAppendMerged(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, workers := range []int{1, 2, 3, 8} {
		var want []byte
		lists := make([][]byte, workers)
		lastAll, last := 0, make([]int, workers)
		id := 0
		for range 2000 {
			id += 1 + rng.IntN(3000)
			weight := digits[rng.IntN(maxWeight+1)]
			want = append(appendNumber(want, id-lastAll), weight)
			lastAll = id
			w := rng.IntN(workers)
			lists[w] = append(appendNumber(lists[w], id-last[w]), weight)
			last[w] = id
		}
		var some [][]byte
		room := 0
		for _, l := range lists {
			if len(l) > 0 {
				some = append(some, l)
				room += len(l)
			}
		}
		got := appendMerged([]byte("x"), some)
		if !bytes.Equal(got[1:], want) || got[0] != 'x' {
			t.Errorf("%d workers: merged postings differ from the term's", workers)
		}
		if len(got)-1 > room {
			t.Errorf("%d workers: merged postings take %d bytes, more than the %d of their lists", workers, len(got)-1, room)
		}
	}
}

func TestNumberLen(t *testing.T) {
	for _, n := range []int{0, 1, 31, 32, 33, 1023, 1024, 1025, 32767, 32768, 1<<30 - 1, 1 << 30} {
		if got, want := numberLen(n), len(appendNumber(nil, n)); got != want {
			t.Errorf("numberLen(%d) = %d, but appendNumber writes %d digits", n, got, want)
		}
	}
}

// TestPostingsAreTheirFiles checks that the cache keeps each term's
// postings once: as the stretch of its bucket's file that holds them,
// after a first build, a build that patches a few terms, and one that
// writes every term's again.
func TestPostingsAreTheirFiles(t *testing.T) {
	h := sample(t, 300)
	c := NewCache()
	for _, change := range []struct {
		name string
		make func()
	}{
		{"a first build", func() {}},
		{"a body patched", func() { h.Concerns[3].Body = body("A new body, with new words: wombat.\n") }},
		{"a document less", func() { h.Pages = nil }},
	} {
		change.make()
		New(h, testURL, bodies, c).File(ManifestFile)
		p := c.last
		kept, listed := 0, 0
		for _, terms := range p.inBucket {
			listed += len(terms)
		}
		for term, enc := range p.encoded {
			if len(enc) == 0 {
				continue
			}
			kept++
			file := p.files[bucketOf(c.terms[term], p.buckets)]
			start := uintptr(unsafe.Pointer(unsafe.SliceData(file)))
			at := uintptr(unsafe.Pointer(unsafe.SliceData(enc)))
			if at < start || at+uintptr(len(enc)) > start+uintptr(len(file)) {
				t.Errorf("%s: the postings of %q are kept apart from their bucket's file", change.name, c.terms[term])
			}
		}
		if kept != listed || kept == 0 {
			t.Errorf("%s: the postings of %d terms kept, for %d terms in the buckets", change.name, kept, listed)
		}
	}
}

// everyDocument returns every document of h, in id order.
func everyDocument(h *model.Handbook) []document {
	ds := newDocuments(h, testURL)
	docs := make([]document, ds.count())
	for id := range docs {
		docs[id] = ds.make(id)
	}
	return docs
}

func TestBucketCount(t *testing.T) {
	for _, c := range []struct{ docs, want int }{
		{0, 1}, {32, 1}, {33, 2}, {100, 4}, {13000, 512}, {10_000_000, maxBuckets},
	} {
		if got := bucketCount(c.docs); got != c.want {
			t.Errorf("bucketCount(%d) = %d, want %d", c.docs, got, c.want)
		}
	}
}

// TestCacheMakesTheSameIndex changes the handbook again and again and
// builds its index each time with what the build before left in the
// cache: the files are those of a build without it.
func TestCacheMakesTheSameIndex(t *testing.T) {
	h := sample(t, 300)
	cache := NewCache()
	New(h, testURL, bodies, cache).File(ManifestFile)
	for _, c := range []struct {
		name   string
		change func()
	}{
		{"a body", func() {
			h.Concerns[3].Body = body("A new body, with new words: wombat.\n")
		}},
		{"a body again, the word gone", func() {
			h.Concerns[3].Body = body("Nothing left.\n")
		}},
		{"a title", func() { h.Concerns[10].Title = "Retitled" }},
		{"two concerns in each other's place", func() { h.Concerns[20], h.Concerns[21] = h.Concerns[21], h.Concerns[20] }},
		{"a document less", func() { h.Pages = nil }},
		{"many titles", func() {
			for _, c := range h.Concerns[:maxPatched+1] {
				c.Title += " again"
			}
		}},
	} {
		c.change()
		warm, cold := New(h, testURL, bodies, cache), New(h, testURL, bodies, nil)
		if !slices.Equal(warm.Files(), cold.Files()) {
			t.Fatalf("%s: files %q with the cache, %q without", c.name, warm.Files(), cold.Files())
		}
		for _, f := range cold.Files() {
			if !bytes.Equal(warm.File(f), cold.File(f)) {
				t.Errorf("%s: %s differs with the cache", c.name, f)
			}
		}
		if len(cache.docs) != newDocuments(h, testURL).count() {
			t.Errorf("%s: the cache keeps %d documents, want this build's %d", c.name, len(cache.docs), newDocuments(h, testURL).count())
		}
	}
}

// TestBuildSumsEveryFile wants the manifest's build to change with any
// file of the index, the files of records made only when asked for
// included: a browser takes a file it cached under the same build.
func TestBuildSumsEveryFile(t *testing.T) {
	h := sample(t, 300)
	build := func() string {
		t.Helper()
		var m manifest
		if err := json.Unmarshal(New(h, testURL, bodies, nil).File(ManifestFile), &m); err != nil {
			t.Fatal(err)
		}
		return m.Build
	}
	first := build()
	// The start of a body is the excerpt of its record, and the word it
	// adds a term.
	h.Concerns[7].Body = body("Zebras first.\n")
	second := build()
	// A record alone: the same words, otherwise written, in the excerpt.
	h.Concerns[7].Body = body("ZEBRAS, first!\n")
	third := build()
	if first == second || second == third || first == third {
		t.Errorf("builds %s, %s and %s: want three", first, second, third)
	}
	ix := New(h, testURL, bodies, nil)
	ix.File(ManifestFile)
	for n := range ix.records {
		if sha256.Sum256(ix.File(recordsFile(n))) != ix.recordFiles.sums[n] {
			t.Errorf("%s is not the file the build sums", recordsFile(n))
		}
	}
	for _, p := range []string{Dir + recordsDir + "01.json", Dir + recordsDir + "-1.json", recordsFile(ix.records)} {
		if ix.File(p) != nil {
			t.Errorf("%s: a file the index does not have is not nil", p)
		}
	}
}

// TestFiles checks the files of the index: the names it announces are the
// names it makes, every term sits in the bucket its hash picks, every
// document's record is where its id says, and two builds are the same.
func TestFiles(t *testing.T) {
	h := sample(t, 300)
	ix := New(h, testURL, bodies, nil)
	files := readIndex(t, ix)
	m := files.manifest
	if m.Docs != newDocuments(h, testURL).count() || m.Buckets != bucketCount(m.Docs) || m.Buckets < 8 {
		t.Fatalf("manifest: %d documents in %d buckets, want %d documents and at least 8 buckets", m.Docs, m.Buckets, newDocuments(h, testURL).count())
	}
	for b := range m.Buckets {
		for term := range files.buckets[b] {
			if got := bucketOf(term, m.Buckets); got != b {
				t.Errorf("term %q is in bucket %d, but its hash picks %d", term, b, got)
			}
		}
	}
	docs := everyDocument(h)
	for id, d := range docs {
		_ = bodies.Use(d.body, func(text []byte) error {
			if rec := files.record(t, id); rec != d.result(text) {
				t.Errorf("record %d is %+v, want %+v", id, rec, d.result(text))
			}
			return nil
		})
	}
	again := New(h, testURL, bodies, nil)
	for _, f := range ix.Files() {
		if !bytes.Equal(ix.File(f), again.File(f)) {
			t.Errorf("%s differs between two builds", f)
		}
	}
	if ix.File("search/nothing.json") != nil {
		t.Error("a file the index does not have is not nil")
	}
}

func TestQueries(t *testing.T) {
	h := sample(t, 40)
	files := readIndex(t, New(h, testURL, bodies, nil))
	url := func(c *model.Concern) string { return testURL(c) }
	for _, c := range []struct {
		name, query string
		first       string   // the first result's address, when set
		has         []string // addresses among the results
		none        bool
	}{
		{name: "a word of one body", query: "quokka", first: url(h.Concerns[7])},
		{name: "folded", query: "Uberwachung", first: url(h.Concerns[3])},
		{name: "folded the other way", query: "ÜBERWACHUNG", first: url(h.Concerns[3])},
		{name: "a prefix", query: "quok", first: url(h.Concerns[7])},
		{name: "too short to be a prefix", query: "qu", none: true},
		{name: "a short word itself", query: "ui", first: url(h.Concerns[5])},
		{name: "every word", query: "quokka platypus", none: true},
		{name: "every word, both there", query: "rare title", first: url(h.Concerns[11])},
		{name: "titles first", query: "latency", first: url(h.Concerns[20])},
		{name: "a team's member", query: "Ingrid", has: []string{testURL(h.Teams[0])}},
		{name: "an action's task", query: "runbook", has: []string{testURL(h.Meetings[0]) + "#actions"}},
		{name: "a tag", query: "Überwachung", has: []string{url(h.Concerns[3])}},
		{name: "nothing", query: "zzzzzz", none: true},
	} {
		got := files.query(t, c.query)
		var urls []string
		for _, id := range got {
			urls = append(urls, files.record(t, id).URL)
		}
		switch {
		case c.none && len(got) > 0:
			t.Errorf("%s: %q found %q, want nothing", c.name, c.query, urls)
		case !c.none && len(got) == 0:
			t.Errorf("%s: %q found nothing", c.name, c.query)
		case c.first != "" && urls[0] != c.first:
			t.Errorf("%s: %q found %q first, want %s", c.name, c.query, urls, c.first)
		}
		for _, want := range c.has {
			if !slices.Contains(urls, want) {
				t.Errorf("%s: %q found %q, want %s among them", c.name, c.query, urls, want)
			}
		}
	}
}

func TestFacets(t *testing.T) {
	h := sample(t, 40)
	files := readIndex(t, New(h, testURL, bodies, nil))
	docs := everyDocument(h)
	ids := newDocIDs(h, kindsOf(h))
	for _, f := range files.manifest.Facets {
		for _, v := range f.Values {
			got := files.facet(t, f.Name, v.Value)
			if len(got) != v.Count {
				t.Errorf("%s=%s: %d documents, the manifest counts %d", f.Name, v.Value, len(got), v.Count)
			}
			for _, id := range got {
				if !selects(h, docs, ids, f.Name, v.Value, id) {
					t.Errorf("%s=%s selects %q, which it should not", f.Name, v.Value, docs[id].record.Title)
				}
			}
		}
	}
	// Every concern is in exactly one value of each single-valued facet.
	for _, name := range []string{"status", "open", "observable"} {
		seen := map[int]int{}
		for _, f := range files.manifest.Facets {
			if f.Name != name {
				continue
			}
			for _, v := range f.Values {
				for _, id := range files.facet(t, name, v.Value) {
					seen[id]++
				}
			}
		}
		for i := range h.Concerns {
			if seen[i] != 1 {
				t.Errorf("concern %d is in %d values of %s, want 1", i, seen[i], name)
			}
		}
	}
}

// selects says, from the handbook, whether a filter's value takes in the
// document id.
func selects(h *model.Handbook, docs []document, ids *docIDs, facet, value string, id int) bool {
	for c, i := range ids.concerns {
		if i != id {
			continue
		}
		switch facet {
		case "team":
			return c.Team != nil && c.Team.Slug == value
		case "status":
			return c.Status == value
		case "open":
			return h.Config.Scoring.IsOpen(c.Status) == (value == "open")
		case "tag":
			return slices.ContainsFunc(c.Tags, func(t *model.Tag) bool { return t.Slug == value })
		case "owner":
			return c.Owner == value
		case "observable":
			return observableValue(c.Observable) == value
		}
	}
	for a, i := range ids.actions {
		if i != id {
			continue
		}
		switch facet {
		case "team":
			return slices.ContainsFunc(h.Teams, func(t *model.Team) bool { return t.Slug == value && slices.Contains(t.Actions, a) })
		case "open":
			return a.Done == (value == "closed")
		case "owner":
			return a.Owner == value
		}
		return false
	}
	for tm, i := range ids.teams {
		if i == id {
			return facet == "team" && tm.Slug == value
		}
	}
	for m, i := range ids.meetings {
		if i == id {
			return facet == "team" && slices.ContainsFunc(h.Teams, func(t *model.Team) bool { return t.Slug == value && slices.Contains(t.Meetings, m) })
		}
	}
	return false
}

// index is an index read back from its files, as the browser reads it.
type index struct {
	manifest manifest
	buckets  []map[string]string
	records  map[int][]record
	facets   map[string]map[string]string
}

func readIndex(t *testing.T, ix *Index) *index {
	t.Helper()
	out := &index{records: map[int][]record{}, facets: map[string]map[string]string{}}
	read := func(path string, v any) {
		t.Helper()
		data := ix.File(path)
		if data == nil {
			t.Fatalf("%s: no such file", path)
		}
		if err := json.Unmarshal(data, v); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
	}
	read(ManifestFile, &out.manifest)
	var want []string
	want = append(want, ManifestFile)
	out.buckets = make([]map[string]string, out.manifest.Buckets)
	for b := range out.manifest.Buckets {
		read(termsFile(b), &out.buckets[b])
		want = append(want, termsFile(b))
	}
	for r := 0; r*out.manifest.RecordsPerFile < out.manifest.Docs; r++ {
		var recs []record
		read(recordsFile(r), &recs)
		out.records[r] = recs
		want = append(want, recordsFile(r))
	}
	for _, f := range out.manifest.Facets {
		values := map[string]string{}
		read(facetFile(f.Name), &values)
		out.facets[f.Name] = values
		want = append(want, facetFile(f.Name))
	}
	slices.Sort(want)
	if got := ix.Files(); !slices.Equal(got, want) {
		t.Errorf("Files() = %q, the manifest lays out %q", got, want)
	}
	return out
}

func (ix *index) record(t *testing.T, id int) record {
	t.Helper()
	n := ix.manifest.RecordsPerFile
	recs := ix.records[id/n]
	if id%n >= len(recs) {
		t.Fatalf("no record for document %d", id)
	}
	return recs[id%n]
}

func (ix *index) facet(t *testing.T, name, value string) []int {
	t.Helper()
	ids, _, ok := decodeIDs(ix.facets[name][value], false)
	if !ok {
		t.Fatalf("facet %s=%s: not in the encoding", name, value)
	}
	return ids
}

// query answers a query as search.js does: the documents with every word,
// each word matching the terms it begins when it is long enough, best
// first.
func (ix *index) query(t *testing.T, q string) []int {
	t.Helper()
	m := ix.manifest
	scores := map[int]float64{}
	for i, w := range slices.Compact(Fold(q)) {
		prefix := utf8.RuneCountInString(w) >= m.KeyRunes
		found := map[int]float64{}
		for term, postings := range ix.buckets[bucketOf(w, m.Buckets)] {
			exact := term == w
			if !exact && !(prefix && strings.HasPrefix(term, w)) {
				continue
			}
			ids, weights, ok := decodeIDs(postings, true)
			if !ok {
				t.Fatalf("term %q: postings not in the encoding", term)
			}
			factor := math.Log(1 + float64(m.Docs)/float64(len(ids)))
			if !exact {
				factor *= 0.7
			}
			for j, id := range ids {
				found[id] = max(found[id], float64(weights[j])*factor)
			}
		}
		for id := range scores {
			if _, ok := found[id]; !ok {
				delete(scores, id)
			}
		}
		for id, s := range found {
			if _, ok := scores[id]; ok || i == 0 {
				scores[id] += s
			}
		}
	}
	ids := make([]int, 0, len(scores))
	for id := range scores {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(a, b int) bool {
		if scores[ids[a]] != scores[ids[b]] {
			return scores[ids[a]] > scores[ids[b]]
		}
		return ids[a] < ids[b]
	})
	return ids
}

// decodeIDs reads a list of ids written by appendIDs, or a term's postings
// when weighted, and returns the weights too. It reports false for text
// not in the encoding.
func decodeIDs(text string, weighted bool) (ids, weights []int, ok bool) {
	prev := 0
	for rest := []byte(text); len(rest) > 0; {
		n, length := readNumber(rest)
		if length == 0 {
			return nil, nil, false
		}
		prev += n
		ids = append(ids, prev)
		rest = rest[length:]
		if weighted {
			if len(rest) == 0 || digitValue[rest[0]] < 0 {
				return nil, nil, false
			}
			weights = append(weights, int(digitValue[rest[0]]))
			rest = rest[1:]
		}
	}
	return ids, weights, true
}

func testURL(v any) string {
	switch x := v.(type) {
	case *model.Concern:
		return "/concerns/" + x.Slug + "/"
	case *model.Team:
		return "/teams/" + x.Slug + "/"
	case *model.Meeting:
		return "/meetings/" + x.Slug + "/"
	case *model.Page:
		return "/" + x.Slug + "/"
	}
	panic(fmt.Sprintf("no page for %T", v))
}

// sample makes a handbook of n concerns (n at least 21) with a few words
// placed for the tests to find: "quokka" in the body of concern 7 alone,
// "Überwachung" in concern 3's body and as its tag, "UI" in concern 5's,
// "latency" in concern 20's title and many times in the bodies of the
// concerns before it, "rare" and "title" in concern 11's title.
func sample(t *testing.T, n int) *model.Handbook {
	t.Helper()
	scoring := model.DefaultScoring()
	h := &model.Handbook{
		Config: model.Config{Title: "Sample", Scoring: scoring},
		Today:  time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC),
	}
	for i := range 3 {
		h.Teams = append(h.Teams, &model.Team{Slug: "team-" + strconv.Itoa(i), Title: "Team " + strconv.Itoa(i), Members: []string{[]string{"Ingrid Olsen", "Bo Li", "Ana Ruiz"}[i]}})
	}
	h.Tags = []*model.Tag{{Name: "Überwachung", Slug: "überwachung"}, {Name: "alerting", Slug: "alerting"}}
	statuses := scoring.Statuses()
	for i := range n {
		c := &model.Concern{
			Slug: "concern-" + strconv.Itoa(i), Title: "Concern number " + strconv.Itoa(i),
			Team: h.Teams[i%3], Status: statuses[i%len(statuses)], Rank: i + 1,
			Observable: model.Observabilities[i%4], Owner: []string{"", "Ana Ruiz", "Bo Li"}[i%3],
		}
		text := "Some words about the system and its monitoring, number " + strconv.Itoa(i) + ".\n"
		switch {
		case i == 3:
			text += "Die Überwachung fehlt.\n"
			c.Tags = []*model.Tag{h.Tags[0]}
		case i == 5:
			text += "The UI is slow.\n"
		case i == 7:
			text += "A quokka ate the cables.\n"
		case i == 11:
			c.Title = "A rare title"
		case i == 20:
			c.Title = "Latency of the thing"
		case i < 20:
			text += strings.Repeat("latency ", 30)
			c.Tags = []*model.Tag{h.Tags[1]}
		}
		c.Body = body(text)
		h.Concerns = append(h.Concerns, c)
		c.Team.Concerns = append(c.Team.Concerns, c)
		for _, tag := range c.Tags {
			tag.Concerns = append(tag.Concerns, c)
		}
	}
	for i := range 3 {
		m := &model.Meeting{Slug: "m" + strconv.Itoa(i), Title: "Meeting " + strconv.Itoa(i), Date: time.Date(2019, time.Month(i+1), 1, 0, 0, 0, 0, time.UTC),
			Attendees: []model.Attendee{{Name: h.Teams[i].Title, Team: h.Teams[i], IsTeam: true}}, Concerns: h.Concerns[:2]}
		a := &model.Action{Task: "Write the runbook " + strconv.Itoa(i), Owner: "Bo Li", Done: i == 0, Meeting: m, Concern: h.Concerns[i], OwnerTeam: h.Teams[1]}
		m.Actions = []*model.Action{a}
		h.Meetings = append(h.Meetings, m)
		h.Actions = append(h.Actions, a)
		h.Teams[i].Meetings = append(h.Teams[i].Meetings, m)
		h.Teams[1].Actions = append(h.Teams[1].Actions, a)
	}
	h.Pages = []*model.Page{{Slug: "about", Title: "About", Description: "What this is.", Body: body("About the council.\n")}}
	return h
}

// testBodies keeps the sample's bodies by the sum of their text, as a
// loaded site keeps its own.
type testBodies struct{ bySum sync.Map }

func (b *testBodies) Use(m model.Markdown, use func([]byte) error) error {
	text, _ := b.bySum.Load(m.Sum)
	s, _ := text.(string)
	return use([]byte(s))
}

var (
	bodies   = new(testBodies)
	bodySeed = maphash.MakeSeed()
)

// body returns a body with text, kept in bodies.
func body(text string) model.Markdown {
	sum := maphash.String(bodySeed, text)
	bodies.bySum.Store(sum, text)
	return model.Markdown{Len: len(text), Sum: sum}
}

// TestRecordJSON wants a record written as encoding/json writes it.
func TestRecordJSON(t *testing.T) {
	for _, s := range []string{
		"", "plain", `quote " and \ back`, "<script>&amp;</script>", "tab\tline\nreturn\r",
		"\b\f\x00\x01\x1f\x7f", "é ü 日本 🙂", "\u2028\u2029", "bad \xff\xfe utf-8 \xe2\x82", "\xed\xa0\x80",
	} {
		checkRecordJSON(t, record{Title: s, URL: "/x?a=" + s, Kind: "concern", Meta: s, Excerpt: s})
	}
	checkRecordJSON(t, record{Title: "t", URL: "/u/", Kind: "page"}) // meta and excerpt left out
}

// FuzzRecordJSON wants any record written as encoding/json writes it.
func FuzzRecordJSON(f *testing.F) {
	f.Add("a", "<b>", "\xff")
	f.Fuzz(func(t *testing.T, title, meta, excerpt string) {
		checkRecordJSON(t, record{Title: title, URL: title + meta, Kind: excerpt, Meta: meta, Excerpt: excerpt})
	})
}

func checkRecordJSON(t *testing.T, r record) {
	t.Helper()
	want, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	if got := r.appendJSON([]byte("before")); string(got) != "before"+string(want) {
		t.Errorf("%+v:\n got %s\nwant before%s", r, got, want)
	}
}
