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
			entries, ok := AppendEntries(nil, []byte(tt.front))
			if ok != (tt.keys != nil) {
				t.Fatalf("ok = %v, want %v (%q)", ok, tt.keys != nil, entries)
			}
			if !ok {
				return
			}
			keys := []string{}
			var joined strings.Builder
			for _, e := range entries {
				keys = append(keys, string(e.Key))
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
		entries, ok := AppendEntries([]Entry{{Key: []byte("x")}}, []byte(front))
		entries = entries[1:]
		if !ok {
			return
		}
		var pairs []Node
		for _, e := range entries {
			n, err := ParseFront("x.md", e.Text, 0)
			if err != nil || n.Kind != MappingNode || len(n.Content()) != 2 || n.Content()[0].Value() != string(e.Key) {
				return // the caller parses the block whole
			}
			pairs = append(pairs, n.Content()...)
		}
		whole, err := ParseFront("x.md", []byte(front), 0)
		if err != nil {
			t.Fatalf("every entry parses, but the block does not: %v", err)
		}
		if !sameNodes(whole.Content(), pairs) {
			t.Fatalf("block %q parses to %+v, its entries to %+v", front, whole.Content(), pairs)
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
		if x.Kind != y.Kind || x.Value() != y.Value() || x.Null != y.Null || !sameNodes(x.Content(), y.Content()) {
			return false
		}
	}
	return true
}

func TestAppendItems(t *testing.T) {
	tests := []struct {
		name  string
		entry string
		items []string // nil when the split must refuse the entry
	}{
		{"list of mappings", "actions:\n  - task: A\n    done: false\n  - task: B\n", []string{"  - task: A\n    done: false\n", "  - task: B\n"}},
		{"not indented", "tags:\n- a\n- b\n", []string{"- a\n", "- b\n"}},
		{"nested list", "a:\n  - - x\n    - y\n  - z\n", []string{"  - - x\n    - y\n", "  - z\n"}},
		{"blank line inside", "a:\n  - x\n\n  - y\n", []string{"  - x\n\n", "  - y\n"}},
		{"value on the key's line", "a: [x, y]\n", nil},
		{"block text", "note: |\n  - not a list\n", nil},
		{"anchor", "a: &x\n  - y\n", nil},
		{"mapping", "a:\n  b: c\n", nil},
		{"comment inside", "a:\n  - x\n  # c\n  - y\n", nil},
		{"uneven dashes", "a:\n  - x\n - y\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items, ok := AppendItems(nil, Entry{Text: []byte(tt.entry)})
			if ok != (tt.items != nil) {
				t.Fatalf("ok = %v, want %v (%q)", ok, tt.items != nil, items)
			}
			var got []string
			for _, it := range items {
				got = append(got, string(it.Text))
			}
			if ok && !reflect.DeepEqual(got, tt.items) {
				t.Errorf("items %q, want %q", got, tt.items)
			}
		})
	}
}

// FuzzAppendItems checks what the split promises: when it accepts an entry
// and each item parses on its own to a list of one, the entry parses to a
// list of those items.
func FuzzAppendItems(f *testing.F) {
	for _, s := range []string{
		"actions:\n  - task: A\n    done: false\n  - task: B\n    concern: x\n",
		"tags:\n- a\n- b\n",
		"a:\n  - - x\n    - y\n  - z\n",
		"a:\n  - \"x\n  - y\"\n",
		"a:\n  - |\n    text\n  - b\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, entry string) {
		items, ok := AppendItems(nil, Entry{Text: []byte(entry)})
		if !ok {
			return
		}
		var nodes []Node
		for _, it := range items {
			n, err := ParseFront("x.md", it.Text, 0)
			if err != nil || n.Kind != SequenceNode || len(n.Content()) != 1 {
				return // the caller parses the entry whole
			}
			nodes = append(nodes, n.Content()[0])
		}
		whole, err := ParseFront("x.md", []byte(entry), 0)
		if err != nil {
			t.Fatalf("every item parses, but the entry does not: %v", err)
		}
		if len(whole.Content()) != 2 || whole.Content()[1].Kind != SequenceNode || !sameNodes(whole.Content()[1].Content(), nodes) {
			t.Fatalf("entry %q parses to %+v, its items to %+v", entry, whole.Content(), nodes)
		}
	})
}

// FuzzParseEntry wants an entry read without the YAML parser to read as
// the parser reads it.
func FuzzParseEntry(f *testing.F) {
	for _, s := range []string{
		"status: done\n", "value: Low-Medium, a spike would tell us more\n", "title: Zürich's DNS (EU) 2.5%\n",
		"team: null\n", "null: x\n", "effort: 1.5\r\n", "title: a # b\n", "title: a: b\n", "owner: Ann  \n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		entries, ok := AppendEntries(nil, []byte(text))
		if !ok || len(entries) != 1 {
			return
		}
		e := entries[0]
		if _, plain := plainValue(e); !plain {
			return
		}
		key, value, ok := ParseEntry("x.md", e, 0)
		n, err := ParseFront("x.md", e.Text, 0)
		if err != nil || !ok {
			t.Fatalf("%q: read without the parser (ok %v), but the parser says %v", text, ok, err)
		}
		if !sameNodes(n.Content(), []Node{key, value}) || n.Content()[0].Line() != key.Line() || n.Content()[1].Line() != value.Line() {
			t.Fatalf("%q: read as %+v %+v, parsed as %+v", text, key, value, n.Content())
		}
	})
}

// FuzzParseItem wants an item read field by field to read as the YAML
// parser reads it.
func FuzzParseItem(f *testing.F) {
	for _, s := range []string{
		"  - task: Draft the runbook\n    owner: Ann Lee\n    due: 2024-01-02\n    done: true\n    concern: etl\n",
		"- task: A\n  done: no\n",
		"  -   task: A\n      done: 2020-01-01\n",
		"  - task: A\n   done: x\n",
		"  - task: A\n    more: B\n     C\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		fields, ok := itemFields([]byte(text))
		if !ok {
			return
		}
		entries, ok := AppendEntries(nil, fields)
		if !ok || len(entries) == 0 {
			return
		}
		for _, e := range entries {
			if _, plain := plainValue(e); !plain {
				return
			}
		}
		item, ok := ParseItem("x.md", Entry{Text: []byte(text)}, 0)
		n, err := ParseFront("x.md", []byte(text), 0)
		if err != nil || !ok || n.Kind != SequenceNode || len(n.Content()) != 1 {
			t.Fatalf("%q: read field by field (ok %v), but the parser says %v %+v", text, ok, err, n)
		}
		if !sameNodes(n.Content(), []Node{item}) {
			t.Fatalf("%q: read as %+v, parsed as %+v", text, item, n.Content()[0])
		}
	})
}
