package render

import (
	"bufio"
	"bytes"
	"html/template"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/reliability-council/handbook/internal/model"
)

// markdown converts content bodies to HTML. Raw HTML stays off (goldmark
// replaces it with a comment) and links with dangerous schemes are dropped,
// which is goldmark's default without html.WithUnsafe.
type markdown struct {
	gfm goldmark.Markdown // GitHub's flavour, bare URLs and addresses made links
	// withoutLinkify is the same without Linkify, for the bodies it would
	// find nothing in: it looks for a link at every space, a fifth of the
	// time a body takes.
	withoutLinkify goldmark.Markdown
}

func newMarkdown(basePath string) *markdown {
	md := func(extensions ...goldmark.Extender) goldmark.Markdown {
		return goldmark.New(
			goldmark.WithExtensions(extensions...),
			goldmark.WithParserOptions(
				parser.WithAutoHeadingID(),
				parser.WithASTTransformers(util.Prioritized(siteLinks{base: basePath}, 100)),
			),
			// Above the table extension's renderer, at 500.
			goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(tableCells{}, 100))),
		)
	}
	return &markdown{
		gfm:            md(extension.GFM),
		withoutLinkify: md(extension.Table, extension.Strikethrough, extension.TaskList),
	}
}

// mayLinkify reports whether Linkify could change what text becomes: every
// link it makes has a scheme (http://, https://, ftp://), starts with www.
// or is an address with an @; and, looking at every space, it keeps some of
// the blanks at the end of a line that goldmark drops without it.
func mayLinkify(text []byte) bool {
	return bytes.Contains(text, []byte("://")) || bytes.Contains(text, []byte("www.")) ||
		bytes.IndexByte(text, '@') >= 0 || blankBeforeLineEnd(text)
}

// blankBeforeLineEnd reports whether a line of text ends in a space or tab.
func blankBeforeLineEnd(text []byte) bool {
	for line := range bytes.Lines(text) {
		line = bytes.TrimRight(line, "\r\n")
		if n := len(line); n > 0 && (line[n-1] == ' ' || line[n-1] == '\t') {
			return true
		}
	}
	return false
}

// Bodies gives the text of the handbook's Markdown bodies.
type Bodies interface {
	// Use calls use with the text of body, which is use's only until it
	// returns.
	Use(body model.Markdown, use func(text []byte) error) error
}

// body renders a body of the handbook, its text taken from bodies.
func (m *markdown) body(bodies Bodies, body model.Markdown) (html template.HTML, err error) {
	err = bodies.Use(body, func(text []byte) error {
		if err := costly(body, text); err != nil {
			return err
		}
		html, err = m.HTML(text)
		return err
	})
	return html, err
}

// HTML renders one body's text. A new IDs table per document keeps heading
// anchors unique within the page and independent of other pages.
func (m *markdown) HTML(text []byte) (template.HTML, error) {
	buf := buffers.Get().(*bytes.Buffer)
	defer buffers.Put(buf)
	buf.Reset()
	// goldmark writes through a bufio.Writer, and makes a new one, 4 KiB,
	// for every document it is not given one for.
	w := writers.Get().(*bufio.Writer)
	defer writers.Put(w)
	w.Reset(buf)
	ctx := parser.NewContext(parser.WithIDs(&headingIDs{}))
	md := m.withoutLinkify
	if mayLinkify(text) {
		md = m.gfm
	}
	if err := md.Convert(text, w, parser.WithContext(ctx)); err != nil { // it flushes w
		return "", err
	}
	return template.HTML(buf.String()), nil //nolint:gosec // goldmark escapes content and drops raw HTML
}

// buffers hold a body's or a fragment's HTML while it is made; reusing
// them spares growing a new one, page after page.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

var writers = sync.Pool{New: func() any { return bufio.NewWriter(nil) }}

// headingIDs makes heading anchors from the heading's words. goldmark's own
// generator drops every non-ASCII letter, so "Überwachung" would become an
// empty anchor; this one keeps letters of every script.
type headingIDs struct {
	used map[string]bool // the ids of this document so far
	// next is, for each base that has been taken, the number to try next,
	// so that the thousandth heading of one name does not try the 999
	// numbers before its own.
	next map[string]int
}

// layoutIDs are the ids the default layouts give their own sections; a
// heading in a body never takes one, so every link to a section lands there.
var layoutIDs = []string{
	"main", "next", "pictures", "glance", "by-status", "by-team", "latest",
	"assessment", "discussion", "discussed", "actions", "concerns", "meetings",
	"charts", "notes", "overdue", "open", "done",
	"history", "closed", "since", "trend", "changed", "by-owner", "undiscussed", "review",
}

func (h *headingIDs) taken(id string) bool {
	return h.used[id] || slices.Contains(layoutIDs, id)
}

func (h *headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	base := model.Slugify(string(value))
	if base == "" {
		base = "section"
	}
	id := base
	for n := max(h.next[base], 2); h.taken(id); n++ {
		id = base + "-" + strconv.Itoa(n)
		if h.next == nil {
			h.next = map[string]int{}
		}
		h.next[base] = n + 1
	}
	h.Put([]byte(id))
	return []byte(id)
}

func (h *headingIDs) Put(value []byte) {
	if h.used == nil {
		h.used = map[string]bool{}
	}
	h.used[string(value)] = true
}

// siteLinks makes links written from the site root, such as
// /concerns/etl-monitoring/, work when the handbook is published below a
// path (baseURL https://example.org/council/).
type siteLinks struct {
	base string // the baseURL's path, ending in /
}

func (s siteLinks) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	if s.base == "/" {
		return
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch l := n.(type) {
		case *ast.Link:
			l.Destination = s.rebase(l.Destination)
		case *ast.Image:
			l.Destination = s.rebase(l.Destination)
		}
		return ast.WalkContinue, nil
	})
}

func (s siteLinks) rebase(dest []byte) []byte {
	d := string(dest)
	if !strings.HasPrefix(d, "/") || strings.HasPrefix(d, "//") || strings.HasPrefix(d, s.base) {
		return dest
	}
	return []byte(s.base + d[1:])
}
