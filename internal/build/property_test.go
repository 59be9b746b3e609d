package build

import (
	"fmt"
	"io/fs"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/reliability-council/handbook/themes"
)

// TestRandomEditsRebuildAsCleanBuilds makes random sequences of edits of
// every kind and, after each, checks that the dev server's rebuild gives
// byte for byte what handbook build gives from scratch: with the default
// theme, and with a theme whose layouts read far beyond what the default
// ones do (a concern page listing its team's other concerns, rows showing
// each concern's meetings, bodies on tag and team pages, a layout the
// analysis cannot follow). A page whose dependencies were derived wrongly
// would keep stale content and fail here.
func TestRandomEditsRebuildAsCleanBuilds(t *testing.T) {
	steps := 30
	if testing.Short() {
		steps = 10
	}
	for _, theme := range []string{"default", "reader"} {
		for seed := range uint64(2) {
			t.Run(fmt.Sprintf("%s/seed%d", theme, seed), func(t *testing.T) {
				site := newRandomSite(t, theme, seed)
				s := NewSession(site.dir)
				last := rebuilt(t, s, nil)
				for step := range steps {
					changed, what := site.edit()
					last = rebuilt(t, s, last, changed...)
					if diff := differences(last.files, published(t, site.dir)); diff != "" {
						t.Fatalf("step %d (%s): the rebuild differs from a clean build: %s", step, what, diff)
					}
				}
			})
		}
	}
}

// randomSite is a small handbook on disk that edits itself at random.
type randomSite struct {
	t        *testing.T
	dir      string
	theme    string
	rnd      *rand.Rand
	teams    []string
	concerns map[string]*randomConcern
	meetings map[string]*randomMeeting
	next     int
}

type randomConcern struct {
	title, team, value, effort, risk, status, body string
	tags                                           []string
}

type randomMeeting struct {
	date     string
	concerns []string
	actions  []randomAction
	body     string
}

type randomAction struct {
	task, owner, concern string
	done                 bool
}

var (
	levels   = []string{"Low", "Low-Medium", "Medium", "Medium-High", "High"}
	statuses = []string{"proposed", "accepted", "planned", "in-progress", "done", "dropped"}
	tagNames = []string{"monitoring", "etl", "alerting", "Überwachung", "scale"}
	words    = []string{"ETL", "alerts", "deploys", "exceptions", "capacity", "SaaS", "staging", "tests"}
)

func newRandomSite(t *testing.T, theme string, seed uint64) *randomSite {
	s := &randomSite{
		t: t, dir: t.TempDir(), theme: theme, rnd: rand.New(rand.NewPCG(seed, 7)),
		teams:    []string{"ops", "data", "web", "design"},
		concerns: map[string]*randomConcern{}, meetings: map[string]*randomMeeting{},
	}
	s.write("site.yaml", "title: Random Council\nbaseURL: https://example.org/council/\ntheme: "+theme+"\n")
	if theme != "default" {
		for name, text := range readerTheme {
			s.write("themes/"+theme+"/"+name, text)
		}
	}
	for _, team := range s.teams {
		s.writeTeam(team, "Team "+team, "What "+team+" runs.")
	}
	for range 8 {
		s.addConcern()
	}
	for i := range 3 {
		s.addMeeting(fmt.Sprintf("2026-0%d-10", i+1))
	}
	return s
}

func (s *randomSite) write(rel, text string) {
	p := filepath.Join(s.dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		s.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		s.t.Fatal(err)
	}
}

func (s *randomSite) pick(list []string) string { return list[s.rnd.IntN(len(list))] }

