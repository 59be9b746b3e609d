package resolve

import (
	"bytes"
	"errors"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"gopkg.in/yaml.v3"

	"github.com/reliability-council/handbook/internal/load"
	"github.com/reliability-council/handbook/internal/model"
)

// expressible are the errors a schema can express: an unknown key, a value
// of the wrong type, a required field left out, a level off the scale, a
// status, team, answer, method or colour that is not one of the choices,
// and a title, description or tag too long.
// A file with one of them must fail its schema, at the same line. Other
// errors (a date of 30 February, a reference to a concern) need more than
// a schema knows.
var expressible = regexp.MustCompile(`^(?:` + strings.Join([]string{
	`unknown key "`,
	`missing required field "`,
	`want fields written as key: value`,
	`\w+: want text`,
	`\w+: want each item to be text`,
	`\w+: want a list, found`,
	`\w+: want a number, found`,
	`(?:value|effort): (?:unknown level|no level given)`,
	`status: unknown status`,
	`team: unknown team`,
	`observable: want yes, partly or no`,
	`method: unknown method`,
	`[^:]+: unknown colour`,
	`(?:title|description): \d+ characters long, more than`,
	`tags: tag ".*" is \d+ characters long`,
}, "|") + `)`)

// TestSchemaAgreesWithCheck validates every file of the sites under
// testdata, of the example handbook and of the build's fixture sites, against the schema of its kind,
// and holds the schema to what loading and resolving say of the same file:
// where they find no error, the schema finds none; where they find one it
// can express, the schema finds one on that line; and the schema finds
// errors only on lines where they do.
func TestSchemaAgreesWithCheck(t *testing.T) {
	archives, err := filepath.Glob("testdata/*/*.txtar")
	if err != nil || len(archives) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, file := range archives {
		t.Run(strings.TrimSuffix(file[len("testdata/"):], ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			dir, _ := writeArchive(t, ar)
			compareWithSchema(t, dir)
		})
	}
	for name, dir := range map[string]string{
		"example":   "../..",
		"golden":    "../build/testdata/site",
		"risk-site": "../build/testdata/risk-site",
	} {
		t.Run(name, func(t *testing.T) { compareWithSchema(t, dir) })
	}
}

func compareWithSchema(t *testing.T, dir string) {
	byCheck := map[string]map[int][]string{} // file, line: messages
	for _, e := range checkErrors(t, dir) {
		if byCheck[e.File] == nil {
			byCheck[e.File] = map[int][]string{}
		}
		byCheck[e.File][e.Line] = append(byCheck[e.File][e.Line], e.Msg)
	}
	site, err := load.Load(dir)
	var list model.ErrorList
	if err != nil && !errors.As(err, &list) {
		t.Fatal(err)
	}
	v, _ := VocabularyOf(site)
	schemas := map[string]*jsonschema.Schema{}
	for _, k := range SchemaKinds() {
		schemas[k] = compileSchema(t, k, v)
	}

	type source struct {
		file, kind string
		opening    int // the line of the opening ---; lines of the YAML count from the one after
	}
	var sources []source
	if site.Config != nil {
		sources = append(sources, source{load.ConfigFile, "site", 0})
	}
	kinds := map[load.Kind]string{load.KindConcern: "concern", load.KindMeeting: "meeting", load.KindTeam: "team", load.KindPage: "page"}
	for _, d := range site.Docs {
		sources = append(sources, source{d.File, kinds[d.Kind], d.Line})
	}
	for _, src := range sources {
		bySchema := validateFile(t, schemas[src.kind], filepath.Join(dir, src.file), src.file == load.ConfigFile, src.opening)
		checked := byCheck[src.file]
		for line, msgs := range checked {
			for _, msg := range msgs {
				if expressible.MatchString(msg) && len(bySchema[line]) == 0 {
					t.Errorf("%s:%d: check says %q, the %s schema finds nothing wrong on that line", src.file, line, msg, src.kind)
				}
			}
		}
		for line, msgs := range bySchema {
			if len(checked[line]) == 0 {
				t.Errorf("%s:%d: the %s schema says %q, check finds nothing wrong on that line", src.file, line, src.kind, msgs)
			}
		}
	}
}

