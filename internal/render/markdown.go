package render

import (
	"bufio"
	"bytes"
	"io"
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

	"github.com/reliability-council/handbook/internal/execute"
	"github.com/reliability-council/handbook/internal/model"
)

// markdown converts content bodies to HTML. Raw HTML stays off (goldmark
// replaces it with a comment) and links with dangerous schemes are dropped,
// which is goldmark's default without html.WithUnsafe.
type markdown struct {
	gfm goldmark.Markdown // GitHub's flavour, bare URLs and addresses made links
	// linkifyAfter is the same, with the links made after parsing
	// (linkifyAfter) rather than by Linkify inline, which looks for a link
	// at every space: a fifth of the time a body takes.
	linkifyAfter goldmark.Markdown
	// withoutLinkify is the same without Linkify, for the bodies it would
	// find nothing in.
	withoutLinkify goldmark.Markdown
}

func newMarkdown(basePath string) *markdown {
	md := func(parseLinks parser.InlineParser, transformers []util.PrioritizedValue, extensions ...goldmark.Extender) goldmark.Markdown {
		return goldmark.New(
			goldmark.WithParser(newParser(parseLinks)),
			goldmark.WithExtensions(extensions...),
			goldmark.WithParserOptions(
				parser.WithASTTransformers(append(transformers, util.Prioritized(siteLinks{base: basePath}, 100))...),
			),
			// Above the table extension's renderer, at 500, and goldmark's
			// own, at 1000.
			goldmark.WithRendererOptions(renderer.WithNodeRenderers(
				util.Prioritized(tableCells{}, 100), util.Prioritized(links{}, 100), util.Prioritized(headingsHTML{}, 100))),
		)
	}
	withoutLinkify := []goldmark.Extender{tableExtension{}, strikethroughExtension{}, extension.TaskList}
	return &markdown{
		// Linkify asks goldmark's parser of links whether it is inside a
		// link's label (IsInLinkLabel), which linkParser cannot tell it.
		gfm:            md(parser.NewLinkParser(), nil, extension.Linkify, tableExtension{}, strikethroughExtension{}, extension.TaskList),
		linkifyAfter:   md(linkParser{}, []util.PrioritizedValue{util.Prioritized(newLinkifyAfter(), 50)}, withoutLinkify...),
		withoutLinkify: md(linkParser{}, nil, withoutLinkify...),
	}
}

// newParser returns goldmark's parser, with linkReferences in place of its
// own LinkReferenceParagraphTransformer, the parsers of parsers.go and
// lists.go in place of its own of paragraphs, emphasis and lists,
// parseLinks in place of its own parser of links, and its parsers of
// headings made anchoredHeadings, which give each heading its anchor.
func newParser(parseLinks parser.InlineParser) parser.Parser {
	inlines := replaced(parser.DefaultInlineParsers(), parser.NewEmphasisParser(), emphasis{})
	inlines = replaced(inlines, parser.NewLinkParser(), parseLinks)
	blocks := replaced(parser.DefaultBlockParsers(), parser.NewParagraphParser(), paragraphs{})
	blocks = replaced(blocks, parser.NewATXHeadingParser(), anchoredHeadings{parser.NewATXHeadingParser()})
	blocks = replaced(blocks, parser.NewSetextHeadingParser(), anchoredHeadings{parser.NewSetextHeadingParser()})
	blocks = replaced(blocks, parser.NewListParser(), lists{})
	blocks = replaced(blocks, parser.NewListItemParser(), listItems{})
	return parser.NewParser(
		parser.WithBlockParsers(blocks...),
		parser.WithInlineParsers(inlines...),
		parser.WithParagraphTransformers(util.Prioritized(linkReferences{}, 100)),
	)
}

// linkReferences is goldmark's own LinkReferenceParagraphTransformer, which
// takes link reference definitions ("[label]: /url") out of a paragraph,
// called only for a paragraph that may start with one. goldmark's makes a
// block reader for every paragraph to find out, and parses the label of
// every paragraph that starts with "[", as a link or a task does: a tenth
// of what parsing a body allocates.
type linkReferences struct{}

func (linkReferences) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	if mayDefineLink(node.Lines(), reader.Source()) {
		parser.LinkReferenceParagraphTransformer.Transform(node, reader, pc)
	}
}

// mayDefineLink reports whether a paragraph's lines may start with a link
// reference definition: their first byte that goldmark does not skip as a
// space is "[", and the label's "]" is followed by ":", on its line, as
// goldmark asks.
func mayDefineLink(lines *text.Segments, source []byte) bool {
	opens := false
	for i := range lines.Len() {
		segment := lines.At(i)
		line := segment.Value(source)
		if !opens {
			at := slices.IndexFunc(line, func(c byte) bool { return !util.IsSpace(c) })
			if at < 0 {
				continue
			}
			if line[at] != '[' {
				return false
			}
			opens = true
		}
		if bytes.Contains(line, []byte("]:")) {
			return true
		}
	}
	return false
}

