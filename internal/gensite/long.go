package gensite

import (
	"fmt"
	"strings"

	"github.com/reliability-council/handbook/internal/model"
)

// The long shape's bodies: Markdown-heavy documents of sections, each a
// heading and a random run of paragraphs with inline markup and links,
// tables, code blocks, nested and task lists, block quotes and link lists.

const kib = 1024

// A body is at most maxBody bytes.
const maxBody = 30 * kib

// longConcernBody writes 10 to 30 KiB about c, linking to other concerns,
// its team, its tags and the handbook's own pages.
func (g *generator) longConcernBody(c *concern, all []*concern) string {
	links := func() (string, string) {
		switch g.weighted(50, 10, 10, 10) {
		case 0:
			o := all[g.r.IntN(len(all))]
			return o.title, "/concerns/" + o.slug + "/"
		case 1:
			return "the " + c.team.title + " team", "/teams/" + c.team.slug + "/"
		case 2:
			if len(c.tags.items) > 0 {
				t := g.pick(c.tags.items)
				return t, "/tags/" + t + "/"
			}
		}
		return g.pickPage()
	}
	d := g.document(topic{system: c.system, team: c.team}, links)
	return d.write(10*kib + g.r.IntN(18*kib+1))
}

// longMeetingBody writes the default notes of m and, after them, 2 to 8 KiB
// more, linking to the concerns discussed and the teams present.
func (g *generator) longMeetingBody(m *meeting) string {
	links := func() (string, string) {
		if len(m.concerns) > 0 && g.chance(0.6) {
			c := m.concerns[g.r.IntN(len(m.concerns))]
			return c.title, "/concerns/" + c.slug + "/"
		}
		if g.chance(0.5) {
			t := m.teams[g.r.IntN(len(m.teams))]
			return t.title, "/teams/" + t.slug + "/"
		}
		return g.pickPage()
	}
	notes := g.meetingBody(m)
	d := g.document(topic{team: m.teams[0]}, links)
	return notes + "\n" + d.write(2*kib+g.r.IntN(6*kib+1))
}

// pickPage returns one of the handbook's own pages to link to.
func (g *generator) pickPage() (string, string) {
	p := sitePages[g.r.IntN(len(sitePages))]
	return p.title, p.path
}

var sitePages = []struct{ title, path string }{
	{"the list of concerns", "/concerns/"}, {"all action items", "/actions/"},
	{"the meetings", "/meetings/"}, {"how we score", "/how-we-score/"},
	{"about the council", "/about/"}, {"the charts", "/charts/"}, {"every tag", "/tags/"},
}

// document writes one long body.
type document struct {
	g     *generator
	about topic
	prose *writer
	// link returns the text and address of a page of the handbook.
	link func() (text, path string)
	b    strings.Builder
}

func (g *generator) document(about topic, link func() (string, string)) *document {
	return &document{g: g, about: about, prose: g.writer(about, g.shape.prose.sentences), link: link}
}

// write adds blocks until the body has target bytes, never letting it grow
// past maxBody, and returns it.
func (d *document) write(target int) string {
	g := d.g
	d.add(d.paragraph())
	for d.b.Len() < target {
		if g.chance(0.3) || d.b.Len() < 3*kib {
			d.add(d.heading())
		}
		block := d.block()
		if d.b.Len()+2+len(block) >= maxBody {
			break
		}
		d.add(block)
	}
	d.b.WriteString("\n")
	return d.b.String()
}

func (d *document) add(block string) {
	if d.b.Len() > 0 {
		d.b.WriteString("\n\n")
	}
	d.b.WriteString(block)
}

// block writes one block, of any kind but a heading.
func (d *document) block() string {
	switch d.g.weighted(30, 10, 10, 12, 8, 8, 6, 6, 5, 3, 2) {
	case 0:
		return d.paragraph()
	case 1:
		return d.table()
	case 2:
		return d.code()
	case 3:
		return d.nestedList()
	case 4:
		return d.taskList()
	case 5:
		return d.quote()
	case 6:
		return d.linkList()
	case 7:
		return d.definitions()
	case 8:
		return d.referenceLinks()
	case 9:
		return d.g.pick([]string{"---", "* * *", "___"})
	default:
		return d.image()
	}
}

func (d *document) heading() string {
	g := d.g
	text := g.pick(g.shape.prose.headings)
	switch g.weighted(6, 2, 1, 1) {
	case 1:
		text += " for the " + d.system()
	case 2:
		text += ": *" + g.pick(g.shape.prose.tableHeadings) + "*"
	case 3:
		text = "`" + model.Slugify(d.system()) + "`: " + strings.ToLower(text)
	}
	return strings.Repeat("#", 2+g.weighted(6, 3, 1)) + " " + text
}