func compileSchema(t *testing.T, k string, v Vocabulary) *jsonschema.Schema {
	t.Helper()
	text, err := Schema(k, v)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(text))
	if err != nil {
		t.Fatalf("%s schema is not JSON: %v", k, err)
	}
	c := jsonschema.NewCompiler()
	url := k + ".schema.json"
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(url)
	if err != nil {
		t.Fatalf("%s schema does not compile: %v", k, err)
	}
	return s
}

// validateFile validates a file's frontmatter, or the whole file for
// site.yaml, and returns the schema's errors by the line check would give
// them: that of the key whose value is wrong, of the item of a list, or of
// the opening --- for a required field of the frontmatter left out.
func validateFile(t *testing.T, s *jsonschema.Schema, path string, whole bool, opening int) map[int][]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !whole {
		var ok bool
		if data, ok = load.FrontBlock(data); !ok {
			t.Fatalf("%s: no frontmatter, yet it loaded", path)
		}
	}
	doc, ix, err := instance(data, opening)
	var twice lineError
	switch {
	case errors.As(err, &twice):
		return map[int][]string{twice.line: {twice.msg}}
	case err != nil:
		t.Fatalf("%s: %v, yet it loaded", path, err)
	}
	found := map[int][]string{}
	var verr *jsonschema.ValidationError
	if err := s.Validate(doc); errors.As(err, &verr) {
		for _, leaf := range leaves(verr) {
			for _, line := range ix.lines(leaf) {
				found[line] = append(found[line], leaf.Error())
			}
		}
	} else if err != nil {
		t.Fatal(err)
	}
	return found
}

// leaves returns the errors that say what is wrong, not which of the
// schema's parts found it.
func leaves(e *jsonschema.ValidationError) []*jsonschema.ValidationError {
	if len(e.Causes) == 0 {
		return []*jsonschema.ValidationError{e}
	}
	var out []*jsonschema.ValidationError
	for _, c := range e.Causes {
		out = append(out, leaves(c)...)
	}
	return out
}

// instance reads YAML as a YAML language server would for validation,
// with its lines counted from after the line opening.
func instance(data []byte, opening int) (any, *instanceIndex, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, nil, err
	}
	ix := &instanceIndex{offset: opening, at: map[string]int{}, own: map[string]int{}}
	top := max(opening, 1) // check reports missing fields at the opening ---, or at line 1 of site.yaml
	if root.Kind != yaml.DocumentNode || len(root.Content) == 0 {
		ix.at[""], ix.own[""] = top, top
		return map[string]any{}, ix, nil
	}
	doc, err := ix.value(root.Content[0], "", top)
	ix.own[""] = top
	return doc, ix, err
}

// instanceIndex turns YAML into the JSON a YAML language server validates
// (YAML 1.2: a date is text, yes is text), remembering where each value is.
type instanceIndex struct {
	offset int
	at     map[string]int // the line check reports a value's problems at: its key's, or its own as an item
	own    map[string]int // the line a mapping starts at, where check reports its missing fields
}

type lineError struct {
	line int
	msg  string
}

func (e lineError) Error() string { return e.msg }

func (ix *instanceIndex) value(n *yaml.Node, ptr string, at int) (any, error) {
	ix.at[ptr], ix.own[ptr] = at, n.Line+ix.offset
	switch n.Kind {
	case yaml.AliasNode:
		return ix.value(n.Alias, ptr, at)
	case yaml.MappingNode:
		obj := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			line := k.Line + ix.offset
			if _, twice := obj[k.Value]; twice {
				return nil, lineError{line, "key set twice"}
			}
			child, err := ix.value(v, ptr+"/"+k.Value, line)
			if err != nil {
				return nil, err
			}
			obj[k.Value] = child
		}
		return obj, nil
	case yaml.SequenceNode:
		arr := []any{}
		for i, item := range n.Content {
			child, err := ix.value(item, ptr+"/"+strconv.Itoa(i), item.Line+ix.offset)
			if err != nil {
				return nil, err
			}
			arr = append(arr, child)
		}
		return arr, nil
	}
	switch n.ShortTag() {
	case "!!null":
		return nil, nil
	case "!!bool", "!!int", "!!float":
		var v any
		if err := n.Decode(&v); err != nil {
			return nil, err
		}
		if f, ok := v.(float64); ok {
			return jsonNumber(f, n.Value), nil
		}
		return v, nil
	}
	if n.Style == 0 && yaml12Float.MatchString(n.Value) {
		// YAML 1.2 reads 1e400 as a number too large to hold, infinity,
		// where the YAML 1.1 of yaml.v3 reads text.
		f, _ := strconv.ParseFloat(n.Value, 64)
		return jsonNumber(f, n.Value), nil
	}
	return n.Value, nil
}

