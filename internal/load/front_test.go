package load

import "testing"

// TestFrontBlockIsWhatIsHashed wants FrontBlock to cut out exactly the
// block a parsed document's FrontHash is of, however the file is written.
func TestFrontBlockIsWhatIsHashed(t *testing.T) {
	for _, in := range []string{
		"---\ntitle: A\n---\nbody\n",
		"\n\n---\ntitle: A\n---\nbody\n",
		"\ufeff---\ntitle: A\n---\n",
		"---\r\ntitle: A\r\n---\r\nbody\r\n",
		"---\n---\n",
		" --- \ntitle: A\n  ---  \nbody",
		"---\ntitle: A\n---",
	} {
		doc, err := parseDocument("x.md", []byte(in), nil)
		if err != nil {
			t.Fatalf("%q: %v", in, err)
		}
		front, ok := FrontBlock([]byte(in))
		if !ok || FrontHash(front) != doc.FrontHash {
			t.Errorf("%q: FrontBlock gives %q (ok %v), not the block the document's hash is of", in, front, ok)
		}
	}
	for _, in := range []string{"title: A\n", "---\ntitle: A\n", ""} {
		if front, ok := FrontBlock([]byte(in)); ok {
			t.Errorf("%q: FrontBlock found %q", in, front)
		}
	}
}