func (d *document) system() string {
	if d.about.system != "" {
		return d.about.system
	}
	return d.g.pick(d.g.shape.words.systems)
}

// paragraph writes two to six sentences, some with inline markup, some
// followed by a link.
func (d *document) paragraph() string {
	g := d.g
	parts := make([]string, 2+g.r.IntN(5))
	for i := range parts {
		parts[i] = d.inline(d.prose.sentence())
		if g.chance(0.35) {
			parts[i] += " " + d.linkSentence()
		}
	}
	sep := " "
	if g.chance(0.15) {
		sep = "\n" // soft line breaks, as some editors wrap
	}
	return strings.Join(parts, sep)
}

// inline wraps a run of one to three words of s in emphasis, strong,
// code or strikethrough, now and then.
func (d *document) inline(s string) string {
	g := d.g
	if !g.chance(0.45) {
		return s
	}
	words := strings.Fields(s)
	n := 1 + g.r.IntN(min(3, len(words)))
	at := g.r.IntN(len(words) - n + 1)
	mark := g.pick([]string{"**", "*", "_", "`", "~~", "***"})
	words[at] = mark + words[at]
	words[at+n-1] += mark
	return strings.Join(words, " ")
}

// linkSentence writes a sentence that holds a link: to a page of the
// handbook, to the outside world, or a bare address that Linkify finds.
func (d *document) linkSentence() string {
	g := d.g
	switch g.weighted(55, 20, 10, 8, 7) {
	case 0:
		text, path := d.link()
		return fmt.Sprintf(g.pick(linkSentences), "["+text+"]("+path+")")
	case 1:
		return fmt.Sprintf(g.pick(linkSentences), "["+g.pick(externalTexts)+"]("+d.url()+")")
	case 2:
		return "The dashboard is at " + d.url() + "."
	case 3:
		return "Questions go to oncall-" + model.Slugify(d.about.team.title) + "@example.com."
	default:
		return "More at <" + d.url() + ">."
	}
}

// url is an address outside the handbook.
func (d *document) url() string {
	g := d.g
	slug := model.Slugify(d.system())
	switch g.r.IntN(5) {
	case 0:
		return fmt.Sprintf("https://status.example.com/incidents/%d", 1000+g.r.IntN(9000))
	case 1:
		return "https://docs.example.org/runbooks/" + slug
	case 2:
		return fmt.Sprintf("https://git.example.org/%s/%s/issues/%d", model.Slugify(d.about.team.title), slug, 1+g.r.IntN(900))
	case 3:
		return fmt.Sprintf("https://grafana.example.net/d/%x/%s?orgId=1&from=now-%dd", g.r.Uint32(), slug, 1+g.r.IntN(30))
	default:
		return "https://en.wikipedia.org/wiki/" + g.pick([]string{"Site_reliability_engineering", "Service-level_objective", "Mean_time_to_recovery", "Chaos_engineering", "Circuit_breaker_design_pattern"})
	}
}

// table writes a GFM table of three to six columns and two to ten rows,
// the columns aligned in any way, the cells words, numbers, code and links.
func (d *document) table() string {
	g := d.g
	cols := g.picks(tableColumns, 3+g.r.IntN(4))
	var rows []string
	rows = append(rows, "| "+strings.Join(cols, " | ")+" |")
	align := make([]string, len(cols))
	for i := range align {
		align[i] = g.pick([]string{"---", ":--", "--:", ":-:", "------"})
	}
	rows = append(rows, "|"+strings.Join(align, "|")+"|")
	for range 2 + g.r.IntN(9) {
		cells := make([]string, len(cols))
		for i, col := range cols {
			cells[i] = d.cell(col)
		}
		rows = append(rows, "| "+strings.Join(cells, " | ")+" |")
	}
	return strings.Join(rows, "\n")
}

var tableColumns = []string{"Week", "Incidents", "Pages", "Minutes to detect", "Owner", "Region", "Service", "State", "Level", "Link", "Notes"}

func (d *document) cell(col string) string {
	g := d.g
	switch col {
	case "Week":
		return fmt.Sprintf("W%02d", 1+g.r.IntN(52))
	case "Incidents", "Pages":
		return fmt.Sprint(g.r.IntN(40))
	case "Minutes to detect":
		return fmt.Sprintf("%d.%d", g.r.IntN(180), g.r.IntN(10))
	case "Owner":
		return g.pick(d.about.team.members)
	case "Region":
		return g.pick([]string{"eu-west-1", "us-east-2", "ap-northeast-1", "Zürich", "São Paulo", "東京"})
	case "Service":
		return "`" + model.Slugify(g.pick(g.shape.words.systems)) + "`"
	case "State":
		return g.pick([]string{"✅ ok", "⚠️ degraded", "❌ down", "**paged**", "~~retired~~", "n/a"})
	case "Level":
		return g.pick(levelWords)
	case "Link":
		text, path := d.link()
		return "[" + strings.ReplaceAll(text, "|", `\|`) + "](" + path + ")"
	default:
		return g.pick([]string{"p99 < 200 ms", "A \\| B split", "see below", "retries × 3", "—", "flaky since *March*", "needs `--force`"})
	}
}

