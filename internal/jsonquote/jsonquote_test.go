package jsonquote

import (
	"bytes"
	"encoding/json"
	"testing"
)

// TestAsEncodingJSON wants every string written as encoding/json writes
// it, either way.
func TestAsEncodingJSON(t *testing.T) {
	for _, s := range []string{
		"", "plain", `quote " and \ back`, "<script>&amp;</script>", "tab\tline\nreturn\r",
		"\b\f\x00\x01\x1f\x7f", "é ü 日本 🙂", "\u2028\u2029", "bad \xff\xfe utf-8 \xe2\x82", "\xed\xa0\x80",
	} {
		check(t, s)
	}
}

// FuzzAsEncodingJSON wants any string written as encoding/json writes it.
func FuzzAsEncodingJSON(f *testing.F) {
	f.Add("<a href=\"x\">\u2028\xff</a>")
	f.Fuzz(check)
}

func check(t *testing.T, s string) {
	t.Helper()
	for _, c := range []struct {
		escapeHTML bool
		append     func([]byte, string) []byte
	}{{false, Append}, {true, AppendHTMLSafe}} {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(c.escapeHTML)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		if got := c.append([]byte("before"), s); string(got) != "before"+string(bytes.TrimSuffix(want.Bytes(), []byte("\n"))) {
			t.Errorf("%q, HTML escaped %v: got %s, want %s", s, c.escapeHTML, got, want.Bytes())
		}
	}
}
