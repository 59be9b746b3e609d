package gensite

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"os/exec"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/reliability-council/handbook/internal/model"
)

// historyEnd is the day the generated history stops: the end of the years
// the handbook's dates are spread over.
var historyEnd = firstDay.AddDate(0, 0, days)

// secretary commits every change: one author keeps the history readable and
// the same on every run.
const secretary = "Council Secretary <secretary@example.org>"

// change is one edit in a generated handbook's past: a file written, and for
// a rename, the file it was called before.
type change struct {
	when time.Time
	seq  int // the order changes were made in, for changes at the same time
	path string
	from string // the file's old path when the change renames it, or ""
	data []byte
	what string // what the change did, in a commit message's words
}

// pastOf is the history of one site: the changes that lead to its files,
// made with their own random source so that the site itself stays the same
// with or without one.
type pastOf struct {
	g       *generator
	site    *Site
	used    map[string]bool // every concern slug ever given, now or before
	changes []change
}

// WriteRepository turns dir, which holds the files of s as WriteFiles wrote
// them, into a git repository whose history of commits commits ends in
// exactly those files: concerns raised over the years, their statuses moved
// on, re-scored, renamed and moved between teams, meetings added and their
// actions marked done later. Every commit has fixed author and committer
// dates, so the same site, commits and seed give the same commit ids. It
// needs git, and writes the history with git fast-import.
func (s *Site) WriteRepository(dir string, commits int, seed uint64) error {
	if commits < 1 {
		return fmt.Errorf("a history needs at least 1 commit")
	}
	var stream bytes.Buffer
	if err := s.writeHistory(&stream, commits, seed); err != nil {
		return err
	}
	for _, args := range [][]string{
		{"init", "--quiet", "--initial-branch=main"},
		{"fast-import", "--quiet"},
		{"reset", "--quiet"}, // the index from the last commit: the working tree is already its files
	} {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		if args[0] == "fast-import" {
			cmd.Stdin = &stream
		}
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("git %s: %v: %s", args[0], err, bytes.TrimSpace(out))
		}
	}
	return nil
}

// writeHistory writes the commits of s's past as a git fast-import stream.
func (s *Site) writeHistory(w io.Writer, commits int, seed uint64) error {
	p := &pastOf{
		g:    &generator{r: rand.New(rand.NewPCG(seed, seed^0x5851f42d4c957f2d)), shape: defaultShape},
		site: s,
		used: map[string]bool{},
	}
	for _, c := range s.concerns {
		p.used[c.slug] = true
	}
	p.founding()
	for _, c := range s.concerns {
		p.concern(c)
	}
	for _, m := range s.meetings {
		p.meeting(m)
	}
	sort.SliceStable(p.changes, func(i, j int) bool {
		a, b := p.changes[i], p.changes[j]
		if !a.when.Equal(b.when) {
			return a.when.Before(b.when)
		}
		return a.seq < b.seq
	})
	return writeCommits(w, p.changes, commits)
}

func (p *pastOf) add(c change) {
	c.seq = len(p.changes)
	p.changes = append(p.changes, c)
}

// founding adds the site's settings, teams and plain pages, as the council
// set the handbook up on its first day.
func (p *pastOf) founding() {
	for _, f := range p.site.HandbookFiles() {
		if f.path == "site.yaml" || !isConcernOrMeeting(f.path) {
			p.add(change{when: firstDay.Add(9 * time.Hour), path: f.path, data: f.data, what: "Set up the handbook"})
		}
	}
}

func isConcernOrMeeting(path string) bool {
	return strings.HasPrefix(path, "content/concerns/") || strings.HasPrefix(path, "content/meetings/")
}

// concern adds a concern's past: raised on its raised date, then up to four
// changes on later days that lead to it as it is now. The past is made
// backwards from now, each earlier version undoing one change.
func (p *pastOf) concern(now *concern) {
	g := p.g
	versions := []concern{*now}
	for range g.weighted(45, 25, 15, 10, 5) {
		versions = append([]concern{p.undo(versions[0])}, versions...)
	}
	raised := now.raised.Add(time.Duration(8+g.r.IntN(10)) * time.Hour)
	when := []time.Time{raised}
	for range versions[1:] {
		when = append(when, p.later(raised))
	}
	slices.SortFunc(when[1:], func(a, b time.Time) int { return a.Compare(b) })

	first := versions[0]
	p.add(change{when: when[0], path: concernPath(first.slug), data: concernFile(&first), what: "Raise " + strconv.Quote(first.title)})
	for i := 1; i < len(versions); i++ {
		before, after := versions[i-1], versions[i]
		c := change{when: when[i], path: concernPath(after.slug), data: concernFile(&after), what: describe(&before, &after)}
		if before.slug != after.slug {
			c.from = concernPath(before.slug)
		}
		p.add(c)
	}
}

