package gensite

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// The tests below check what each shape promises, on the model the files
// are written from.

func TestDefaultShape(t *testing.T) {
	s := Generate(small(defaultShape))
	for _, c := range s.concerns {
		if n := len(strings.Fields(c.body)); n < 150 || n > 420 {
			t.Errorf("%s: body of %d words, want about 150 to 400", c.slug, n)
		}
		if n := len(c.tags.items); n < 1 || n > 3 {
			t.Errorf("%s: %d tags, want 1 to 3", c.slug, n)
		}
		if len(c.blockers.items) > 3 {
			t.Errorf("%s: %d blockers, want at most 3", c.slug, len(c.blockers.items))
		}
	}
	for _, m := range s.meetings {
		if n := len(m.concerns); n < 3 || n > 30 {
			t.Errorf("%s: %d concerns discussed, want 3 to 30", m.slug, n)
		}
		if n := len(m.actions); n < 1 || n > 8 {
			t.Errorf("%s: %d actions, want 1 to 8", m.slug, n)
		}
	}
	if got := defaultShape.Meetings(10000); got != 500 {
		t.Errorf("%d meetings for 10,000 concerns, want 500", got)
	}
	for _, text := range allTitlesAndNames(s) {
		if !isASCII(text) {
			t.Errorf("%q: the default shape keeps to ASCII", text)
			break
		}
	}
}

func TestShortShape(t *testing.T) {
	s := Generate(small(shortShape))
	empty, items, most := 0, 0, 0
	styles := map[listStyle]int{}
	for _, c := range s.concerns {
		body := strings.TrimSpace(c.body)
		if body == "" {
			empty++
		}
		if strings.Contains(body, "\n") {
			t.Errorf("%s: body of more than a paragraph:\n%s", c.slug, body)
		}
		if n := strings.Count(body, ". "); n > 7 {
			t.Errorf("%s: body of %d sentences, want at most 7", c.slug, n)
		}
		n := len(c.blockers.items) + len(c.evidence.items) + len(c.signals.items)
		items += n
		most = max(most, n)
		for _, l := range []textList{c.blockers, c.evidence, c.signals, c.tags} {
			if len(l.items) > 0 {
				styles[l.style]++
			}
		}
		if n := len(c.tags.items); n < 3 || n > 12 {
			t.Errorf("%s: %d tags, want 3 to 12", c.slug, n)
		}
	}
	if empty == 0 || empty > len(s.concerns)/10 {
		t.Errorf("%d of %d bodies empty, want a few", empty, len(s.concerns))
	}
	if mean := items / len(s.concerns); mean < 15 || most < 25 {
		t.Errorf("blockers, evidence and signals: %d items a concern on average, %d at most; want long lists (15 and 25 or more)", mean, most)
	}
	for _, style := range []listStyle{inBlock, inFlow, asText} {
		if styles[style] == 0 {
			t.Errorf("no list written in style %d: the shape should vary how lists are written", style)
		}
	}
	assertOtherScripts(t, s)
}

func TestLongShape(t *testing.T) {
	s := Generate(small(longShape))
	kinds := map[byte]int{}
	outlines := map[string]string{}
	for _, c := range s.concerns {
		if n := len(c.body); n < 10*kib || n > 30*kib {
			t.Errorf("%s: body of %d bytes, want 10 to 30 KiB", c.slug, n)
		}
		if n := len(linkPattern.FindAllString(c.body, -1)); n < 15 {
			t.Errorf("%s: %d links, want many (15 or more)", c.slug, n)
		}
		outline := outline(c.body)
		for i := range len(outline) {
			kinds[outline[i]]++
		}
		if other, ok := outlines[outline]; ok {
			t.Errorf("%s and %s have the same outline %s: bodies should vary in structure", c.slug, other, outline)
		}
		outlines[outline] = c.slug
	}
	for _, kind := range []byte("PHTCLKQRBI") {
		if kinds[kind] == 0 {
			t.Errorf("no block of kind %c in any body (outline letters: P paragraph, H heading, T table, C code, L list, K task list, Q quote, R rule, B bold lead, I image)", kind)
		}
	}
	for _, m := range s.meetings {
		if n := len(m.body); n < 2*kib || n > 30*kib {
			t.Errorf("%s: notes of %d bytes, want 2 to 30 KiB", m.slug, n)
		}
	}
	assertOtherScripts(t, s)
}

