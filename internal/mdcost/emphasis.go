package mdcost

// run is one run of *, _ or ~ in a block, a node in the list that
// goldmark's ProcessDelimiters goes through.
type run struct {
	prev, next        int // in the list; -1 at either end
	length, original  int
	char              byte
	canOpen, canClose bool
}

// matchEmphasis pairs the runs of emphasis marks of a block as goldmark's
// ProcessDelimiters does, and returns the steps that takes (each look at a
// run, each run taken out of the list) and how many runs there were. It
// stops at limit steps.
//
// Its runs are more than goldmark's: it does not know which marks an
// address, a link or a code span takes, and counts them all. None of them
// in noOpen opens emphasis here, so that what goldmark never pairs is not
// paired here either, and its runs are looked at as goldmark would look at
// its own, or more.
func matchEmphasis(b *blockText, noOpen []bool, limit int64) (steps int64, marks int) {
	t := b.text
	var runs []run
	for i := 0; i < len(t); i++ {
		ch := t[i]
		if (ch != '*' && ch != '_' && ch != '~') || b.escaped[i] {
			continue
		}
		j := i
		for j < len(t) && t[j] == ch {
			j++
		}
		if d, ok := scanDelimiter(b, i, j); ok {
			runs = append(runs, run{
				prev: len(runs) - 1, next: len(runs) + 1, length: j - i, original: j - i, char: ch,
				canOpen: d.canOpen && !noOpen[i], canClose: d.canClose,
			})
		}
		i = j - 1
	}
	if len(runs) == 0 {
		return 0, 0
	}
	runs[len(runs)-1].next = -1
	first := 0
	remove := func(k int) {
		steps++
		r := &runs[k]
		if r.prev >= 0 {
			runs[r.prev].next = r.next
		} else {
			first = r.next
		}
		if r.next >= 0 {
			runs[r.next].prev = r.prev
		}
	}
	for closer := first; closer >= 0 && steps <= limit; {
		c := &runs[closer]
		if !c.canClose {
			closer = c.next
			continue
		}
		opener, consume, maybeOpener := c.prev, 0, false
		for ; opener >= 0; opener = runs[opener].prev {
			steps++
			if o := &runs[opener]; o.canOpen && o.char == c.char {
				maybeOpener = true
				if consume = consumption(o, c); consume > 0 {
					break
				}
			}
		}
		if opener < 0 {
			next := c.next
			if !maybeOpener && !c.canOpen {
				remove(closer)
			}
			closer = next
			continue
		}
		o := &runs[opener]
		o.length -= consume
		c.length -= consume
		for k := o.next; k != closer; k = runs[k].next {
			remove(k)
		}
		if o.length == 0 {
			remove(opener)
		}
		if c.length == 0 {
			next := c.next
			remove(closer)
			closer = next
		}
	}
	return steps, len(runs)
}

// consumption is how many marks a pair uses up, as goldmark's
// CalcComsumption works it out, with CommonMark's rule of three.
func consumption(opener, closer *run) int {
	if (opener.canClose || closer.canOpen) && (opener.original+closer.original)%3 == 0 && closer.original%3 != 0 {
		return 0
	}
	if opener.length >= 2 && closer.length >= 2 {
		return 2
	}
	return 1
}
