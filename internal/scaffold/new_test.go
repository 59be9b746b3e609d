package scaffold

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"gopkg.in/yaml.v3"

	"github.com/reliability-council/handbook/internal/load"
	"github.com/reliability-council/handbook/internal/resolve"
)

// starterSite writes the starter into a new folder, with site.yaml
// replaced when config is not "", and returns the folder and its
// vocabulary.
func starterSite(t *testing.T, config string) (string, resolve.Vocabulary) {
	t.Helper()
	dir := t.TempDir()
	if _, err := Init(dir, day); err != nil {
		t.Fatal(err)
	}
	if config != "" {
		write(t, filepath.Join(dir, load.ConfigFile), config)
	}
	site, err := load.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	v, errs := resolve.VocabularyOf(site)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return dir, v
}

// TestNewFilesBuild writes a new file of each kind into the starter and
// holds it to what new promises: the site still resolves without errors;
// the file has every key a build reads for its kind, in order, and
// validates against the kind's schema as an editor would check it.
func TestNewFilesBuild(t *testing.T) {
	for _, kind := range Kinds() {
		t.Run(kind, func(t *testing.T) {
			dir, v := starterSite(t, "")
			f, err := New(Draft{Kind: kind, Slug: "2026-05-01-something-new", Team: "platform", Today: day}, v)
			if err != nil {
				t.Fatal(err)
			}
			if err := f.Write(dir); err != nil {
				t.Fatal(err)
			}
			h := resolved(t, dir)
			for _, w := range h.Warnings {
				if w.File == f.Path && !strings.Contains(w.Msg, "no meeting has discussed this concern yet") {
					t.Errorf("warning on the new file: %v", w)
				}
			}

			front, ok := load.FrontBlock(f.Text)
			if !ok {
				t.Fatalf("no frontmatter:\n%s", f.Text)
			}
			var doc yaml.Node
			if err := yaml.Unmarshal(front, &doc); err != nil {
				t.Fatalf("frontmatter is not YAML: %v\n%s", err, front)
			}
			fields, err := resolve.Fields(kind, v)
			if err != nil {
				t.Fatal(err)
			}
			var want, got []string
			for _, fl := range fields {
				want = append(want, fl.Key)
			}
			m := doc.Content[0]
			for i := 0; i < len(m.Content); i += 2 {
				got = append(got, m.Content[i].Value)
			}
			if !slices.Equal(got, want) {
				t.Errorf("keys %v, want %v", got, want)
			}

			text, err := resolve.Schema(kind, v)
			if err != nil {
				t.Fatal(err)
			}
			schema, err := jsonschema.UnmarshalJSON(bytes.NewReader(text))
			if err != nil {
				t.Fatal(err)
			}
			c := jsonschema.NewCompiler()
			if err := c.AddResource("s.json", schema); err != nil {
				t.Fatal(err)
			}
			s, err := c.Compile("s.json")
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Validate(jsonOf(m)); err != nil {
				t.Errorf("the new file does not validate against its schema: %v\n%s", err, front)
			}
		})
	}
}

// jsonOf turns YAML as the YAML language servers of editors read it into
// the JSON their schema validators see: a date is text, as YAML 1.2 has it.
func jsonOf(n *yaml.Node) any {
	switch n.Kind {
	case yaml.MappingNode:
		obj := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			obj[n.Content[i].Value] = jsonOf(n.Content[i+1])
		}
		return obj
	case yaml.SequenceNode:
		arr := []any{}
		for _, item := range n.Content {
			arr = append(arr, jsonOf(item))
		}
		return arr
	}
	switch n.ShortTag() {
	case "!!null":
		return nil
	case "!!bool", "!!int", "!!float":
		var v any
		_ = n.Decode(&v) // a scalar so tagged decodes
		if i, ok := v.(int); ok {
			return float64(i)
		}
		return v
	}
	return n.Value
}

// TestNewInTheSitesWords writes a concern for a site with a scale and
// statuses of its own: its levels start at the middle of that scale, and
// the comments name its words, not the defaults.
func TestNewInTheSitesWords(t *testing.T) {
	_, v := starterSite(t, `title: T
baseURL: https://example.org/
scoring:
  scale:
    - {level: Very low, score: 0}
    - {level: Some, score: 1, aliases: [A bit]}
    - {level: Lots, score: 5}
  statuses: {open: [new, doing], closed: [finished]}
`)
	f, err := New(Draft{Kind: "concern", Slug: "x", Team: "platform", Today: day}, v)
	if err != nil {
		t.Fatal(err)
	}
	text := string(f.Text)
	for _, want := range []string{
		"\nvalue: Some\n", "\neffort: Some\n",
		"Very low, Some or Lots (also A bit for Some)",
		"One of new or doing (open), or finished (closed)",
		"\nteam: platform\n", "\nraised: 2026-03-04\n", "\ntitle: X\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("no %q in:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Medium") {
		t.Errorf("the default scale shows through:\n%s", text)
	}
}

