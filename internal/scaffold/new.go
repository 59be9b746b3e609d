package scaffold

import (
	"bytes"
	"embed"
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/reliability-council/handbook/internal/load"
	"github.com/reliability-council/handbook/internal/model"
	"github.com/reliability-council/handbook/internal/resolve"
)

// Kinds are the kinds of file New writes, as handbook new names them.
func Kinds() []string { return []string{"concern", "meeting", "team", "page"} }

var kindOf = map[string]load.Kind{
	"concern": load.KindConcern,
	"meeting": load.KindMeeting,
	"team":    load.KindTeam,
	"page":    load.KindPage,
}

// bodies holds the text each kind of new file starts its body with, named
// after the kind.
//
//go:embed bodies
var bodies embed.FS

// Draft is what is known of a new file before it is written.
type Draft struct {
	Kind string // one of Kinds
	Slug string // the file's name without .md
	// Title is the file's title; "" leaves a meeting's to its default
	// ("Meeting of" and the date) and gives the others one made from the
	// slug.
	Title string
	Team  string // a concern's team, by slug
	// Today is the day the file is written: a concern is raised on it, and
	// a meeting held on it unless its slug starts with a date.
	Today time.Time
}

// New returns a new file of the draft's kind, in its place in the site.
// Its frontmatter has every field a build reads for the kind, each under a
// comment that says what it means and what to write, in the site's own
// words (its levels, statuses and teams). The fields a build requires are
// filled in, from the draft or at the middle of the scale; the rest are
// left empty, which a build reads as left out, for whoever writes the file
// to fill in or delete.
func New(d Draft, v resolve.Vocabulary) (File, error) {
	path, err := Path(d.Kind, d.Slug)
	if err != nil {
		return File{}, err
	}
	kind := kindOf[d.Kind]
	d.Slug = strings.TrimSuffix(d.Slug, ".md")
	if strings.ContainsAny(d.Title, "\r\n") {
		return File{}, fmt.Errorf("a title is one line (write more in the body)")
	}
	fields, err := resolve.Fields(d.Kind, v)
	if err != nil {
		return File{}, err
	}

	values := map[string]string{} // YAML text, by key
	title := d.Title
	if title == "" && kind != load.KindMeeting {
		title = model.Sentence(d.Slug)
	}
	if title != "" {
		values["title"] = scalar(title)
	}
	switch kind {
	case load.KindConcern:
		if err := v.CheckTeam(d.Team); err != nil {
			return File{}, err
		}
		values["team"] = scalar(d.Team)
		values["raised"] = d.Today.Format(time.DateOnly)
	case load.KindMeeting:
		day := d.Today
		if held, ok := dateOf(d.Slug); ok {
			day = held
		}
		values["date"] = day.Format(time.DateOnly)
	}
	for _, f := range fields {
		if _, ok := values[f.Key]; !ok && f.Start != "" {
			values[f.Key] = scalar(f.Start)
		}
		if _, ok := values[f.Key]; f.Required && !ok {
			return File{}, fmt.Errorf("a new %s needs its %s, and nothing gives it one", d.Kind, f.Key)
		}
	}

	body, err := bodies.ReadFile("bodies/" + d.Kind + ".md")
	if err != nil {
		return File{}, err
	}
	var b bytes.Buffer
	b.WriteString("---\n")
	writeFields(&b, fields, values)
	b.WriteString("---\n")
	b.Write(body)
	return File{Path: path, Text: b.Bytes()}, nil
}

// Path returns where New writes a file of the kind and slug, relative to
// the site folder; a slug may be written with .md.
func Path(kind, slug string) (string, error) {
	k, ok := kindOf[kind]
	if !ok {
		return "", fmt.Errorf("unknown kind %q (want %s)", kind, strings.Join(Kinds(), ", "))
	}
	slug = strings.TrimSuffix(slug, ".md")
	if err := CheckSlug(slug); err != nil {
		return "", err
	}
	return load.Path(k, slug), nil
}

// writeFields writes each field under its comment, with its value if it
// has one; the fields of a list's items are described in the comment.
func writeFields(b *bytes.Buffer, fields []resolve.Field, values map[string]string) {
	for _, f := range fields {
		about := f.About
		if f.Required {
			about += " Required."
		}
		if len(f.Item) > 0 {
			about += fmt.Sprintf(` Each is written "- %s: ..." below it, with these fields:`, f.Item[0].Key)
		}
		comment(b, "", about)
		for _, sub := range f.Item {
			line := sub.Key + ": " + sub.About
			if sub.Required {
				line += " Required."
			}
			comment(b, "  ", line)
		}
		b.WriteString(f.Key + ":")
		if v := values[f.Key]; v != "" {
			b.WriteString(" " + v)
		}
		b.WriteByte('\n')
	}
}

// commentWidth is the longest a comment line gets, so that the file reads
// well beside the editor's other panes.
const commentWidth = 76

// comment writes text as YAML comment lines, wrapped at commentWidth; a
// line after the first of an indented comment hangs under its text.
func comment(b *bytes.Buffer, indent, text string) {
	prefix, hang := "# "+indent, "# "+indent
	if indent != "" {
		hang += "  "
	}
	line := prefix
	for _, word := range unbreakable(text) {
		if line != prefix && line != hang && utf8.RuneCountInString(line)+1+utf8.RuneCountInString(word) > commentWidth {
			b.WriteString(strings.TrimRight(line, " ") + "\n")
			line = hang
		}
		if line != prefix && line != hang {
			line += " "
		}
		line += word
	}
	b.WriteString(line + "\n")
}

// unbreakable splits text into the words a comment may break between,
// keeping a YAML list such as [a, b] and a quoted example on one line, as
// they are written.
func unbreakable(text string) []string {
	var out []string
	open := false
	for _, w := range strings.Fields(text) {
		if open {
			out[len(out)-1] += " " + w
		} else {
			out = append(out, w)
		}
		last := out[len(out)-1]
		open = strings.Count(last, "[") > strings.Count(last, "]") || strings.Count(last, `"`)%2 == 1
	}
	return out
}

// scalar writes s as a YAML value on the line of its key: plain when YAML
// reads it back as the same text, quoted otherwise.
func scalar(s string) string {
	out, err := yaml.Marshal(s)
	if err != nil { // a string always marshals
		return load.QuoteYAML(s)
	}
	return strings.TrimSuffix(string(out), "\n")
}

// CheckSlug reports a name that would not make the file's URL as it is:
// the URL is the file's name, so it must already be lowercase words joined
// by -, which a build would otherwise refuse.
func CheckSlug(slug string) error {
	want := model.Slugify(slug)
	switch {
	case slug == "":
		return fmt.Errorf("the new file needs a name: its URL, such as card-retries")
	case want == "":
		return fmt.Errorf("%q has no letters or digits to make a URL from (name it in words, such as card-retries)", slug)
	case want != slug:
		return fmt.Errorf("%q would make a poor URL (name it %s: lowercase, words joined by -)", slug, want)
	}
	return nil
}

// datePrefix is a slug that starts with a day, as meetings are often named.
var datePrefix = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})(?:-|$)`)

// dateOf returns the day a slug starts with: 2026-03-04-review was held on
// 4 March 2026.
func dateOf(slug string) (time.Time, bool) {
	m := datePrefix.FindStringSubmatch(slug)
	if m == nil {
		return time.Time{}, false
	}
	day, err := time.Parse(time.DateOnly, m[1])
	return day, err == nil
}
