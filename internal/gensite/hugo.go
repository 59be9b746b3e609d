package gensite

import (
	"embed"
	"fmt"
	"io/fs"
	"strconv"
	"strings"

	"github.com/reliability-council/handbook/internal/model"
)

// hugoTheme holds the layouts of the Hugo twin: a minimal theme whose pages
// carry the same tables as the handbook's.
//
//go:embed all:hugotheme
var hugoTheme embed.FS

// HugoFiles writes s as a Hugo site with the same pages: a page per
// concern, meeting and team (teams and tags are taxonomies, each team's page
// its term page), the lists sorted by the handbook's priority, which goes
// into each concern's weight. Bodies are the handbook's, byte for byte.
func (s *Site) HugoFiles() ([]File, error) {
	files := []File{{"hugo.toml", []byte(fmt.Sprintf(`baseURL = %q
locale = "en"
title = %q
uglyURLs = false
disableKinds = ["rss"]

[taxonomies]
  team = "teams"
  tag = "tags"

[params]
  description = %q

# The handbook's Markdown: GitHub's flavour and heading ids, code shown as
# written. Hugo's other extensions and its highlighter would be work the
# handbook does not do.
[markup.goldmark.extensions]
  definitionList = false
  [markup.goldmark.extensions.footnote]
    enable = false
  [markup.goldmark.extensions.typographer]
    disable = true
[markup.highlight]
  codeFences = false
`, siteBaseURL, siteTitle, siteDescription))}}

	section := func(path, title string) {
		var f frontmatter
		f.text("title", title)
		files = append(files, File{path, f.done("")})
	}
	section("content/_index.md", siteTitle)
	section("content/concerns/_index.md", "Concerns")
	section("content/meetings/_index.md", "Meetings")
	section("content/teams/_index.md", "Teams")
	section("content/tags/_index.md", "Tags")

	for _, t := range s.teams {
		var f frontmatter
		f.text("title", t.title)
		f.text("representative", t.representative)
		f.blockList("members", t.members)
		files = append(files, File{"content/teams/" + t.slug + "/_index.md", f.done(t.body)})
	}
	for _, c := range s.concerns {
		files = append(files, File{"content/concerns/" + c.slug + ".md", hugoConcern(c)})
	}
	for _, m := range s.meetings {
		var f frontmatter
		f.text("title", m.title)
		f.date("date", m.date)
		f.flowList("attendees", m.attendees)
		f.flowList("attending", teamSlugs(m.teams))
		f.blockList("concerns", concernSlugs(m.concerns))
		f.actions(m.actions, true)
		files = append(files, File{"content/meetings/" + m.slug + ".md", f.done(m.body)})
	}
	for _, p := range s.pages {
		files = append(files, File{"content/" + p.slug + ".md", pageFile(p)})
	}
	var actions frontmatter
	actions.text("title", "Action items")
	actions.text("layout", "actions")
	files = append(files, File{"content/actions.md", actions.done("")})
	for _, p := range []struct{ slug, title string }{{"agenda", "Agenda"}, {"changes", "What changed"}} {
		var f frontmatter
		f.text("title", p.title)
		f.text("layout", p.slug)
		files = append(files, File{"content/" + p.slug + ".md", f.done("")})
	}

	err := fs.WalkDir(hugoTheme, "hugotheme", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := hugoTheme.ReadFile(path)
		files = append(files, File{strings.TrimPrefix(path, "hugotheme/"), data})
		return err
	})
	return files, err
}

// hugoConcern writes a concern with the same fields as the handbook's, plus
// what Hugo cannot work out itself: its place in the list as weight, its priority, its
// open state and the level words the tables show.
func hugoConcern(c *concern) []byte {
	var f frontmatter
	f.text("title", c.title)
	f.raw("weight", strconv.Itoa(c.order))
	f.raw("rank", strconv.Itoa(c.rank))
	f.date("date", c.raised)
	f.flowList("teams", []string{c.team.slug})
	f.list("tags", c.tags.asList())
	f.text("value", c.value)
	f.text("effort", c.effort)
	f.text("risk", c.risk)
	f.text("complexity", c.complexity)
	f.list("blockers", c.blockers.asList())
	f.list("evidence", c.evidence.asList())
	f.text("status", c.status)
	f.raw("open", strconv.FormatBool(model.DefaultScoring().IsOpen(c.status)))
	f.text("observable", c.observable)
	f.list("signals", c.signals.asList())
	f.text("owner", c.owner)
	f.raw("priority", strconv.FormatFloat(c.priority, 'f', 1, 64))
	f.text("valueLevel", levelWord(c.value))
	f.text("effortLevel", levelWord(c.effort))
	f.text("riskLevel", levelWord(c.risk))
	return f.done(c.body)
}

// levelWord is the level a table shows for a scored field, as the handbook
// spells it, or "" when the field gives no level.
func levelWord(s string) string {
	l, err := model.DefaultScale().ParseOptional(s)
	if err != nil || !l.Scored {
		return ""
	}
	return l.Text
}

// asList is l written as a list even when it has one item, for the Hugo
// twin's templates, which range over it.
func (l textList) asList() textList {
	if l.style == asText {
		l.style = inBlock
	}
	return l
}

func teamSlugs(ts []*team) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.slug
	}
	return out
}