func TestNewRefuses(t *testing.T) {
	_, v := starterSite(t, "")
	for _, c := range []struct {
		draft Draft
		want  string
	}{
		{Draft{Kind: "concerns", Slug: "x"}, `unknown kind "concerns" (want concern, meeting, team, page)`},
		{Draft{Kind: "page", Slug: ""}, "the new file needs a name"},
		{Draft{Kind: "page", Slug: "Card Retries"}, `"Card Retries" would make a poor URL (name it card-retries: lowercase, words joined by -)`},
		{Draft{Kind: "page", Slug: "--"}, `"--" has no letters or digits`},
		{Draft{Kind: "concern", Slug: "x", Team: "platfrom"}, `unknown team "platfrom" (did you mean "platform"?)`},
		{Draft{Kind: "concern", Slug: "x", Team: "Platform"}, `unknown team "Platform" (write the team's slug: platform)`},
		{Draft{Kind: "concern", Slug: "x"}, `unknown team ""`},
		{Draft{Kind: "page", Slug: "x", Title: "two\nlines"}, "a title is one line"},
	} {
		_, err := New(c.draft, v)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: err = %v, want %q", c.draft, err, c.want)
		}
	}
}

func TestNewNamesAndDates(t *testing.T) {
	_, v := starterSite(t, "")
	for _, c := range []struct {
		draft      Draft
		path, want string
	}{
		{Draft{Kind: "concern", Slug: "card-retries.md", Team: "platform"}, "content/concerns/card-retries.md", "\ntitle: Card retries\n"},
		{Draft{Kind: "team", Slug: "payments", Title: "Payments: cards"}, "content/teams/payments.md", "\ntitle: 'Payments: cards'\n"},
		{Draft{Kind: "page", Slug: "yes", Title: "Yes"}, "content/yes.md", "\ntitle: \"Yes\"\n"},
		{Draft{Kind: "meeting", Slug: "2026-05-01-review"}, "content/meetings/2026-05-01-review.md", "\ntitle:\n# The day it was held. Written YYYY-MM-DD. Required.\ndate: 2026-05-01\n"},
		{Draft{Kind: "meeting", Slug: "weekly", Title: "Weekly"}, "content/meetings/weekly.md", "\ntitle: Weekly\n# The day it was held. Written YYYY-MM-DD. Required.\ndate: 2026-03-04\n"},
	} {
		c.draft.Today = day
		f, err := New(c.draft, v)
		if err != nil {
			t.Errorf("%+v: %v", c.draft, err)
			continue
		}
		if f.Path != c.path || !strings.Contains(string(f.Text), c.want) {
			t.Errorf("%+v: wrote %s, want %s with %q:\n%s", c.draft, f.Path, c.path, c.want, f.Text)
		}
	}
}

func TestCommentsWrap(t *testing.T) {
	var b bytes.Buffer
	comment(&b, "", strings.Repeat("word ", 40)+`a list: [one, two, three] and more words to wrap it at the "end of the" line`)
	comment(&b, "  ", "task: "+strings.Repeat("indented ", 20))
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	for _, l := range lines {
		if n := utf8.RuneCountInString(l); n > commentWidth {
			t.Errorf("%d characters: %q", n, l)
		}
		if !strings.HasPrefix(l, "# ") {
			t.Errorf("not a comment: %q", l)
		}
	}
	if !strings.Contains(b.String(), "[one, two, three]") || !strings.Contains(b.String(), `"end of the"`) {
		t.Errorf("a list was broken:\n%s", b.String())
	}
	if !strings.Contains(b.String(), "\n#   task: indented") || !strings.Contains(b.String(), "\n#     indented") {
		t.Errorf("an item's comment does not hang under its key:\n%s", b.String())
	}
}

func TestWriteNeverReplaces(t *testing.T) {
	dir := t.TempDir()
	f := File{Path: "content/a.md", Text: []byte("new\n")}
	if err := CheckFree(dir, f.Path); err != nil {
		t.Fatal(err)
	}
	if err := f.Write(dir); err != nil {
		t.Fatal(err)
	}
	again := File{Path: "content/a.md", Text: []byte("other\n")}
	for _, err := range []error{CheckFree(dir, f.Path), again.Write(dir)} {
		if err == nil || err.Error() != "content/a.md already exists (it is left as it is: pick another name, or edit that file)" {
			t.Errorf("err = %v", err)
		}
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "content", "a.md")); string(data) != "new\n" {
		t.Errorf("the file now holds %q", data)
	}
}
