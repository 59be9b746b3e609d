package export

import (
	"bufio"
	"io"
	"net/url"
	"strings"
	"unicode/utf8"
)

// WriteCalendar writes actions.ics to out: every action item with a due
// date as an all-day event on that day, in iCalendar (RFC 5545). Each
// event's UID is its action id at the site's host, so a calendar that
// subscribes to the feed updates an item rather than adding it again;
// DTSTAMP is the build date, so that the same handbook gives the same
// file.
func (e *Export) WriteCalendar(out io.Writer) error {
	h := e.h
	host := "handbook"
	if u, err := url.Parse(h.Config.BaseURL); err == nil && u.Host != "" {
		host = u.Host
	}
	stamp := h.Today.Format("20060102") + "T000000Z"
	c := calendar{bufio.NewWriter(out)}
	c.line("BEGIN", "VCALENDAR")
	c.line("VERSION", "2.0")
	c.line("PRODID", "-//reliability-council//handbook//EN")
	c.line("CALSCALE", "GREGORIAN")
	c.line("METHOD", "PUBLISH")
	c.text("X-WR-CALNAME", h.Config.Title+": action items")
	for _, a := range h.Actions {
		if a.Due.IsZero() {
			continue
		}
		summary := a.Task
		if a.Done {
			summary = "Done: " + summary
		}
		var about []string
		if a.Owner != "" {
			about = append(about, "Owner: "+a.Owner)
		}
		about = append(about, "Agreed at: "+a.Meeting.Title)
		if a.Concern != nil {
			about = append(about, "About: "+a.Concern.Title)
		}
		c.line("BEGIN", "VEVENT")
		c.text("UID", actionID(a)+"@"+host)
		c.line("DTSTAMP", stamp)
		c.line("DTSTART;VALUE=DATE", a.Due.Format("20060102"))
		c.line("DTEND;VALUE=DATE", a.Due.AddDate(0, 0, 1).Format("20060102"))
		c.text("SUMMARY", summary)
		c.text("DESCRIPTION", strings.Join(about, "\n"))
		c.line("URL", escapeURI(e.actionURL(a)))
		c.line("TRANSP", "TRANSPARENT")
		c.line("END", "VEVENT")
	}
	c.line("END", "VCALENDAR")
	return c.w.Flush()
}

// escapeURI writes an address as a URI, its path percent-encoded: a slug
// may have letters beyond ASCII, which a URI may not.
func escapeURI(addr string) string {
	u, err := url.Parse(addr)
	if err != nil {
		return addr
	}
	return u.String()
}

// calendar writes the content lines of an iCalendar file. The first error
// of what it writes to stays in w, for Flush to return.
type calendar struct{ w *bufio.Writer }

// text writes a property whose value is TEXT, escaped.
func (c *calendar) text(name, value string) {
	c.line(name, textEscaper.Replace(value))
}

// textEscaper escapes what a TEXT value may not hold as it is.
var textEscaper = strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`)

// maxLineOctets is the longest a content line may be before its line
// break.
const maxLineOctets = 75

// line writes one content line, folded: a line longer than 75 octets goes
// on in lines that start with a space, each broken between characters,
// never inside one.
func (c *calendar) line(name, value string) {
	line := name + ":" + value
	limit := maxLineOctets
	for len(line) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
		_, _ = c.w.WriteString(line[:cut])
		_, _ = c.w.WriteString("\r\n ")
		line = line[cut:]
		limit = maxLineOctets - 1 // the space that starts the next line counts
	}
	_, _ = c.w.WriteString(line)
	_, _ = c.w.WriteString("\r\n")
}
