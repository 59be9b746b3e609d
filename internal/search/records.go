package search

import (
	"crypto/sha256"
	"unicode/utf8"
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
// build writes forty thousand and reads each file again to publish it.
func (r record) appendJSON(dst []byte) []byte {
	dst = append(dst, `{"title":`...)
	dst = appendJSONString(dst, r.Title)
	dst = append(dst, `,"url":`...)
	dst = appendJSONString(dst, r.URL)
	dst = append(dst, `,"kind":`...)
	dst = appendJSONString(dst, r.Kind)
	if r.Meta != "" {
		dst = append(dst, `,"meta":`...)
		dst = appendJSONString(dst, r.Meta)
	}
	if r.Excerpt != "" {
		dst = append(dst, `,"excerpt":`...)
		dst = appendJSONString(dst, r.Excerpt)
	}
	return append(dst, '}')
}

// appendJSONString appends s as encoding/json writes a string: quotes,
// backslashes and control characters escaped, <, > and & too, as for
// HTML, invalid UTF-8 as U+FFFD, and U+2028 and U+2029, which end a line
// in JavaScript, escaped.
func appendJSONString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '"', '\\':
				dst = append(dst, '\\', c)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[r&0xf])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
