package load

import (
	"bytes"
	"strings"
	"testing"

	"github.com/adrg/frontmatter"
)

func TestParseDocumentLines(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		line     int // of the opening ---
		bodyLine int
		titleAt  int // the line the title key is on
		err      string
	}{
		{name: "plain", in: "---\ntitle: A\n---\nbody\n", line: 1, bodyLine: 4, titleAt: 2},
		{name: "blank lines first", in: "\n\n---\ntitle: A\n---\nbody\n", line: 3, bodyLine: 6, titleAt: 4},
		{name: "byte-order mark", in: "\ufeff---\ntitle: A\n---\n", line: 1, bodyLine: 4, titleAt: 2},
		{name: "CRLF", in: "---\r\ntitle: A\r\n---\r\nbody\r\n", line: 1, bodyLine: 4, titleAt: 2},
		{name: "empty block", in: "---\n---\n", line: 1, bodyLine: 3},
		{name: "missing", in: "title: A\n", err: "x.md:1: missing frontmatter"},
		{name: "empty file", in: "", err: "x.md:1: the file is empty (write its frontmatter"},
		{name: "blank file", in: "\n \n", err: "x.md:1: the file is empty"},
		{name: "never closed", in: "\n---\ntitle: A\n", err: "x.md:2: frontmatter is never closed"},
		{name: "yaml error at its file line", in: "---\ntitle: A\nb: c: d\n---\n", err: "x.md:3: YAML syntax: mapping values are not allowed in this context"},
		{name: "yaml error on the first line", in: "---\ntitle: Data: the team\n---\n", err: "x.md:2: YAML syntax: mapping values are not allowed in this context"},
		{name: "tab", in: "---\ntitle: A\n\tteam: x\n---\n", err: "(indent with spaces, not tabs)"},
		{name: "tab before the first field", in: "---\n\ttitle: A\n---\n", err: "x.md:2: YAML syntax: found character that cannot start any token (indent with spaces, not tabs)"},
		{name: "tab before an item", in: "---\ntitle: A\nsignals:\n\t- lag\n---\n", err: "x.md:4: YAML syntax: found character that cannot start any token (indent with spaces, not tabs)"},
		{name: "tab after the colon", in: "---\ntitle:\tA\nvalue: @x\n---\n", err: "x.md:3: YAML syntax: found character that cannot start any token (a value cannot start with @ unless it is quoted: value: \"@x\")"},
		{name: "double quote never closed", in: "---\ntitle: \"ETL\nvalue: High\nrisk: Low\n---\n", err: "x.md:2: YAML syntax: the quote that opens this value is never closed (end the value with the same quote, or leave the quotes out)"},
		{name: "single quote never closed", in: "---\ntitle: A\nvalue: 'High\nrisk: Low\n---\n", err: "x.md:3: YAML syntax: the quote that opens this value is never closed"},
		{name: "quotes closed, then more", in: "---\ntitle: \"ETL\" checks\n---\n", err: "x.md:2: YAML syntax: did not find expected key (the quotes end before the value does: quote the whole value, title: '\"ETL\" checks')"},
		{name: "a value starting with a comma", in: "---\ntitle: A\nvalue: , first estimate\n---\n", err: "x.md:3: YAML syntax: did not find expected node content (a value cannot start with , unless it is quoted: value: \", first estimate\")"},
		{name: "a field indented under another", in: "---\ntitle: A\nvalue: High\n  risk: Low\n---\n", err: "x.md:4: YAML syntax: mapping values are not allowed in this context (this line is indented under the one above it: start it where the field above starts)"},
		{name: "not UTF-8", in: "---\ntitle: \xff\n---\n", err: "x.md:2: file is not UTF-8 text, first on this line (save it as UTF-8)"},
		{name: "UTF-16", in: "\xff\xfe-\x00-\x00-\x00", err: "x.md:1: file is not UTF-8 text"},
		{name: "NUL byte", in: "---\ntitle: a\nteam: b\x00\n---\n", err: "x.md:3: file is not UTF-8 text"},
		{name: "old Mac line endings", in: "---\rtitle: A\r---\r", err: "x.md:1: the file's lines end with CR alone, as on old Macs, so it reads as one line (save it with LF or CR LF line endings)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := parseDocument("x.md", []byte(tt.in), nil)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if doc.Line != tt.line || doc.Body.Line != tt.bodyLine {
				t.Errorf("opening line %d, body line %d; want %d, %d", doc.Line, doc.Body.Line, tt.line, tt.bodyLine)
			}
			if tt.titleAt > 0 && (len(doc.Front.Content()) < 1 || doc.Front.Content()[0].Line() != tt.titleAt) {
				t.Errorf("title key not at line %d: %+v", tt.titleAt, doc.Front.Content())
			}
		})
	}
}

func TestParseDocumentTooBig(t *testing.T) {
	_, err := parseDocument("big.md", make([]byte, MaxFileSize+1), nil)
	if err == nil || !strings.Contains(err.Error(), "more than the") {
		t.Fatalf("error %v", err)
	}
}

// FuzzParseDocument checks that no file makes the loader panic or hang, and
// that every error it reports is placed in the file.
func FuzzParseDocument(f *testing.F) {
	for _, seed := range []string{
		"---\ntitle: A\n---\nbody", "---\n---\n", "", "---", "\ufeff---\r\na: [1, 2\r\n---\r\n",
		"---\na: &x [*x]\n---\n", "---\n- list\n---\n", "---\na: b: c\n---\n", "---\n\ta: 1\n---\n",
		"---\n" + strings.Repeat("a:\n  ", 50) + "b\n---\n", "---\na: !!binary AAAA\n---\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := parseDocument("f.md", data, nil)
		if err != nil {
			if err.File != "f.md" || err.Line < 0 {
				t.Fatalf("misplaced error %v", err)
			}
			return
		}
		if doc.Front == nil || doc.Line < 1 || doc.Body.Line < doc.Line {
			t.Fatalf("bad document %+v", doc)
		}
		// The body is what frontmatter finds after the block when it reads
		// the whole file, though it is given only the file's head.
		whole := frontmatter.NewFormat("---", "---", func([]byte, any) error { return nil })
		want, ferr := frontmatter.MustParse(bytes.NewReader(bytes.TrimPrefix(data, byteOrderMark)), nil, whole)
		if ferr != nil || !bytes.Equal(doc.text, want) {
			t.Fatalf("body %q, frontmatter on the whole file: %q, %v", doc.text, want, ferr)
		}
	})
}
