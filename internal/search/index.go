// Package search builds the handbook's search index: files a browser
// fetches a few at a time to search the whole handbook with no server,
// made by handbook itself when it builds the site.
//
// The index is split so that a search loads little of it (after Pagefind's
// design): a small manifest; the terms, hashed by their first few letters
// into buckets, each bucket a file of terms and the documents each term is
// found in, with a weight; the records that results show, a file for every
// few documents; and for each filter, a file of the documents each of its
// values selects. A query loads the manifest, one bucket per word, the
// records of the results it shows, and a filter's file once it is used.
// docs/search.md describes the files.
package search

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/reliability-council/handbook/internal/model"
)

// Where the index is published, below the site's root.
const (
	// Dir is the folder of the index.
	Dir = "search/"
	// ManifestFile is the file a search starts from; every other file is
	// named relative to it.
	ManifestFile = Dir + "manifest.json"
	termsDir     = "terms/"
	recordsDir   = "records/"
	facetsDir    = "facets/"
)

// Layout constants, each written into the manifest for the browser.
const (
	// formatVersion changes whenever the browser's script must change with
	// the files.
	formatVersion = 1
	// keyRunes is how many letters of a term choose its bucket: a word of
	// at least that many letters matches every term it begins, all found in
	// its bucket; a shorter word matches only itself.
	keyRunes = 3
	// recordsPerFile is how many documents' records share a file: few
	// enough that the ten results a search shows first cost little even
	// when each is in a file of its own.
	recordsPerFile = 16
	// docsPerBucket sets the number of buckets: one for about this many
	// documents, so that a bucket stays a few kilobytes at any size.
	docsPerBucket = 32
	maxBuckets    = 4096
)

// Index is the search index of one handbook. Its file names are known
// from the handbook's size alone; the files are made together, once, when
// the first is asked for. Its methods are safe to call from several
// goroutines.
type Index struct {
	h       *model.Handbook
	docs    documents
	bodies  Bodies
	buckets int
	records int // record files

	cache *Cache // nil: one made for make alone, let go with what it holds once the files are made

	facets func() []Filter // worked out once, for the search page and the index's files

	once        sync.Once
	files       map[string][]byte // but the records'
	recordFiles recordFiles
}

// New returns the index of h, not yet made. url returns the address of
// anything that has a page, as links on the site write it; bodies gives
// the text of their bodies. With a cache,
// the index takes from it what the last build with it worked out for each
// document that has not changed, and leaves its own there; cache may be
// nil.
func New(h *model.Handbook, url func(any) string, bodies Bodies, cache *Cache) *Index {
	docs := newDocuments(h, url)
	n := docs.count()
	return &Index{h: h, docs: docs, bodies: bodies, cache: cache, buckets: bucketCount(n), records: recordFileCount(n),
		facets: sync.OnceValue(func() []Filter { return facetsOf(h) })}
}

// recordFileCount returns the number of record files for n documents.
func recordFileCount(n int) int { return (n + recordsPerFile - 1) / recordsPerFile }

// bucketCount returns the number of buckets for n documents: a power of
// two, so that the browser's hash picks one with a mask.
func bucketCount(n int) int {
	b := 1
	for b*docsPerBucket < n && b < maxBuckets {
		b *= 2
	}
	return b
}

// Files returns the path of every file of the index, below the site's
// root, sorted.
func (ix *Index) Files() []string {
	files := []string{ManifestFile}
	for b := range ix.buckets {
		files = append(files, termsFile(b))
	}
	for r := range ix.records {
		files = append(files, recordsFile(r))
	}
	for _, f := range facets {
		files = append(files, facetFile(f.name))
	}
	slices.Sort(files)
	return files
}

// File returns the file at path, one of Files, making the index the first
// time; nil for any other path. A file of records is made anew each time.
func (ix *Index) File(path string) []byte {
	ix.once.Do(func() { ix.files, ix.recordFiles = ix.make() })
	if n, ok := ix.recordsFileNumber(path); ok {
		return ix.recordFiles.file(n)
	}
	return ix.files[path]
}

