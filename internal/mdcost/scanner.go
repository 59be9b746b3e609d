package mdcost

// class is a kind of byte that one of goldmark's scans stops at.
type class int

const (
	blankClass   class = iota // the end of a link's address
	lineEndClass              // the end of an address in <>
	angleClass                // >, the end of an address in <>
	dquoteClass               // the end of a title in "
	squoteClass               // the end of a title in '
	parenClass                // ( or ), the end of a title in ()
	bracketClass              // [ or ], the end of a reference label
	numClasses
)

func (c class) matches(ch byte) bool {
	switch c {
	case blankClass:
		return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r'
	case lineEndClass:
		return ch == '\n'
	case angleClass:
		return ch == '>'
	case dquoteClass:
		return ch == '"'
	case squoteClass:
		return ch == '\''
	case parenClass:
		return ch == '(' || ch == ')'
	}
	return ch == '[' || ch == ']'
}

// escapable reports whether a backslash before a byte of the class keeps
// the scan from stopping there.
func (c class) escapable() bool { return c != blankClass && c != lineEndClass }

// scanner finds how far goldmark's scans read, with one place in the text
// for each class that only moves forward: a scan that starts before the
// place of its class is taken to read up to that place, which is never
// less than the scan reads, and all the scans of a block together move
// over it once.
type scanner struct {
	b  *blockText
	at [numClasses]int
}

func newScanner(b *blockText) *scanner { return &scanner{b: b} }

// find returns where a scan from from for the class stops: at the first
// byte of the class not escaped, or at the end of the text.
func (s *scanner) find(from int, c class) int {
	t := s.b.text
	at := max(s.at[c], from)
	for at < len(t) && !(c.matches(t[at]) && !(c.escapable() && s.b.escaped[at])) {
		at++
	}
	s.at[c] = at
	return at
}

// skipBlanks returns the first byte at or after from that is not blank.
func (s *scanner) skipBlanks(from int) int {
	t := s.b.text
	for from < len(t) && blankClass.matches(t[from]) {
		from++
	}
	return from
}

// link returns how far goldmark reads an inline link after "](", from its
// address at from: the bytes it reads, where the link ends, and whether it
// is complete (when it is not, its text is copied from the block's lines).
func (s *scanner) link(from int) (read int64, end int, complete bool) {
	t := s.b.text
	start := s.skipBlanks(from)
	stop := start
	switch {
	case start < len(t) && t[start] == ')':
		return int64(start + 1 - from), start + 1, true
	case start < len(t) && t[start] == '<':
		stop = min(s.find(start, angleClass), s.find(start, lineEndClass))
	default:
		stop = s.find(start, blankClass)
		if p := s.find(start, parenClass); p < stop && t[p] == ')' {
			return int64(p + 1 - from), p + 1, true // the address ends at its first ), and the link with it
		}
	}
	title := s.skipBlanks(stop)
	if title < len(t) && t[title] == ')' {
		return int64(title + 1 - from), title + 1, true
	}
	if title >= len(t) || (t[title] != '"' && t[title] != '\'' && t[title] != '(') {
		return int64(title - from), title, false
	}
	closer := dquoteClass
	switch t[title] {
	case '\'':
		closer = squoteClass
	case '(':
		closer = parenClass
	}
	stop = s.find(title+1, closer)
	read = int64(stop-from) + int64(s.b.lines) // the title is copied from the block's lines
	last := s.skipBlanks(stop + 1)
	return read, last + 1, last < len(t) && t[last] == ')'
}
