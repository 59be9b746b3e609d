package gensite

import (
	"fmt"
	"strings"
	"time"
)

// File is one generated file, by its path below the output folder.
type File struct {
	path string
	data []byte
}

const (
	siteTitle       = "Synthetic Reliability Handbook"
	siteBaseURL     = "https://handbook.example.org/"
	siteDescription = "A generated handbook for load tests: made-up teams, concerns and meetings."
)

// HandbookFiles writes s in the handbook's content format.
func (s *Site) HandbookFiles() []File {
	files := []File{{"site.yaml", []byte(fmt.Sprintf(
		"title: %s\nbaseURL: %s\ndescription: %s\nlanguage: en\n",
		yamlText(siteTitle), siteBaseURL, yamlText(siteDescription)))}}
	for _, t := range s.teams {
		files = append(files, File{"content/teams/" + t.slug + ".md", teamFile(t)})
	}
	for _, c := range s.concerns {
		files = append(files, File{"content/concerns/" + c.slug + ".md", concernFile(c)})
	}
	for _, m := range s.meetings {
		files = append(files, File{"content/meetings/" + m.slug + ".md", meetingFile(m)})
	}
	for _, p := range s.pages {
		files = append(files, File{"content/" + p.slug + ".md", pageFile(p)})
	}
	return files
}

// ShapeBodies returns the Markdown bodies of a handbook of the shape with
// that many concerns (10 meetings, 5 teams, seed 3): what the tests and
// benchmarks of the parts that read bodies are given.
func ShapeBodies(shape *Shape, concerns int) [][]byte {
	return Generate(Options{Concerns: concerns, Meetings: 10, Teams: 5, Seed: 3, Shape: shape}).Bodies()
}

// Size returns the bytes of bodies in all, for a benchmark's SetBytes.
func Size(bodies [][]byte) int {
	size := 0
	for _, body := range bodies {
		size += len(body)
	}
	return size
}

// Bodies returns the Markdown bodies of s's content files, in the order of
// HandbookFiles.
func (s *Site) Bodies() [][]byte {
	var bodies [][]byte
	for _, t := range s.teams {
		bodies = append(bodies, []byte(t.body))
	}
	for _, c := range s.concerns {
		bodies = append(bodies, []byte(c.body))
	}
	for _, m := range s.meetings {
		bodies = append(bodies, []byte(m.body))
	}
	for _, p := range s.pages {
		bodies = append(bodies, []byte(p.body))
	}
	return bodies
}

func teamFile(t *team) []byte {
	var f frontmatter
	f.text("title", t.title)
	f.text("representative", t.representative)
	f.blockList("members", t.members)
	return f.done(t.body)
}

func concernFile(c *concern) []byte {
	f := frontmatter{texts: c.texts}
	f.text("title", c.title)
	f.text("team", c.team.slug)
	f.text("value", c.value)
	f.text("effort", c.effort)
	f.text("risk", c.risk)
	f.text("complexity", c.complexity)
	f.list("blockers", c.blockers)
	f.list("evidence", c.evidence)
	f.text("status", c.status)
	f.text("observable", c.observable)
	f.list("signals", c.signals)
	f.text("owner", c.owner)
	f.list("tags", c.tags)
	f.date("raised", c.raised)
	return f.done(c.body)
}

func meetingFile(m *meeting) []byte {
	var f frontmatter
	f.text("title", m.title)
	f.date("date", m.date)
	f.flowList("attendees", m.attendees)
	f.blockList("concerns", concernSlugs(m.concerns))
	f.actions(m.actions, false)
	return f.done(m.body)
}

func pageFile(p *page) []byte {
	var f frontmatter
	f.text("title", p.title)
	f.text("description", p.description)
	return f.done(p.body)
}

func concernSlugs(cs []*concern) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.slug
	}
	return out
}

// frontmatter writes a YAML frontmatter block field by field, in the order
// a person would, leaving out empty fields.
type frontmatter struct {
	b     strings.Builder
	texts textStyle
}

func (f *frontmatter) text(key, value string) {
	if value == "" {
		return
	}
	if lines := wrap(value, wrapWidth); f.texts != oneLine && len(lines) > 1 && !needsQuotes(value) {
		switch f.texts {
		case wrapped:
			if wrappedPlain(lines) {
				fmt.Fprintf(&f.b, "%s: %s\n", key, strings.Join(lines, "\n  "))
				return
			}
		case folded:
			fmt.Fprintf(&f.b, "%s: >-\n  %s\n", key, strings.Join(lines, "\n  "))
			return
		case commented:
			fmt.Fprintf(&f.b, "%s: %s  # as the council put it\n", key, value)
			return
		}
	}
	fmt.Fprintf(&f.b, "%s: %s\n", key, yamlText(value))
}