// yaml12Float is a number with a fraction or an exponent in the core
// schema of YAML 1.2, which YAML language servers read with.
var yaml12Float = regexp.MustCompile(`^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$`)

// jsonNumber returns f as JSON can hold it. JSON has no infinity: the
// largest number stands for it, being past any maximum as infinity is.
// Nor has it NaN, which passes every bound in a YAML language server; it
// stays text here, as the text it was written as.
func jsonNumber(f float64, written string) any {
	switch {
	case math.IsNaN(f):
		return written
	case math.IsInf(f, 0):
		return math.Copysign(math.MaxFloat64, f)
	}
	return f
}

// lines returns the lines check would report a schema error at.
func (ix *instanceIndex) lines(e *jsonschema.ValidationError) []int {
	ptr := ""
	if len(e.InstanceLocation) > 0 {
		ptr = "/" + strings.Join(e.InstanceLocation, "/")
	}
	switch k := e.ErrorKind.(type) {
	case *kind.Required:
		return []int{ix.own[ptr]}
	case *kind.AdditionalProperties:
		var out []int
		for _, p := range k.Properties {
			out = append(out, ix.at[ptr+"/"+p])
		}
		return out
	}
	return []int{ix.at[ptr]}
}

// TestEveryKeyDescribed holds every key set to what editors and new files
// need of it: each key once, with what it means and the shape of its value,
// so that no key resolve reads takes anything in an editor.
func TestEveryKeyDescribed(t *testing.T) {
	var visit func(name string, s *keySet)
	visit = func(name string, s *keySet) {
		if s.title == "" {
			t.Errorf("%s: no title", name)
		}
		seen := map[string]bool{}
		for _, f := range s.fields {
			if seen[f.key] {
				t.Errorf("%s: %s is listed twice", name, f.key)
			}
			seen[f.key] = true
			if f.about == "" || f.shape == nil {
				t.Errorf("%s.%s: no description or shape", name, f.key)
			}
			switch sh := f.shape.(type) {
			case itemsShape:
				visit(name+"."+f.key, sh.of)
			case objectShape:
				visit(name+"."+f.key, sh.of)
			}
		}
	}
	for _, k := range SchemaKinds() {
		s, err := kindNamed(k)
		if err != nil {
			t.Fatal(err)
		}
		visit(k, s)
	}
	if len(kinds) != len(SchemaKinds()) {
		t.Errorf("kinds has %d sets, SchemaKinds names %d", len(kinds), len(SchemaKinds()))
	}
}