// recordsFileNumber returns the number of the file of records at path.
func (ix *Index) recordsFileNumber(path string) (int, bool) {
	name, ok := strings.CutPrefix(path, Dir+recordsDir)
	if !ok {
		return 0, false
	}
	name, ok = strings.CutSuffix(name, ".json")
	n, err := strconv.Atoi(name)
	if !ok || err != nil || n < 0 || n >= ix.records || recordsFile(n) != path {
		return 0, false
	}
	return n, true
}

func termsFile(bucket int) string { return Dir + termsDir + strconv.Itoa(bucket) + ".json" }
func recordsFile(n int) string    { return Dir + recordsDir + strconv.Itoa(n) + ".json" }
func facetFile(name string) string {
	return Dir + facetsDir + name + ".json"
}

// manifest is the index's first file: how the rest is laid out, and what
// the filters offer.
type manifest struct {
	Version int `json:"version"`
	// Build identifies the rest of the files: the browser asks for each
	// with ?v=Build, so that a cached file of another build is never used.
	Build          string            `json:"build"`
	Docs           int               `json:"docs"`
	KeyRunes       int               `json:"keyRunes"`
	MaxWordRunes   int               `json:"maxWordRunes"` // longer words are not in the index
	Buckets        int               `json:"buckets"`
	RecordsPerFile int               `json:"recordsPerFile"`
	Fold           map[string]string `json:"fold"`
	Kinds          []kind            `json:"kinds"`
	Facets         []Filter          `json:"facets"`
	// OpenStatuses are the statuses of concerns still to be dealt with,
	// for the open filter of tables, which know a row's status.
	OpenStatuses []string `json:"openStatuses"`
}

// make makes every file of the index but the files of records, which it
// sums.
func (ix *Index) make() (map[string][]byte, recordFiles) {
	files := make(map[string][]byte, len(ix.Files()))
	cache := ix.cache
	if cache == nil {
		cache = oneBuildCache()
	}
	records, terms := cache.index(ix.docs, ix.bodies, ix.buckets)
	for b, data := range terms {
		files[termsFile(b)] = data
	}
	values := ix.facets()
	for i, f := range facets {
		ids := map[string]string{}
		for _, v := range values[i].Values {
			ids[v.Value] = string(appendIDs(nil, v.ids))
		}
		files[facetFile(f.name)] = mustJSON(ids)
	}

	// The build is the sum of every file's path and sum.
	sum := sha256.New()
	for _, p := range ix.Files() {
		if p == ManifestFile {
			continue
		}
		var fileSum [sha256.Size]byte
		if n, ok := ix.recordsFileNumber(p); ok {
			fileSum = records.sums[n]
		} else {
			fileSum = sha256.Sum256(files[p])
		}
		_, _ = sum.Write([]byte(p))
		_, _ = sum.Write(fileSum[:])
	}
	fold := make(map[string]string, len(foldLetters))
	for r, s := range foldLetters {
		fold[string(r)] = s
	}
	files[ManifestFile] = mustJSON(manifest{
		Version: formatVersion, Build: hex.EncodeToString(sum.Sum(nil)[:8]),
		Docs: ix.docs.count(), KeyRunes: keyRunes, MaxWordRunes: maxWordRunes, Buckets: ix.buckets, RecordsPerFile: recordsPerFile,
		Fold: fold, Kinds: kindsOf(ix.h), Facets: values, OpenStatuses: ix.h.Config.Scoring.Open,
	})
	return files, records
}

// mustJSON encodes v, made of strings, numbers and slices that always
// encode.
func mustJSON(v any) []byte {
	data, err := json.Marshal(v)
	if err != nil {
		panic("search: " + err.Error())
	}
	return data
}