// code writes a fenced code block of three to twenty lines in one of a few
// languages, or now and then an indented one.
func (d *document) code() string {
	g := d.g
	slug := model.Slugify(d.system())
	lang := g.pick(codeLanguages)
	var lines []string
	for range 3 + g.r.IntN(18) {
		lines = append(lines, d.codeLine(lang, slug))
	}
	if g.chance(0.1) {
		return "    " + strings.Join(lines, "\n    ")
	}
	fence := g.pick([]string{"```", "```", "~~~"})
	return fence + lang + "\n" + strings.Join(lines, "\n") + "\n" + fence
}

var codeLanguages = []string{"yaml", "sh", "sql", "go", "json", "text", "promql", ""}

func (d *document) codeLine(lang, slug string) string {
	g := d.g
	n := 1 + g.r.IntN(500)
	switch lang {
	case "yaml":
		return g.pick([]string{
			fmt.Sprintf("- alert: %sDown", strings.ReplaceAll(slug, "-", "_")),
			fmt.Sprintf("  expr: up{job=%q} == 0", slug),
			fmt.Sprintf("  for: %dm", 1+n%15),
			"  labels: {severity: page}",
			fmt.Sprintf("replicas: %d", 1+n%9),
			fmt.Sprintf("timeoutSeconds: %d  # raised after the last incident", n%60),
		})
	case "sh":
		return g.pick([]string{
			fmt.Sprintf("kubectl -n %s rollout restart deploy/%s", slug, slug),
			fmt.Sprintf("curl -sf https://%s.internal/healthz || echo down", slug),
			fmt.Sprintf("journalctl -u %s --since '-%dh' | grep -c ERROR", slug, 1+n%24),
			"for i in $(seq 1 10); do ./probe --quiet \"$i\"; done",
			fmt.Sprintf("export RETRIES=%d", n%7),
		})
	case "sql":
		return g.pick([]string{
			"SELECT count(*) FROM jobs WHERE state = 'failed'",
			fmt.Sprintf("  AND finished_at > now() - interval '%d days'", 1+n%30),
			"GROUP BY date_trunc('day', finished_at)",
			fmt.Sprintf("UPDATE settings SET value = '%d' WHERE key = 'batch_size';", n),
			"ORDER BY 1 DESC LIMIT 20;",
		})
	case "go":
		return g.pick([]string{
			"ctx, cancel := context.WithTimeout(ctx, 5*time.Second)",
			"defer cancel()",
			fmt.Sprintf("if err := client.Ping(ctx); err != nil && attempt < %d {", 1+n%5),
			"\treturn fmt.Errorf(\"ping: %w\", err)",
			"}",
			fmt.Sprintf("metrics.Counter(%q).Inc()", slug+"_failures"),
		})
	case "json":
		return g.pick([]string{
			fmt.Sprintf(`{"service": %q, "status": "degraded", "since": "2024-0%d-1%dT0%d:00:00Z"},`, slug, 1+n%9, n%10, n%10),
			fmt.Sprintf(`  "errors": [%d, %d, %d],`, n, n/2, n/3),
			`  "note": "<b>not</b> escaped & raw",`,
			"}",
		})
	case "promql":
		return g.pick([]string{
			fmt.Sprintf("sum(rate(http_requests_total{job=%q, code=~\"5..\"}[5m]))", slug),
			fmt.Sprintf("  / sum(rate(http_requests_total{job=%q}[5m])) > 0.0%d", slug, 1+n%9),
			fmt.Sprintf("histogram_quantile(0.99, rate(%s_seconds_bucket[10m]))", strings.ReplaceAll(slug, "-", "_")),
		})
	default:
		return fmt.Sprintf("2024-%02d-%02dT%02d:%02d:%02dZ %s %s: %s", 1+n%12, 1+n%28, n%24, n%60, (n*7)%60,
			g.pick([]string{"ERROR", "WARN", "INFO"}), slug, g.pick([]string{"timeout after 30s", "connection reset by peer", "retrying (3/5)", "queue full, dropping message", "ok"}))
	}
}

