package render

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"fmt"
	"html"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/reliability-council/handbook/internal/model"
)

// feedFile is the Atom feed of the council's meetings and of the commits
// that changed its content.
const feedFile = "feed.xml"

// feedLength is how many entries the feed holds, the newest: a feed reader
// wants what is new, and the site has the rest.
const feedLength = 50

// The feed in Atom (RFC 4287), as encoding/xml writes it.
type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomPerson  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	Title   string   `xml:"title"`
	ID      string   `xml:"id"`
	Updated string   `xml:"updated"`
	Link    atomLink `xml:"link"`
	Content atomText `xml:"content"`
	at      time.Time
}

type atomText struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

// feed writes the Atom feed: an entry for each meeting held, with what
// happened since the meeting before, and one for each commit that changed
// the content, with its changes; the newest feedLength of them. Every id
// is made from the site's address and what the entry is about (a meeting's
// page, a commit's id), so the same entry keeps its id from build to
// build; the feed's own date is its newest entry's, so that the same
// content makes the same feed. Edits not committed yet are left out: they
// have no commit to name them by.
func feed(s *Site) []byte {
	h := s.Handbook
	entries := append(meetingEntries(s), commitEntries(s)...)
	slices.SortStableFunc(entries, func(a, b atomEntry) int {
		return cmp.Or(b.at.Compare(a.at), strings.Compare(a.ID, b.ID))
	})
	entries = entries[:min(len(entries), feedLength)]
	f := atomFeed{
		Title:   h.Config.Title,
		ID:      absolute(s, feedFile),
		Updated: atomTime(h.Today),
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: absolute(s, feedFile)},
			{Rel: "alternate", Type: "text/html", Href: absolute(s, "changes/")},
		},
		Author:  atomPerson{Name: h.Config.Title},
		Entries: entries,
	}
	if len(entries) > 0 {
		f.Updated = entries[0].Updated
	}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(f); err != nil {
		panic("render: the feed does not encode: " + err.Error()) // plain strings always do
	}
	b.WriteString("\n")
	return b.Bytes()
}

// meetingEntries makes an entry for each of the newest feedLength meetings
// held by the build day, in the feed's order: no older one can make the
// feed, and writing up every one of 5,000 meetings made 10 MB of garbage
// for a feed of 100 KB.
func meetingEntries(s *Site) []atomEntry {
	type held struct {
		m    *model.Meeting
		link string
	}
	newest := make([]held, len(s.Held))
	for i, m := range s.Held {
		newest[i] = held{m, absolute(s, meetingPath(m))}
	}
	slices.SortFunc(newest, func(a, b held) int {
		return cmp.Or(b.m.Date.Compare(a.m.Date), strings.Compare(a.link, b.link))
	})
	newest = newest[:min(len(newest), feedLength)]
	var out []atomEntry
	for _, n := range newest {
		m, link := n.m, n.link
		var body strings.Builder
		fmt.Fprintf(&body, "<p>Held on %s.", longDate(m.Date))
		if len(m.Concerns) > 0 {
			titles := make([]string, len(m.Concerns))
			for i, c := range m.Concerns {
				titles[i] = c.Title
			}
			fmt.Fprintf(&body, " Discussed: %s.", html.EscapeString(strings.Join(titles, "; ")))
		}
		body.WriteString("</p>")
		if counts := digestCounts(m.Since); len(counts) > 0 {
			fmt.Fprintf(&body, "<p>Since the meeting before: %s.</p>", strings.Join(counts, ", "))
		}
		out = append(out, atomEntry{
			Title: "Meeting: " + m.Title, ID: link, Updated: atomTime(m.Date), at: m.Date,
			Link: atomLink{Rel: "alternate", Type: "text/html", Href: link}, Content: atomText{Type: "html", Text: body.String()},
		})
	}
	return out
}

// digestCounts counts what a digest holds, in words: the noun takes the
// plural, the words after it do not ("7 action items agreed").
func digestCounts(d model.Digest) []string {
	var out []string
	for _, n := range []struct {
		count       int
		noun, after string
	}{
		{len(d.Raised), "new concern", ""}, {len(d.Statuses), "status change", ""}, {len(d.Rescored), "re-scoring", ""},
		{len(d.Moved), "concern", " handed over, retitled or renamed"}, {len(d.Agreed), "action item", " agreed"},
		{len(d.Done), "action item", " done"}, {len(d.Overdue), "action item", " fallen overdue"},
	} {
		if n.count > 0 {
			out = append(out, model.Plural(n.count, n.noun)+n.after)
		}
	}
	return out
}

// commitEntries makes an entry for each commit that changed the content,
// from the handbook's changes, which are newest first. Only the newest
// feedLength commits can make the feed, and the ones that share a time
// with the last of them: the older ones are not written up.
func commitEntries(s *Site) []atomEntry {
	type entry struct {
		atomEntry
		list  strings.Builder
		page  string // the first page the commit is about
		pages int    // how many pages it is about: 1, or 2 for more than one
	}
	var out []*entry
	byCommit := map[string]*entry{}
	for _, ch := range s.Handbook.Changes {
		if ch.Uncommitted {
			continue
		}
		e, seen := byCommit[ch.Commit]
		if !seen {
			if len(out) >= feedLength && ch.Time.Before(out[len(out)-1].at) {
				break
			}
			title := ch.Subject
			if title == "" {
				title = "Commit " + ch.Commit
			}
			e = &entry{atomEntry: atomEntry{
				Title: title, ID: absolute(s, "changes/") + "#commit-" + ch.Commit,
				Updated: ch.Time.Format(time.RFC3339), at: ch.Time, Content: atomText{Type: "html"},
			}}
			byCommit[ch.Commit] = e
			out = append(out, e)
		}
		page, name := changedPage(ch)
		fmt.Fprintf(&e.list, "<li><a href=\"%s\">%s</a>: %s</li>", html.EscapeString(absolute(s, page)), html.EscapeString(name),
			html.EscapeString(model.ChangeWords(ch.Kind, ch.Before, ch.After)))
		switch {
		case e.pages == 0:
			e.page, e.pages = page, 1
		case e.pages == 1 && e.page != page:
			e.pages = 2
		}
	}
	entries := make([]atomEntry, len(out))
	for i, e := range out {
		entries[i] = e.atomEntry
		entries[i].Content.Text = "<ul>" + e.list.String() + "</ul>"
		page := "changes/" // a commit that changed several pieces is told on the page of changes
		if e.pages == 1 {
			page = e.page
		}
		entries[i].Link = atomLink{Rel: "alternate", Type: "text/html", Href: absolute(s, page)}
	}
	return entries
}

// changedPage returns the page of what a change is about, and its name.
func changedPage(ch *model.Change) (string, string) {
	switch {
	case ch.Concern != nil:
		return concernPath(ch.Concern), ch.Concern.Title
	case ch.Team != nil:
		return teamPath(ch.Team), ch.Team.Title
	case ch.Meeting != nil:
		return meetingPath(ch.Meeting), ch.Meeting.Title
	}
	return "changes/", "The handbook"
}

// absolute returns the address of the page at path, its path escaped.
func absolute(s *Site, path string) string {
	return s.Config.BaseURL + (&url.URL{Path: path}).EscapedPath()
}

// atomTime writes a day as an Atom date: its start, in UTC.
func atomTime(day time.Time) string { return day.UTC().Format(time.RFC3339) }
