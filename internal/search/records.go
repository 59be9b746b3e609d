package search

import (
	"crypto/sha256"

	"github.com/reliability-council/handbook/internal/jsonquote"
)

// recordFiles are the index's files of records, a file for every
// recordsPerFile documents. Each is made when the site asks for it rather
// than with the rest of the index, which would hold them all at once: on
// the tags shape's 40,000 documents, 13 MB at the build's peak. The index
// sums each as it reads the documents, for the manifest's build.
type recordFiles struct {
	sums  [][sha256.Size]byte // by file
	sizes []int               // by file, in bytes
	count int                 // documents
	// appendRecord appends the record of the document at id, as JSON.
	appendRecord func(dst []byte, id int) []byte
}

// file returns the file of records n.
func (r *recordFiles) file(n int) []byte {
	return appendRecordsFile(make([]byte, 0, r.sizes[n]), n, r.count, r.appendRecord)
}

// appendRecordsFile appends file n of the records of count documents: a
// JSON list of its documents', each appended by appendRecord.
func appendRecordsFile(dst []byte, n, count int, appendRecord func(dst []byte, id int) []byte) []byte {
	dst = append(dst, '[')
	first := n * recordsPerFile
	for id := first; id < min(count, first+recordsPerFile); id++ {
		if id > first {
			dst = append(dst, ',')
		}
		dst = appendRecord(dst, id)
	}
	return append(dst, ']')
}

// appendJSON appends r as encoding/json writes it: with the names its
// tags give, meta and excerpt left out when empty. By hand, since a
// build writes forty thousand, and each of them twice: once to sum its
// file, once to publish it.
func (r record) appendJSON(dst []byte) []byte {
	dst = append(dst, `{"title":`...)
	dst = jsonquote.AppendHTMLSafe(dst, r.Title)
	dst = append(dst, `,"url":`...)
	dst = jsonquote.AppendHTMLSafe(dst, r.URL)
	dst = append(dst, `,"kind":`...)
	dst = jsonquote.AppendHTMLSafe(dst, r.Kind)
	if r.Meta != "" {
		dst = append(dst, `,"meta":`...)
		dst = jsonquote.AppendHTMLSafe(dst, r.Meta)
	}
	if r.Excerpt != "" {
		dst = append(dst, `,"excerpt":`...)
		dst = jsonquote.AppendHTMLSafe(dst, r.Excerpt)
	}
	return append(dst, '}')
}