// TestSchemaRejects checks the schema against values written by hand, for
// what the fixtures do not show: a custom scale and statuses, the choices
// it lists, and values resolve takes in forms easy to get wrong.
func TestSchemaRejects(t *testing.T) {
	v := Vocabulary{Scoring: model.DefaultScoring(), Teams: []string{"data", "ops"}}
	v.Scoring.Scale = model.Scale{{Name: "Very low", Score: 0}, {Name: "Some", Score: 1, Aliases: []string{"A bit"}}, {Name: "Lots", Score: 5}}
	v.Scoring.Open, v.Scoring.Closed = []string{"new", "doing"}, []string{"done"}
	concern := compileSchema(t, "concern", v)
	base := "title: T\nteam: data\nvalue: Lots\neffort: Some\n"
	for _, c := range []struct {
		yaml string
		ok   bool
	}{
		{"", true},
		{`value: "very LOW, a note: with a colon"`, true},
		{"value: A bit - lots", true},
		{"value: 4.5", true},
		{"value: '0'", true},
		{"value: 6", false},
		{"value: High", false},
		{"value: Very low-Lots-Some", false},
		{"value: ', a note only'", false},
		{"risk: anything at all", true},
		{"risk: -1", false},
		{"status: DOING", true},
		{"status: proposed", false},
		{"team: ops", true},
		{"team: Ops", false},
		{"observable: Partially", true},
		{"observable: false", true},
		{"observable: maybe", false},
		{"raised: 2018-02-06", true},
		{"raised: 2018-2-6", false},
		{"raised: 2018-13-01", false},
		{"impact: 25%, of the EU", true},
		{"impact: 25", false},
		{"ettd: 1h 30m", true},
		{"ettd: soon", false},
		{"tags: [a, 2, true]", true},
		{"tags: {a: b}", false},
		{"tags: [[a]]", false},
		{"owner: ~", true},
		{"title: ~", false},
		{"title: " + strings.Repeat("ü", maxTitle), true},
		{"title: '  " + strings.Repeat("t", maxTitle) + "  '", true}, // trimmed, as resolve reads it
		{"title: " + strings.Repeat("t", maxTitle+1), false},
		{"tags: [ok, " + strings.Repeat("t", maxTag+1) + "]", false},
	} {
		text := base
		if c.yaml != "" {
			// the case's field replaces the base's
			key, _, _ := strings.Cut(c.yaml, ":")
			text = regexp.MustCompile(`(?m)^`+key+`:.*\n`).ReplaceAllString(text, "") + c.yaml + "\n"
		}
		doc, _, err := instance([]byte(text), 0)
		if err != nil {
			t.Fatal(err)
		}
		if err := concern.Validate(doc); (err == nil) != c.ok {
			t.Errorf("%q: valid %v, want %v (%v)", c.yaml, err == nil, c.ok, err)
		}
	}

	site := compileSchema(t, "site", v)
	for _, c := range []struct {
		yaml string
		ok   bool
	}{
		{"scoring: {statuses: {open: [new], colours: {new: Blue, done: ~}}}", true},
		{"scoring: {statuses: {colours: {New: blue}}}", false},
		{"scoring: {statuses: {colours: {new: vermillion}}}", false},
		{"scoring: {method: RICE, weights: {value: 2.5, blockerCap: 3.0}}", true},
		{"scoring: {weights: {value: -1}}", false},
		{"scoring: {weights: {blockerCap: 2.5}}", false},
		{"scoring: {scale: [{level: Low, score: 1}]}", false},
		{"scoring: {scale: [{level: Low, score: '1'}, {level: High, score: 3}]}", true},
		{"scoring: {reviewEvery: 90d}", true},
		{"editURL: https://github.com/o/r/edit/main/", true},
		{"editURL: github.com/o/r", false},
		{"scoring: {weights: {risk: 2e6}}", false},
		{"scoring: {scale: [{level: Low, score: -1e7}, {level: High, score: 3}]}", false},
	} {
		doc, _, err := instance([]byte("title: T\nbaseURL: https://example.org/\n"+c.yaml+"\n"), 0)
		if err != nil {
			t.Fatal(err)
		}
		if err := site.Validate(doc); (err == nil) != c.ok {
			t.Errorf("%q: valid %v, want %v (%v)", c.yaml, err == nil, c.ok, err)
		}
	}

	meeting := compileSchema(t, "meeting", v)
	for _, c := range []struct {
		yaml string
		ok   bool
	}{
		{"actions: [{task: T, done: Yes}]", true},
		{"actions: [{task: T, done: 2018-02-16}]", true},
		{"actions: [{task: T, done: 1}]", true},
		{"actions: [{task: T, done: 2}]", false},
		{"actions: [{task: T, done: maybe}]", false},
		{"actions: [{owner: Ana}]", false},
		{"actions: write it down", false},
		{"concerns: [a, b]", true},
		{"date: 2018-02-30", true}, // resolve finds it, a schema cannot
		{"date: 2018-02", false},
	} {
		text := c.yaml
		if !strings.HasPrefix(text, "date:") {
			text = "date: 2018-02-06\n" + text
		}
		doc, _, err := instance([]byte(text+"\n"), 0)
		if err != nil {
			t.Fatal(err)
		}
		if err := meeting.Validate(doc); (err == nil) != c.ok {
			t.Errorf("%q: valid %v, want %v (%v)", c.yaml, err == nil, c.ok, err)
		}
	}
}

func TestSchemaOfUnknownKind(t *testing.T) {
	if _, err := Schema("concerns", Vocabulary{Scoring: model.DefaultScoring()}); err == nil || !strings.Contains(err.Error(), "concern, meeting, team, page, site") {
		t.Errorf("err = %v", err)
	}
	if _, err := Schema("meeting.actions", Vocabulary{Scoring: model.DefaultScoring()}); err == nil {
		t.Errorf("a nested set of fields has a schema of its own")
	}
}
