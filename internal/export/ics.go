package export

import (
	"bufio"
	"io"
	"net/url"
	"unicode/utf8"

	"github.com/reliability-council/handbook/internal/model"
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
	c := calendar{w: bufio.NewWriter(out)}
	c.line("BEGIN", "VCALENDAR")
	c.line("VERSION", "2.0")
	c.line("PRODID", "-//reliability-council//handbook//EN")
	c.line("CALSCALE", "GREGORIAN")
	c.line("METHOD", "PUBLISH")
	c.start("X-WR-CALNAME")
	c.text(h.Config.Title)
	c.text(": action items")
	c.end()
	// Each meeting's address, for its action items, worked out once.
	addresses := map[*model.Meeting]string{}
	for _, a := range h.Actions {
		if a.Due.IsZero() {
			continue
		}
		c.line("BEGIN", "VEVENT")
		c.start("UID")
		c.text(a.Meeting.Slug)
		c.buf = appendActionNumber(append(c.buf, '/'), a)
		c.text("@")
		c.text(host)
		c.end()
		c.line("DTSTAMP", stamp)
		c.start("DTSTART;VALUE=DATE")
		c.buf = a.Due.AppendFormat(c.buf, "20060102")
		c.end()
		c.start("DTEND;VALUE=DATE")
		c.buf = a.Due.AddDate(0, 0, 1).AppendFormat(c.buf, "20060102")
		c.end()
		c.start("SUMMARY")
		if a.Done {
			c.text("Done: ")
		}
		c.text(a.Task)
		c.end()
		c.start("DESCRIPTION")
		if a.Owner != "" {
			c.text("Owner: ")
			c.text(a.Owner)
			c.text("\n")
		}
		c.text("Agreed at: ")
		c.text(a.Meeting.Title)
		if a.Concern != nil {
			c.text("\nAbout: ")
			c.text(a.Concern.Title)
		}
		c.end()
		address, ok := addresses[a.Meeting]
		if !ok {
			address = escapeURI(e.actionURL(a))
			addresses[a.Meeting] = address
		}
		c.line("URL", address)
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

// calendar writes the content lines of an iCalendar file, each made in
// buf, which every line reuses: the calendar of 25,000 action items was
// 10 MB, written from 45 MB of strings made and let go. The first error of
// what it writes to stays in w, for Flush to return.
type calendar struct {
	w   *bufio.Writer
	buf []byte // the line being made
}

// line writes a property whose value is written as it is.
func (c *calendar) line(name, value string) {
	c.start(name)
	c.buf = append(c.buf, value...)
	c.end()
}

// start begins a line with the property's name.
func (c *calendar) start(name string) {
	c.buf = append(append(c.buf[:0], name...), ':')
}

// text appends part of a value of type TEXT, escaped: a backslash,
// semicolon or comma with a backslash before it, a line break as \n.
func (c *calendar) text(value string) {
	for i := 0; i < len(value); i++ {
		switch b := value[i]; b {
		case '\\', ';', ',':
			c.buf = append(c.buf, '\\', b)
		case '\r':
			if i+1 < len(value) && value[i+1] == '\n' {
				i++
			}
			c.buf = append(c.buf, '\\', 'n')
		case '\n':
			c.buf = append(c.buf, '\\', 'n')
		default:
			c.buf = append(c.buf, b)
		}
	}
}

// maxLineOctets is the longest a content line may be before its line
// break.
const maxLineOctets = 75

// end writes the line, folded: a line longer than 75 octets goes on in
// lines that start with a space, each broken between characters, never
// inside one.
func (c *calendar) end() {
	line := c.buf
	limit := maxLineOctets
	for len(line) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
		if cut == 0 { // no character starts in the line: not UTF-8, which content is
			cut = limit
		}
		_, _ = c.w.Write(line[:cut])
		_, _ = c.w.WriteString("\r\n ")
		line = line[cut:]
		limit = maxLineOctets - 1 // the space that starts the next line counts
	}
	_, _ = c.w.Write(line)
	_, _ = c.w.WriteString("\r\n")
}