// nestedList writes a bulleted or numbered list two or three levels deep,
// sometimes loose (blank lines between items, a second paragraph in one).
func (d *document) nestedList() string {
	g := d.g
	var lines []string
	loose := g.chance(0.2)
	ordered := g.chance(0.35)
	for i := range 2 + g.r.IntN(4) {
		marker, indent := g.pick([]string{"-", "*", "+"})+" ", "  "
		if ordered {
			marker, indent = fmt.Sprintf("%d. ", i+1), "   "
		}
		if loose && i > 0 {
			lines = append(lines, "")
		}
		lines = append(lines, marker+d.item())
		if loose && g.chance(0.3) {
			lines = append(lines, "", indent+d.inline(d.prose.sentence()))
		}
		for range g.weighted(4, 3, 2, 1) {
			lines = append(lines, indent+"- "+d.item())
			if g.chance(0.2) {
				lines = append(lines, indent+"  - "+d.item(), indent+"  - "+d.item())
			}
		}
	}
	return strings.Join(lines, "\n")
}

// item is a list item: a thing to do, a sentence or a link.
func (d *document) item() string {
	g := d.g
	switch g.weighted(5, 3, 2) {
	case 0:
		return d.inline(g.fill(g.pick(g.shape.prose.bullets), d.about))
	case 1:
		return d.inline(d.prose.sentence())
	}
	text, path := d.link()
	return "[" + text + "](" + path + ")"
}

func (d *document) taskList() string {
	g := d.g
	var lines []string
	for range 2 + g.r.IntN(6) {
		box := "[ ] "
		if g.chance(0.4) {
			box = "[x] "
		}
		lines = append(lines, "- "+box+d.inline(g.fill(g.pick(tasks), d.about)))
	}
	return strings.Join(lines, "\n")
}

// quote writes a block quote: a paragraph or two, perhaps a list or a
// quote within the quote, perhaps who said it.
func (d *document) quote() string {
	g := d.g
	var lines []string
	lines = append(lines, d.paragraph())
	if g.chance(0.4) {
		lines = append(lines, "", d.nestedList())
	}
	if g.chance(0.2) {
		lines = append(lines, "", "> "+d.prose.sentence())
	}
	if g.chance(0.5) {
		who := g.pick(d.about.team.members)
		lines = append(lines, "", "— "+who+g.pick([]string{", in the incident channel", "  \nafter the review", ""}))
	}
	quoted := strings.Split(strings.Join(lines, "\n"), "\n")
	for i, l := range quoted {
		quoted[i] = ">"
		if l != "" {
			quoted[i] += " " + l
		}
	}
	return strings.Join(quoted, "\n")
}

// linkList writes a list of five to fifteen links under a lead-in.
func (d *document) linkList() string {
	g := d.g
	lines := []string{"**" + g.pick([]string{"Further reading", "Related pages", "See also", "Links"}) + "**", ""}
	for range 5 + g.r.IntN(11) {
		if g.chance(0.7) {
			text, path := d.link()
			lines = append(lines, "- ["+text+"]("+path+")")
		} else {
			lines = append(lines, "- ["+g.pick(externalTexts)+"]("+d.url()+")")
		}
	}
	return strings.Join(lines, "\n")
}

// definitions writes terms in bold, each with its explanation.
func (d *document) definitions() string {
	g := d.g
	var paras []string
	for _, term := range g.picks(glossary, 2+g.r.IntN(3)) {
		paras = append(paras, "**"+term+".** "+d.inline(d.prose.sentence()))
	}
	return strings.Join(paras, "\n\n")
}

// referenceLinks writes a paragraph whose links are defined below it.
func (d *document) referenceLinks() string {
	text, path := d.link()
	first := d.prose.sentence()
	return fmt.Sprintf("%s See [%s][1] and [the runbook][runbook].\n\n[1]: %s\n[runbook]: %s %q",
		first, text, path, d.url(), "Runbook for the "+d.system())
}

func (d *document) image() string {
	return fmt.Sprintf("![Dashboard of the %s](/assets/dashboards/%s.png)", d.system(), model.Slugify(d.system()))
}

// linkSentences hold one %s, the link.
var linkSentences = []string{
	"See %s.", "This is also discussed in %s.", "Compare %s.",
	"%s has the background.", "The numbers come from %s.", "(More in %s.)",
}

var externalTexts = []string{
	"the vendor's status page", "the runbook", "the incident report",
	"the dashboard", "the upstream issue", "the postmortem", "the SRE book",
}

var glossary = []string{
	"Time to detect", "Time to recover", "Error budget", "Blast radius",
	"Toil", "Runbook", "Canary", "Failover", "Saturation", "Backpressure",
}
