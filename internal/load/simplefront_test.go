package load

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/reliability-council/handbook/internal/gensite"
)

// TestSimpleFrontReadsCommonFiles wants the frontmatter of the example
// handbook and of every shape the generator makes read without the YAML
// parser, and read as the YAML parser reads it: otherwise reading a large
// handbook is quietly five times slower.
func TestSimpleFrontReadsCommonFiles(t *testing.T) {
	blocks := frontBlocks(t, filepath.Join("..", "..", "content"))
	for _, shape := range gensite.Shapes() {
		dir := t.TempDir()
		site := gensite.Generate(gensite.Options{Concerns: 60, Meetings: 20, Teams: 5, Seed: 3, Shape: shape})
		if err := gensite.WriteFiles(dir, site.HandbookFiles()); err != nil {
			t.Fatal(err)
		}
		blocks = append(blocks, frontBlocks(t, filepath.Join(dir, ContentDir))...)
	}
	values := newFrontValues() // as one worker reads them all
	for _, b := range blocks {
		simple, ok := parseSimpleFront(b.front, 1, values)
		if !ok {
			t.Errorf("%s: the simple reader leaves this block to the YAML parser:\n%s", b.file, b.front)
			continue
		}
		assertSameTree(t, b.file, b.front, simple)
	}
}

type frontOf struct {
	file  string
	front []byte
}