func (s *randomSite) keys(m any) []string {
	var out []string
	switch m := m.(type) {
	case map[string]*randomConcern:
		for k := range m {
			out = append(out, k)
		}
	case map[string]*randomMeeting:
		for k := range m {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

func (s *randomSite) writeTeam(slug, title, body string) {
	s.write("content/teams/"+slug+".md", fmt.Sprintf("---\ntitle: %s\nrepresentative: Rep %s\nmembers: [Ann %s]\n---\n%s\n", title, slug, slug, body))
}

func (s *randomSite) writeConcern(slug string) string {
	c := s.concerns[slug]
	rel := "content/concerns/" + slug + ".md"
	s.write(rel, fmt.Sprintf("---\ntitle: %q\nteam: %s\nvalue: %s\neffort: %s\nrisk: %s\nstatus: %s\ntags: [%s]\n---\n%s\n",
		c.title, c.team, c.value, c.effort, c.risk, c.status, strings.Join(quoted(c.tags), ", "), c.body))
	return rel
}

func quoted(list []string) []string {
	out := make([]string, len(list))
	for i, v := range list {
		out[i] = fmt.Sprintf("%q", v)
	}
	return out
}

func (s *randomSite) writeMeeting(slug string) string {
	m := s.meetings[slug]
	var b strings.Builder
	fmt.Fprintf(&b, "---\ndate: %s\nattendees: [%s, %s]\nconcerns: [%s]\nactions:\n", m.date, s.teams[0], s.teams[1], strings.Join(m.concerns, ", "))
	for _, a := range m.actions {
		fmt.Fprintf(&b, "  - task: %q\n    owner: %s\n    due: %s\n    done: %v\n", a.task, a.owner, m.date, a.done)
		if a.concern != "" {
			fmt.Fprintf(&b, "    concern: %s\n", a.concern)
		}
	}
	if len(m.actions) == 0 {
		b.WriteString("  []\n")
	}
	fmt.Fprintf(&b, "---\n%s\n", m.body)
	rel := "content/meetings/" + slug + ".md"
	s.write(rel, b.String())
	return rel
}

func (s *randomSite) sentence() string {
	return "We worry about " + s.pick(words) + " and " + s.pick(words) + "."
}

func (s *randomSite) addConcern() string {
	s.next++
	slug := fmt.Sprintf("c%d", s.next)
	s.concerns[slug] = &randomConcern{
		title: "Concern about " + s.pick(words), team: s.pick(s.teams),
		value: s.pick(levels), effort: s.pick(levels), risk: s.pick(levels), status: s.pick(statuses),
		tags: []string{s.pick(tagNames)}, body: s.sentence(),
	}
	return s.writeConcern(slug)
}

func (s *randomSite) addMeeting(date string) string {
	s.next++
	slug := fmt.Sprintf("m%d", s.next)
	concerns := s.keys(s.concerns)
	m := &randomMeeting{date: date, concerns: []string{s.pick(concerns), s.pick(concerns)}, body: s.sentence()}
	m.concerns = slices.Compact(slices.Sorted(slices.Values(m.concerns)))
	m.actions = []randomAction{{task: "Look at " + s.pick(words), owner: "Ann " + s.pick(s.teams), concern: m.concerns[0]}}
	s.meetings[slug] = m
	return s.writeMeeting(slug)
}

// edit makes one random edit and returns the files it changed and what it
// did.
func (s *randomSite) edit() ([]string, string) {
	concerns, meetings := s.keys(s.concerns), s.keys(s.meetings)
	c := s.pick(concerns)
	cc := s.concerns[c]
	m := s.pick(meetings)
	mm := s.meetings[m]
	switch s.rnd.IntN(15) {
	case 0:
		cc.title = "Concern about " + s.pick(words) + " " + s.pick(words)
		return []string{s.writeConcern(c)}, c + " title"
	case 1:
		cc.value, cc.effort = s.pick(levels), s.pick(levels)
		return []string{s.writeConcern(c)}, c + " levels"
	case 2:
		cc.status = s.pick(statuses)
		return []string{s.writeConcern(c)}, c + " status"
	case 3:
		cc.team = s.pick(s.teams)
		return []string{s.writeConcern(c)}, c + " team"
	case 4:
		cc.body = s.sentence()
		return []string{s.writeConcern(c)}, c + " body"
	case 5:
		cc.tags = []string{s.pick(tagNames), s.pick(tagNames)}
		cc.tags = slices.Compact(slices.Sorted(slices.Values(cc.tags)))
		return []string{s.writeConcern(c)}, c + " tags"
	case 6:
		if slices.Contains(mm.concerns, c) && len(mm.concerns) > 1 {
			mm.concerns = slices.DeleteFunc(mm.concerns, func(x string) bool { return x == c })
		} else if !slices.Contains(mm.concerns, c) {
			mm.concerns = slices.Sorted(slices.Values(append(mm.concerns, c)))
		}
		return []string{s.writeMeeting(m)}, m + " concerns"
	case 7:
		mm.body = s.sentence()
		return []string{s.writeMeeting(m)}, m + " body"
	case 8:
		if len(mm.actions) > 0 {
			mm.actions[0].done = !mm.actions[0].done
		}
		mm.actions = append(mm.actions, randomAction{task: "Check " + s.pick(words), owner: "Ann " + s.pick(s.teams)})
		return []string{s.writeMeeting(m)}, m + " actions"
	case 9:
		team := s.pick(s.teams)
		s.writeTeam(team, "Team "+team+" "+s.pick(words), s.sentence())
		return []string{"content/teams/" + team + ".md"}, team + " title and body"
	case 10:
		return []string{s.addConcern()}, "a new concern"
	case 11:
		if len(concerns) <= 3 {
			return []string{s.addConcern()}, "a new concern"
		}
		// Remove a concern no meeting lists.
		for _, x := range concerns {
			listed := false
			for _, mt := range s.meetings {
				listed = listed || slices.Contains(mt.concerns, x)
				for _, a := range mt.actions {
					listed = listed || a.concern == x
				}
			}
			if !listed {
				delete(s.concerns, x)
				rel := "content/concerns/" + x + ".md"
				if err := os.Remove(filepath.Join(s.dir, rel)); err != nil {
					s.t.Fatal(err)
				}
				return []string{rel}, "concern " + x + " removed"
			}
		}
		return []string{s.addConcern()}, "a new concern"
	case 12:
		mm.date = fmt.Sprintf("2026-%02d-%02d", 1+s.rnd.IntN(12), 1+s.rnd.IntN(28))
		return []string{s.writeMeeting(m)}, m + " date"
	case 13:
		// A layout: the reader theme's own, or an override of a default one.
		name := s.pick(slices.Sorted(maps.Keys(readerTheme)))
		text, ok := readerTheme[name]
		if s.theme == "default" {
			data, err := fs.ReadFile(themes.Default(), name)
			if err != nil {
				s.t.Fatal(err)
			}
			text, ok = string(data), true
		}
		if !ok || !strings.Contains(text, "</h1>") {
			text = strings.Replace(text, "{{end}}", "<p>"+s.pick(words)+"</p>{{end}}", 1)
		} else {
			text = strings.Replace(text, "</h1>", "</h1><p>"+s.pick(words)+"</p>", 1)
		}
		rel := "themes/" + s.theme + "/" + name
		s.write(rel, text)
		return []string{rel}, "layout " + name
	default:
		s.write("site.yaml", "title: Random Council "+s.pick(words)+"\nbaseURL: https://example.org/council/\ntheme: "+s.theme+"\n")
		return []string{"site.yaml"}, "the site's title"
	}
}

// readerTheme overrides the default theme's layouts with ones that read
// much more of the handbook through the documented template API.
var readerTheme = map[string]string{
	"layouts/concern.html": `{{define "main"}}{{with .Concern}}
<h1>{{.Title}}</h1>
<p>{{.Team.Title}}: {{range .Team.Concerns}}<a href="{{url .}}">{{.Title}}</a> ({{statusLabel .Status}}, {{len .Meetings}} meetings) {{end}}</p>
<p>Tags: {{range .Tags}}{{.Name}} ({{len .Concerns}}) {{end}}</p>
{{range .Meetings}}<p>{{.Title}} on {{date .Date}} with {{range .Concerns}}{{.Title}} {{end}}</p>{{end}}
{{markdown $.Body}}
{{end}}{{end}}
`,
	"layouts/tag.html": `{{define "main"}}<h1>{{.Tag.Name}}</h1>
{{range .Tag.Concerns}}<h2>{{.Title}} of {{.Team.Title}}</h2>{{markdown .Body}}{{end}}
{{end}}
`,
	"layouts/team.html": `{{define "main"}}<h1>{{.Team.Title}}</h1>
{{template "concern-table" (concernTable "Ours" .Team.Concerns false)}}
{{range .Team.Concerns}}<section><h2>{{.Title}}</h2>{{markdown .Body}}{{range .Actions}}<p>{{.Task}} ({{state .}})</p>{{end}}</section>{{end}}
{{range .Team.Meetings}}<p>{{.Title}}: {{len .Actions}} actions</p>{{end}}
{{end}}
`,
	"layouts/meeting.html": `{{define "main"}}{{with .Meeting}}<h1>{{.Title}}</h1>
{{range .Concerns}}<p>{{.Title}} ({{.Team.Title}}, {{.Value.Text}}) {{markdown .Body}}</p>{{end}}
{{range .Actions}}<p>{{.Task}} by {{.Owner}}{{with .Concern}} about {{.Title}} of {{.Team.Title}}{{end}}</p>{{end}}
{{end}}{{end}}
`,
	// A variable assigned to: the analysis cannot follow it, so every page
	// of this layout depends on everything.
	"layouts/meetings.html": `{{define "main"}}{{$last := ""}}<h1>Meetings</h1>
{{range .Site.Meetings}}{{$last = .Title}}<p>{{.Title}}</p>{{end}}<p>Last: {{$last}}</p>
{{end}}
`,
	"layouts/partials/concern-table.html": `{{define "concern-table"}}<table><caption>{{.Caption}}</caption>
{{range .Concerns}}{{concernRow . $.WithTeam}}{{end}}</table>{{end}}
{{define "status"}}<strong>{{statusLabel .}}</strong>{{end}}
{{define "level-word"}}{{.Text}}{{end}}
{{define "concern-row"}}{{with .Concern}}<tr><td>{{.Rank}}</td><td>{{.Title}}</td><td>{{len .Meetings}}: {{range .Meetings}}{{.Title}} {{date .Date}}; {{end}}</td>{{if $.WithTeam}}<td>{{.Team.Title}}</td>{{end}}<td>{{statusLabel .Status}}</td></tr>{{end}}{{end}}
`,
}