// undo returns the version of c before one change: an earlier status, an
// earlier score, an earlier name or another team.
func (p *pastOf) undo(c concern) concern {
	g := p.g
	for {
		switch g.weighted(40, 35, 10, 15) {
		case 0:
			if earlier, ok := earlierStatus(g, c.status); ok {
				c.status = earlier
				return c
			}
		case 1:
			field := []*string{&c.value, &c.effort, &c.risk, &c.complexity}[g.weighted(35, 35, 20, 10)]
			for was := *field; *field == was; {
				*field = g.level()
			}
			return c
		case 2:
			c.title, c.slug = p.oldName(c.system)
			return c
		default:
			if teams := p.site.teams; len(teams) > 1 {
				for was := c.team; c.team == was; {
					c.team = teams[g.r.IntN(len(teams))]
				}
				return c
			}
		}
	}
}

// describe says what changed from before to after, as a commit message.
func describe(before, after *concern) string {
	switch {
	case before.status != after.status:
		return fmt.Sprintf("%s is %s", after.title, after.status)
	case before.slug != after.slug:
		return fmt.Sprintf("Rename %q to %q", before.title, after.title)
	case before.team != after.team:
		return fmt.Sprintf("Hand %q over to %s", after.title, after.team.title)
	}
	return "Re-score " + strconv.Quote(after.title)
}

// statusOrder is the way a concern usually goes, from raised to done.
var statusOrder = []string{"proposed", "accepted", "planned", model.StatusInProgress, "done"}

// earlierStatus returns the status a concern had before this one: the step
// before it on the usual way, or any open one before it was dropped.
func earlierStatus(g *generator, status string) (string, bool) {
	if status == "dropped" {
		return statusOrder[g.r.IntN(len(statusOrder)-1)], true
	}
	i := slices.Index(statusOrder, status)
	if i <= 0 {
		return "", false
	}
	return statusOrder[i-1], true
}

// oldName makes a title and slug for a concern before it was renamed, one
// no concern has ever had.
func (p *pastOf) oldName(system string) (title, slug string) {
	title = fmt.Sprintf(p.g.pick(concernTitles), system)
	base := model.Slugify(title)
	slug = base
	for n := 2; p.used[slug]; n++ {
		slug = base + "-" + strconv.Itoa(n)
	}
	p.used[slug] = true
	return title, slug
}

// later returns a moment after t and before the history ends.
func (p *pastOf) later(t time.Time) time.Time {
	span := max(int(historyEnd.Sub(t).Hours()), 2)
	return t.Add(time.Duration(1+p.g.r.IntN(span-1)) * time.Hour)
}

// meeting adds a meeting on the evening of its day, its actions not yet
// done, and each action that is done now marked so on a later day.
func (p *pastOf) meeting(now *meeting) {
	g := p.g
	held := now.date.Add(17 * time.Hour)
	m := *now
	m.actions = slices.Clone(now.actions)
	var done []int
	for i := range m.actions {
		if m.actions[i].done {
			m.actions[i].done = false
			done = append(done, i)
		}
	}
	path := "content/meetings/" + m.slug + ".md"
	p.add(change{when: held, path: path, data: meetingFile(&m), what: "Notes of " + strconv.Quote(m.title)})
	when := make([]time.Time, len(done))
	for i := range done {
		when[i] = held.Add(time.Duration(1+g.r.IntN(60*24)) * time.Hour)
		if when[i].After(historyEnd) {
			when[i] = historyEnd
		}
	}
	slices.SortFunc(when, func(a, b time.Time) int { return a.Compare(b) })
	for i, a := range done {
		m.actions[a].done = true
		p.add(change{when: when[i], path: path, data: meetingFile(&m), what: "Done: " + strconv.Quote(m.actions[a].task)})
	}
}

func concernPath(slug string) string { return "content/concerns/" + slug + ".md" }

// writeCommits shares the changes, in order, among commits commits as
// evenly as they go, each dated by its last change, and writes them as a
// fast-import stream.
func writeCommits(w io.Writer, changes []change, commits int) error {
	b := bufio.NewWriter(w)
	for i := range commits {
		batch := changes[i*len(changes)/commits : (i+1)*len(changes)/commits]
		when := firstDay.Add(time.Duration(i) * time.Minute) // an empty commit, when there are fewer changes than commits
		msg := "Tidy up"
		if len(batch) > 0 {
			when = batch[len(batch)-1].when
			msg = batch[0].what
			if n := len(batch) - 1; n > 0 {
				msg += fmt.Sprintf(" (and %s)", model.Plural(n, "more change"))
			}
		}
		stamp := fmt.Sprintf("%s %d +0000", secretary, when.Unix())
		fmt.Fprintf(b, "commit refs/heads/main\nauthor %s\ncommitter %s\ndata %d\n%s\n", stamp, stamp, len(msg), msg)
		for _, c := range batch {
			if c.from != "" {
				fmt.Fprintf(b, "D %s\n", c.from)
			}
			fmt.Fprintf(b, "M 100644 inline %s\ndata %d\n", c.path, len(c.data))
			b.Write(c.data)
			b.WriteByte('\n')
		}
		b.WriteByte('\n')
	}
	return b.Flush()
}