func frontBlocks(t *testing.T, dir string) []frontOf {
	t.Helper()
	var blocks []frontOf
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if front, ok := FrontBlock(data); ok {
			blocks = append(blocks, frontOf{path, front})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(blocks) == 0 {
		t.Fatalf("no frontmatter under %s", dir)
	}
	return blocks
}

// assertSameTree fails unless the YAML parser reads front without error
// into the tree the simple reader gave.
func assertSameTree(t *testing.T, name string, front []byte, simple Node) {
	t.Helper()
	full, err := parseYAMLFront("x.md", front, 1, nil)
	if err != nil {
		t.Errorf("%s: the simple reader takes a block the YAML parser refuses (%v):\n%s", name, err, front)
		return
	}
	if !sameTree(simple, *full) {
		t.Errorf("%s: the simple reader gives\n%+v\nthe YAML parser\n%+v\nfor\n%s", name, simple, *full, front)
	}
}

// sameTree compares trees, lines and all.
func sameTree(a, b Node) bool {
	ca, cb := a.Content(), b.Content()
	if a.Kind != b.Kind || a.Value() != b.Value() || a.Null != b.Null || a.Line() != b.Line() || len(ca) != len(cb) {
		return false
	}
	for i := range ca {
		if !sameTree(ca[i], cb[i]) {
			return false
		}
	}
	return true
}

// simpleTaken are blocks at the edges of what the simple reader takes.
var simpleTaken = []string{
	"title: A\n",
	"title: A\nvalue:\nrisk: ~\n",
	"a: null\nb: Null\nc: NULL\nnull: x\n",
	"tags: []\nmore: [ a ,b c,  d  ]\n",
	"list:\n- a\n-\n- c\n",
	"list:\n  -   a\n  - b\nafter: x\n",
	"actions:\n  - what: Fix it\n    who: ops\n    due: 2024-01-02\n  - what: Again\n    tags: [x]\n",
	"actions:\n- what: x\n  who:\n  - a\n  - b\n- what: y\n",
	"item:\n-\n  a: 1\n  b: 2\n",
	"nested:\n  deeper:\n    deepest: x\n  back: y\ntop: z\n",
	"q: \"a: b # c\"\ns: 'it''s'\ne: ''\nd: \"\"\n",
	"# a comment\ntitle: A\n\n   # indented comment\nteam: b\n",
	"title: A   \nurl: http://x.org/a#b\nc: C# and F#\n",
	"dup: 1\ndup: 2\n",
	"title: Ünïcödé ✓ 日本\n",
	"t: [\"a, b: c\", 'it''s', \"x'\", plain words ]\n",
	"title: A # note\nvalue: High  # agreed\nq: \"a # b\" # c\ns: 'it''s' # c\nl: [a, \"b ] # c\"] # d\n",
	"signals: # to confirm it\n  - one # first\n  - two\nempty: # nothing\n",
	"effort: Moderate, a spike\n  would tell us more\n  and more\nafter: x\n",
	"list:\n- a long item\n  wrapped\n- what: x\n    and y\n",
	"notes: |\n  line one\n    indented\n\n  # not a comment\nnext: x\n",
	"notes: |-\n  a\n  b\n\n\nnext: x\n",
	"notes: >\n  folded over\n  two lines\n\n  new paragraph\nnext: x\n",
	"notes: >- # a comment\n  folded\n  stripped\n",
	"actions:\n- task: |\n    A task\n  owner: x\n- >\n  item\n",
	"last: |\n  no line break at the end",
	"evidence:\n- 'Count the escalations: we think it is\n  a large share'\n- \"two: \\\"lines\\\"\n  of it\" # c\nafter: 'x\n   y\n    z'\n",
	"e:\n- x\n  **y** [z] *a &b !c |d >e 'f \"g %h @i `j ?k -l ,m {n}\n  - o\n",
	"a: x\n  - y\nb: x\n  ? y\nc: x\n  :y\nd: x\n  [y\ne: x\n  ]y}\n",
	"o: \"\\xD3scar \\U0001F600 \\0\\a\\v\\e\\ \\N\\_\\L\\P \\xe9\"\n",
	"title: A\r\nlist:\r\n- a\r\n- b\r\nnotes: |\r\n  x\r\n\r\n  y\r\nq: 'a\r\n  b'\r\nf: >-\r\n  c\r\n  d\r\n",
	"q: \"say \\\"no\\\" \\\\ a/b\\tc\\nd\\u00e9\\u2713\"\nl: [\"a\\\"b\", \"c, d\"] # e\n",
	"t: [a,\n  b]\n",
	"l: [the team's, \"say \"] # c\nm: [it's,\n  'x', a\"b\"] # d\n",
	"tags: [one, two,\n  three, four]\nafter: x\nl: [a,\n b,\n c d,\n  e]\n",
	"l: [\"a, b\",\n  'c\n  d', e\n  f] # note\nm: [\n  a,\n  b\n  ]\n",
	"items:\n- [a,\n  b]\n- c\nactions:\n- task: x\n  tags: [p,\n    q]\n",
	`{"title": "A", "n": -1.5e3, "l": ["a", "b: c # d"], "m": {"x": null, "y": true, "z": false}, "e": [], "o": {}}` + "\n",
	`{"title":"Zo\u00eb \"Z\"","tags":["a","b"],"actions":[{"task":"x","due":"2024-01-02","done":false}],"n":0}`,
	"\n{\r\n  \"title\": \"A\",\r\n  \"l\": [\r\n    1,\r\n    \"b\"\r\n  ],\r\n  \"o\": {\r\n    \"k\": [ ]\r\n  }\r\n}\r\n",
}

func TestSimpleFrontAgreesOnEdges(t *testing.T) {
	for _, in := range simpleTaken {
		simple, ok := parseSimpleFront([]byte(in), 1, nil)
		if !ok {
			t.Errorf("%q: left to the YAML parser", in)
			continue
		}
		assertSameTree(t, in, []byte(in), simple)
	}
	left := []string{
		"", "# only a comment\n", "- a\n", "  title: A\n", "title: a: b\n",
		"title: |+\n  text\n", "title: |2\n  text\n", "title: >\n  text\n    more\n", "title: |\n\n  text\n",
		"title: |\n  text\n  \n  more\n", "title: |\nnext: x\n", "title: a # c\n  continued\n",
		"title: a\n\n  continued\n", "title: a\n  # c\n  continued\n", "title: \"a\"\n  continued\n", "t: 'a\n\n  b'\n", "t: 'a\n  # b'\n", "t: \"a\\\n  b\"\n", "t: 'a\n  b\n", "t: 'a\nb: c'\n", "t: 'a\n  b' c\n", "t: \"a\\xb\"\n", "t: \"\\U0011FFFF\"\n", "t: \"\\x4\"\n", "t: \"\\q\"\n", "t: \"a\\/b\"\n", "t: \"\\ud83d\\ude00\"\n", "t: \"a\\\n", "t: \"\\u12\"\n",
		"t: \"open\n", "t: 'it's'\n", "a: &x 1\nb: *x\n", "a: !!str 1\n", "t: {a: 1}\n",
		"t: [a, [b]]\n", "t: ['a]\n", "t: [a,]\n",
		`{"a": 1,}`, `{"a": 01}`, `{"a": 1.}`, `{"a": .5}`, `{"a": +1}`, `{"a": 1e}`, `{"a": tru}`, `{"a": "x"} # c`, `{"a": "x"}{}`, `{"a"` + "\n: 1}", `{"a":` + "\n1}",
		`{"a": "x` + "\n" + `y"}`, `{"a": "\/"}`, `{'a': 1}`, `{a: 1}`, `{"<<": {"a": 1}}`, "{\"a\":\t1}", `{"a": [1 2]}`, `{"a": "x" "b": 1}`, `[{"a": 1}]`, `{"a": 1`,
		"t: [a,\nb]\n", "t: [a,\n\n  b]\n", "t: [a, # c\n  b]\n", "t: [\"a\\\n  b\"]\n", "t: [a,\n  b\n", "t: [a,\n  b] c\n", "t: [a,\n  b]\n  c\n", "t:\tx\n", "t: x\r", "t: x\ry\n", "t: |\n  x\r  y\n",
		"l:\n- - a\n", "a:\n  b: 1\n c: 2\n", "a: 1\n  b: 2\n", "---\na: 1\n", "? a\n: b\n",
		"a: -b\n", "a: @x\n", "a: %x\n", "a: `x`\n", "<<: x\n", "\"a\": 1\n", "a: x\u2028y\n", "a: \u0085\n",
	}
	for _, in := range left {
		if n, ok := parseSimpleFront([]byte(in), 1, nil); ok {
			t.Errorf("%q: the simple reader took it, as %+v", in, n)
		}
	}
}

// FuzzSimpleFront holds the simple reader to the YAML parser: whatever
// block it takes, the YAML parser reads into the same tree.
func FuzzSimpleFront(f *testing.F) {
	for _, in := range simpleTaken {
		f.Add([]byte(in))
	}
	f.Fuzz(func(t *testing.T, front []byte) {
		if simple, ok := parseSimpleFront(front, 1, newFrontValues()); ok {
			assertSameTree(t, "fuzzed block", front, simple)
		}
	})
}

// TestSimpleFrontReadsWhatJSONWrites wants frontmatter written by a JSON
// library, on one line or pretty-printed, read without the YAML parser.
func TestSimpleFrontReadsWhatJSONWrites(t *testing.T) {
	front := map[string]any{
		"title": "Zoë's \"ETL\" <now>: & more", "weight": 3, "score": -0.25, "open": true, "owner": nil,
		"tags":    []string{"a", "b, c", "# d", "Ünïcödé ✓ 日本", "tab\there", "line\nbreak"},
		"actions": []map[string]any{{"task": "x", "due": "2024-03-01", "done": false, "more": []any{}}},
	}
	one, err := json.Marshal(front)
	if err != nil {
		t.Fatal(err)
	}
	pretty, err := json.MarshalIndent(front, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	for _, block := range [][]byte{one, pretty} {
		simple, ok := parseSimpleFront(block, 1, nil)
		if !ok {
			t.Errorf("the simple reader leaves this block to the YAML parser:\n%s", block)
			continue
		}
		assertSameTree(t, "JSON", block, simple)
	}
}

// TestSimpleFrontReadsWhatYAMLWrites wants frontmatter written by a YAML
// library, as a script that generates or converts a handbook writes it,
// read without the YAML parser: wrapped and quoted values, escapes, text
// of several lines.
func TestSimpleFrontReadsWhatYAMLWrites(t *testing.T) {
	long := "Moderate, we would finally know whether the nightly ETL broke before the morning reports go out to the whole company"
	values := []any{
		"High", "Low-Medium", long, "Zoë Müller", "it's: quoted", `say "no"`, "# not a comment", "- not an item",
		"first line\nsecond line\n", "tab\there", "2024-01-02", "yes", "100%", "~", "",
		[]string{long, "[bracketed]", "a, b", "Ünïcödé ✓ 日本"},
		[]map[string]any{{"task": long, "owner": "Iñaki", "due": "2024-03-01", "done": true}},
	}
	for i, v := range values {
		front, err := yaml.Marshal(map[string]any{"title": "A concern", "value": v, "after": "x"})
		if err != nil {
			t.Fatal(err)
		}
		simple, ok := parseSimpleFront(front, 1, nil)
		if !ok {
			t.Errorf("value %d: the simple reader leaves this block to the YAML parser:\n%s", i, front)
			continue
		}
		assertSameTree(t, fmt.Sprintf("value %d", i), front, simple)
	}
}