// blanksBeforeLineEnd reports whether Linkify, which looks at every
// blank, would change what goldmark keeps of the blanks that end a line.
// goldmark drops them (and carriage returns among them); but where
// Linkify looked, at a space, tab, vertical tab or form feed, it keeps
// what came before: "a \t\n" is "a \n" with Linkify and "a\n" without.
// The two spaces of a hard line break are not looked at.
func blanksBeforeLineEnd(text []byte) bool {
	for line := range bytes.Lines(text) {
		content, newline := bytes.CutSuffix(line, []byte("\n"))
		switch {
		case newline && bytes.HasSuffix(content, []byte("  ")):
			content = content[:len(content)-2]
		case newline && bytes.HasSuffix(content, []byte("  \r")):
			content = content[:len(content)-3]
		}
		run := len(content)
		for run > 0 && isTrimmed(content[run-1]) {
			run--
		}
		if run < len(content) && bytes.ContainsAny(content[run+1:], " \t\v\f") {
			return true
		}
	}
	return false
}

// isTrimmed reports whether goldmark drops c at the end of a line.
func isTrimmed(c byte) bool {
	return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r'
}

// Bodies gives the text of the handbook's Markdown bodies.
type Bodies interface {
	// Use calls use with the text of body, which is use's only until it
	// returns.
	Use(body model.Markdown, use func(text []byte) error) error
}

// writer returns the theme's markdown function: it writes a body of the
// handbook, its text taken from bodies, as HTML.
func (m *markdown) writer(bodies Bodies) execute.WritesHTML[model.Markdown] {
	return func(w io.Writer, body model.Markdown) error {
		return bodies.Use(body, func(text []byte) error {
			if err := costly(body, text); err != nil {
				return err
			}
			return m.write(w, text)
		})
	}
}

// write renders one body's text to w. A new IDs table per document keeps
// heading anchors unique within the page and independent of other pages.
// goldmark escapes content and drops raw HTML.
func (m *markdown) write(w io.Writer, text []byte) error {
	// goldmark writes through a bufio.Writer, and makes a new one, 4 KiB,
	// for every document it is not given one for.
	bw := bufWriters.Get().(*bufio.Writer)
	defer bufWriters.Put(bw)
	bw.Reset(w)
	nodes := spareNodes.Get().(*nodes)
	defer nodes.release() // once the tree is written, nothing refers to its nodes
	md := m.parser(text)
	doc := parseBody(md, text, nodes)
	if doc == nil {
		md = m.gfm
		doc = parseBody(md, text, nodes)
	}
	return md.Renderer().Render(bw, text, doc) // it flushes bw
}

// parser returns the cheapest of the flavours that makes of text what
// GitHub's does. Linkify makes links only where mayLink finds what they
// need; and, looking at every space, it keeps some of the blanks at the
// end of a line that goldmark drops without it.
func (m *markdown) parser(text []byte) goldmark.Markdown {
	switch {
	case blanksBeforeLineEnd(text):
		return m.gfm
	case mayLink(text):
		return m.linkifyAfter
	}
	return m.withoutLinkify
}

// parseBody parses source with md, with a table of heading ids of its
// own, taking what nodes it can from nodes, and its context; nil when
// linkifyAfter could not tell where the links go.
func parseBody(md goldmark.Markdown, source []byte, nodes *nodes) ast.Node {
	ctx := nodes.parseContext()
	ctx.Set(nodesKey, nodes)
	nodes.clearAnchors()
	doc := md.Parser().Parse(text.NewReader(source), parser.WithContext(ctx))
	if ctx.Get(linkifyInline) != nil {
		return nil
	}
	nodes.keepAnchors(doc)
	return doc
}

var bufWriters = sync.Pool{New: func() any { return bufio.NewWriter(nil) }}

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

// reset forgets the ids of the last document, for the next.
func (h *headingIDs) reset() {
	clear(h.used)
	clear(h.next)
}

func (h *headingIDs) taken(id string) bool {
	return h.used[id] || slices.Contains(layoutIDs, id)
}

func (h *headingIDs) use(id string) {
	if h.used == nil {
		h.used = map[string]bool{}
	}
	h.used[id] = true
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
	h.use(id)
	return []byte(id)
}

func (h *headingIDs) Put(value []byte) { h.use(string(value)) }

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
