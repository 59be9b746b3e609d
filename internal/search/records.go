package search

import (
	"bytes"
	"crypto/sha256"
	"hash"
	"io"
)

// recordFiles are the index's files of records, a file for every
// recordsPerFile documents. Each is made when the site asks for it rather
// than with the rest of the index, which would hold them all at once: on
// the tags shape's 40,000 documents, 13 MB at the build's peak. The index
// sums each as it reads the documents, for the manifest's build.
type recordFiles struct {
	sums [][sha256.Size]byte // by file
	// record returns the record of the document at id, as JSON.
	record func(id int) []byte
	count  int // documents
}

// file returns the file of records n: a JSON list of its documents'.
func (r *recordFiles) file(n int) []byte {
	records := make([][]byte, 0, recordsPerFile)
	for id := n * recordsPerFile; id < min(r.count, (n+1)*recordsPerFile); id++ {
		records = append(records, r.record(id))
	}
	return recordsJSON(records)
}

// recordsJSON writes a file of records: a JSON list of them.
func recordsJSON(records [][]byte) []byte {
	size := 2
	for _, r := range records {
		size += len(r) + 1
	}
	b := bytes.NewBuffer(make([]byte, 0, size))
	writeRecords(b, records)
	return b.Bytes()
}

// sumRecords returns the sum of the file of records, without making it:
// h, reset, sums it.
func sumRecords(h hash.Hash, records [][]byte) (sum [sha256.Size]byte) {
	h.Reset()
	writeRecords(h, records)
	h.Sum(sum[:0])
	return sum
}

// writeRecords writes a JSON list of records to w, which takes every
// write.
func writeRecords(w io.Writer, records [][]byte) {
	_, _ = w.Write([]byte{'['})
	for i, r := range records {
		if i > 0 {
			_, _ = w.Write([]byte{','})
		}
		_, _ = w.Write(r)
	}
	_, _ = w.Write([]byte{']'})
}
