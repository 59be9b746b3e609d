package load

import (
	"reflect"
	"strings"
	"testing"
)

func TestEntries(t *testing.T) {
	tests := []struct {
		name  string
		front string
		keys  []string // nil when the split must refuse the block
	}{
		{"plain", "title: A\nstatus: done\n", []string{"title", "status"}},
		{"lists", "tags: [a, b]\nsignals:\n  - one\n  - two\nblockers:\n- x\n- y\n", []string{"tags", "signals", "blockers"}},
		{"block text", "note: |\n  one\n\n  two\nvalue: High\n", []string{"note", "value"}},
		{"plain text over lines", "title: a long\n  title\nteam: data\n", []string{"title", "team"}},
		{"CRLF", "title: A\r\nvalue: Low\r\n", []string{"title", "value"}},
		{"blank lines first", "\n\ntitle: A\n", []string{"title"}},
		{"empty", "", []string{}},
		{"quoted on one line", "title: \"A: b\"\nrisk: 'it''s fine'\n", []string{"title", "risk"}},
		{"quoted over lines", "title: \"a\n  b\"\n", nil},
		{"flow list over lines", "tags: [a,\n  b]\n", nil},
		{"comment line", "# scored in March\ntitle: A\n", nil},
		{"anchor", "value: &v High\neffort: *v\n", nil},
		{"quoted key", "\"title\": A\n", nil},
		{"tab", "title: A\n\tteam: x\n", nil},
		{"list", "- a\n- b\n", nil},
		{"flow mapping", "{title: A}\n", nil},
		{"no space after colon", "title:A\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			entries, ok := Entries([]byte(tt.front))
			if ok != (tt.keys != nil) {
				t.Fatalf("ok = %v, want %v (%q)", ok, tt.keys != nil, entries)
			}
			if !ok {
				return
			}
			keys := []string{}
			var joined strings.Builder
			for _, e := range entries {
				keys = append(keys, e.Key)
				joined.Write(e.Text)
			}
			if !reflect.DeepEqual(keys, tt.keys) {
				t.Errorf("keys %q, want %q", keys, tt.keys)
			}
			if strings.TrimLeft(tt.front, "\n") != joined.String() {
				t.Errorf("entries %q do not make up the block", entries)
			}
		})
	}
}

// FuzzEntries checks what the split promises: when it accepts a block and
// each entry parses on its own to one field, the block parses to the same
// fields.
func FuzzEntries(f *testing.F) {
	for _, s := range []string{
		"title: A\nstatus: done\n",
		"tags: [a, b]\nsignals:\n  - one\n  - two\nblockers:\n- x\n- y\n",
		"note: |\n  one\n\n  two\nvalue: High\n",
		"title: a long\n  title\nteam: data\n",
		"title: \"A: b\"\nrisk: 'it''s fine'\n",
		"title: \"a\\\"\nteam: b\"\n",
		"note: >-\n  folded\n  text\n\nnext: 1\n",
		"title: x # a comment\nvalue: Low, because\n",
		"a:\n  b: c\n  d: [e]\nf: null\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, front string) {
		entries, ok := Entries([]byte(front))
		if !ok {
			return
		}
		var pairs []Node
		for _, e := range entries {
			n, err := ParseFront("x.md", e.Text, 0)
			if err != nil || n.Kind != MappingNode || len(n.Content) != 2 || n.Content[0].Value != e.Key {
				return // the caller parses the block whole
			}
			pairs = append(pairs, n.Content...)
		}
		whole, err := ParseFront("x.md", []byte(front), 0)
		if err != nil {
			t.Fatalf("every entry parses, but the block does not: %v", err)
		}
		if !sameNodes(whole.Content, pairs) {
			t.Fatalf("block %q parses to %+v, its entries to %+v", front, whole.Content, pairs)
		}
	})
}

// sameNodes compares trees, leaving out their lines.
func sameNodes(a, b []Node) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if x.Kind != y.Kind || x.Value != y.Value || x.Null != y.Null || !sameNodes(x.Content, y.Content) {
			return false
		}
	}
	return true
}