func TestTagsShape(t *testing.T) {
	opts := small(tagsShape)
	s := Generate(opts)
	if opts.Meetings != 100 || len(s.meetings) != 100 {
		t.Errorf("%d meetings for %d concerns, want one for every two", len(s.meetings), opts.Concerns)
	}
	distinct := map[string]bool{}
	total := 0
	for _, c := range s.concerns {
		n := len(c.tags.items)
		if n < 3 || n > 20 {
			t.Errorf("%s: %d tags, want 3 to 20", c.slug, n)
		}
		total += n
		for _, tag := range c.tags.items {
			distinct[tag] = true
		}
	}
	if len(distinct) < 200 {
		t.Errorf("%d different tags, want hundreds", len(distinct))
	}
	if mean := float64(total) / float64(len(s.concerns)); mean < 8 {
		t.Errorf("%.1f tags a concern on average, want many (8 or more)", mean)
	}
	for _, m := range s.meetings {
		if n := len(m.actions); n < 2 || n > 8 {
			t.Errorf("%s: %d actions, want 2 to 8", m.slug, n)
		}
	}
	assertOtherScripts(t, s)
}

// TestTagsShapeAtFullSize generates the tags shape at the size the
// benchmark runs: 10,000 concerns make 5,000 meetings of 5 action items on
// average, and hundreds of tags.
func TestTagsShapeAtFullSize(t *testing.T) {
	if testing.Short() {
		t.Skip("generates 10,000 concerns")
	}
	s := Generate(Options{Concerns: 10000, Meetings: tagsShape.Meetings(10000), Teams: 40, Seed: 1, Shape: tagsShape})
	actions := 0
	for _, m := range s.meetings {
		actions += len(m.actions)
	}
	if len(s.meetings) != 5000 || actions < 24500 || actions > 25500 {
		t.Errorf("%d meetings with %d action items, want 5,000 with about 25,000", len(s.meetings), actions)
	}
	distinct := map[string]bool{}
	for _, c := range s.concerns {
		for _, tag := range c.tags.items {
			distinct[tag] = true
		}
	}
	if n := len(distinct); n < 300 || n > 999 {
		t.Errorf("%d different tags, want hundreds", n)
	}
}

// linkPattern finds Markdown links, autolinks and the bare addresses
// Linkify turns into links.
var linkPattern = regexp.MustCompile(`\]\(|\]\[|<https://|[^<(]https://|@example\.com`)

// outline names the kinds of a body's blocks, in order, a letter each.
func outline(body string) string {
	var b strings.Builder
	for block := range strings.SplitSeq(strings.TrimSpace(body), "\n\n") {
		b.WriteByte(blockKind(block))
	}
	return b.String()
}

func blockKind(block string) byte {
	for _, k := range []struct {
		prefix string
		kind   byte
	}{
		{"#", 'H'}, {"|", 'T'}, {"```", 'C'}, {"~~~", 'C'}, {"    ", 'C'}, {">", 'Q'},
		{"- [", 'K'}, {"---", 'R'}, {"* * *", 'R'}, {"___", 'R'}, {"**", 'B'}, {"![", 'I'},
		{"- ", 'L'}, {"* ", 'L'}, {"+ ", 'L'}, {"1. ", 'L'}, {"2. ", 'L'}, {"3. ", 'L'}, {"4. ", 'L'}, {"5. ", 'L'},
		{"  ", 'L'}, {"   ", 'L'},
	} {
		if strings.HasPrefix(block, k.prefix) {
			return k.kind
		}
	}
	return 'P'
}

// assertOtherScripts wants some concern and meeting titles and some names
// beyond ASCII.
func assertOtherScripts(t *testing.T, s *Site) {
	t.Helper()
	concerns, meetings, people := 0, 0, 0
	for _, c := range s.concerns {
		if !isASCII(c.title) {
			concerns++
		}
	}
	for _, m := range s.meetings {
		if !isASCII(m.title) {
			meetings++
		}
	}
	for _, tm := range s.teams {
		for _, p := range tm.members {
			if !isASCII(p) {
				people++
			}
		}
	}
	if concerns == 0 || meetings == 0 || people == 0 {
		t.Errorf("%d concern titles, %d meeting titles and %d names beyond ASCII; want some of each", concerns, meetings, people)
	}
}

func allTitlesAndNames(s *Site) []string {
	var out []string
	for _, c := range s.concerns {
		out = append(out, c.title)
	}
	for _, m := range s.meetings {
		out = append(out, m.title)
	}
	for _, tm := range s.teams {
		out = append(out, tm.members...)
	}
	return out
}

func isASCII(s string) bool { return utf8.RuneCountInString(s) == len(s) }