func (f *frontmatter) raw(key, value string) { fmt.Fprintf(&f.b, "%s: %s\n", key, value) }

func (f *frontmatter) date(key string, d time.Time) {
	if !d.IsZero() {
		f.raw(key, d.Format(time.DateOnly))
	}
}

// textList is a frontmatter list of text and the way it is written.
type textList struct {
	items []string
	style listStyle
}

// listStyle is one of the ways the content format takes a list.
type listStyle int

const (
	inBlock listStyle = iota // one "- item" per line
	inFlow                   // [a, b, c]
	asText                   // a single item as plain text
)

func (f *frontmatter) list(key string, l textList) {
	switch l.style {
	case inFlow:
		f.flowList(key, l.items)
	case asText:
		f.text(key, l.items[0])
	default:
		f.blockList(key, l.items)
	}
}

// flowList writes [a, b, c]: on one line, or, in a file that wraps its
// longer values, over lines of about listWidth bytes, as YAML writers
// (PyYAML's flow style, say) write a list too long for one.
func (f *frontmatter) flowList(key string, items []string) {
	if len(items) == 0 {
		return
	}
	quoted := make([]string, len(items))
	for i, s := range items {
		quoted[i] = yamlFlowText(s)
	}
	if f.texts != wrapped {
		f.raw(key, "["+strings.Join(quoted, ", ")+"]")
		return
	}
	line := key + ": [" + quoted[0]
	for _, item := range quoted[1:] {
		if len(line)+len(", ")+len(item) > listWidth {
			f.b.WriteString(line + ",\n")
			line = "  " + item
			continue
		}
		line += ", " + item
	}
	f.b.WriteString(line + "]\n")
}

// listWidth is where a wrapped flow list breaks its lines.
const listWidth = 80

// blockList writes one "- item" per line.
func (f *frontmatter) blockList(key string, items []string) {
	if len(items) == 0 {
		return
	}
	fmt.Fprintf(&f.b, "%s:\n", key)
	for _, s := range items {
		fmt.Fprintf(&f.b, "  - %s\n", yamlText(s))
	}
}

// actions writes a meeting's action items; withTeam adds the team each is
// filed under, for the Hugo twin, which cannot work it out.
func (f *frontmatter) actions(actions []action, withTeam bool) {
	if len(actions) == 0 {
		return
	}
	f.b.WriteString("actions:\n")
	for _, a := range actions {
		fmt.Fprintf(&f.b, "  - task: %s\n", yamlText(a.task))
		if a.owner != "" {
			fmt.Fprintf(&f.b, "    owner: %s\n", yamlText(a.owner))
		}
		if !a.due.IsZero() {
			fmt.Fprintf(&f.b, "    due: %s\n", a.due.Format(time.DateOnly))
		}
		fmt.Fprintf(&f.b, "    done: %t\n", a.done)
		if a.concern != nil {
			fmt.Fprintf(&f.b, "    concern: %s\n", a.concern.slug)
		}
		if withTeam && a.team != nil {
			fmt.Fprintf(&f.b, "    team: %s\n", a.team.slug)
		}
	}
}

func (f *frontmatter) done(body string) []byte {
	return []byte("---\n" + f.b.String() + "---\n" + body)
}

// yamlText writes s as a YAML scalar, quoted only when YAML would otherwise
// read it as something else.
func yamlText(s string) string {
	if needsQuotes(s) {
		return quote(s)
	}
	return s
}

// yamlFlowText is yamlText inside [ ]: commas and brackets need quotes too.
func yamlFlowText(s string) string {
	if needsQuotes(s) || strings.ContainsAny(s, ",[]{}") {
		return quote(s)
	}
	return s
}

func needsQuotes(s string) bool {
	if s == "" || s != strings.TrimSpace(s) {
		return true
	}
	if strings.ContainsRune("[]{}\"'*&!|>%@`#,?:-", rune(s[0])) && !(s[0] == '-' && len(s) > 1 && s[1] != ' ') {
		return true
	}
	if strings.Contains(s, ": ") || strings.Contains(s, " #") || strings.HasSuffix(s, ":") || strings.ContainsAny(s, "\n\t") {
		return true
	}
	switch strings.ToLower(s) {
	case "null", "~", "true", "false":
		return true
	}
	return false
}

// quote writes a double-quoted YAML scalar; Go's escapes for \" and \\ are
// YAML's too, and the generator's words are plain text.
func quote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\t", `\t`).Replace(s) + `"`
}
