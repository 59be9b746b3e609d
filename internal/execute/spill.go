package execute

import (
	"errors"
	"hash/maphash"
	"io"
)

// spillAfter is how many pieces a Buffer told where to send its output
// holds before it sends them on: a page of a quarter of a megabyte or less,
// nearly every one, is never sent piece by piece.
const spillAfter = 4

// spill is where a Buffer sends its output on, and what it needs to take
// back a run that html/template must begin again (see Set.Execute).
type spill struct {
	open func() (io.WriteCloser, error)
	w    io.WriteCloser // once opened
	sent int            // bytes sent to w, or that failed to be
	err  error          // the first of the writer's, or of a run that could not be taken back

	// A run taken back and begun again is html/template's, whose output
	// is the compiled run's byte for byte, as far as that went: the bytes
	// it makes again of what was sent are checked against them, by hash,
	// rather than sent again.
	mark   int          // where the run under way began
	sum    maphash.Hash // of the bytes sent since mark
	again  int          // of those, the bytes the run begun again has still to make
	remade maphash.Hash // of the bytes it made of them so far
}

var spillSeed = maphash.MakeSeed()

// SpillTo makes the empty Buffer send its output on to the writer open
// returns, opened once it holds more than a few pieces: a page of
// megabytes is then never held whole. Finish sends the rest and closes the
// writer. Reset forgets the writer.
func (b *Buffer) SpillTo(open func() (io.WriteCloser, error)) {
	s := b.spent // a page at a time, thousands of pages
	if s == nil {
		s = new(spill)
	}
	*s = spill{open: open}
	s.sum.SetSeed(spillSeed)
	s.remade.SetSeed(spillSeed)
	b.spill, b.spent = s, nil
}

// Spilled reports whether it sent any of its output on.
func (b *Buffer) Spilled() bool { return b.spill != nil && b.spill.sent > 0 }

// Finish sends on what it still holds, when it sent any of its output
// before, and closes the writer; it reports the writer's first error, or
// that a run begun again did not make what the first had sent. After it,
// the Buffer holds all it is given, as before SpillTo.
func (b *Buffer) Finish() error {
	s := b.spill
	if s == nil {
		return nil
	}
	if s.sent > 0 {
		b.send()
	}
	if s.again > 0 {
		s.fail(errMadeOtherwise)
	}
	err := s.err
	if s.w != nil {
		err = errors.Join(err, s.w.Close())
	}
	b.spill, b.spent = nil, s
	return err
}

var errMadeOtherwise = errors.New("a template run begun again made otherwise what the first had written")

// mark notes that a run begins at the Len it has now: Truncate may take
// back, to there, what the run sent on.
func (b *Buffer) mark() {
	if s := b.spill; s != nil {
		s.mark = b.length
		s.sum.Reset()
	}
}

// send sends on the pieces in use, and keeps them for what comes next.
func (b *Buffer) send() {
	s := b.spill
	for _, p := range b.pieces[:b.used] {
		if from := s.mark - s.sent; from < len(p) {
			_, _ = s.sum.Write(p[max(from, 0):])
		}
		s.sent += len(p)
		if s.err != nil {
			continue
		}
		if s.w == nil {
			if s.w, s.err = s.open(); s.err != nil {
				continue
			}
		}
		_, s.err = s.w.Write(p)
	}
	b.used = 0
}

// takeBack takes back what was sent on past n, the mark of the run under
// way: the run begun again makes it once more.
func (s *spill) takeBack(n int) {
	if n != s.mark {
		s.fail(errors.New("output already written cannot be taken back"))
		return
	}
	s.again = s.sent - n
	s.remade.Reset()
}

// makeAgain takes the first of text that the run begun again makes once
// more of what was sent, and returns how many bytes it took.
func makeAgain[T string | []byte](s *spill, text T) int {
	k := min(s.again, len(text))
	switch t := any(text[:k]).(type) {
	case string:
		_, _ = s.remade.WriteString(t)
	case []byte:
		_, _ = s.remade.Write(t)
	}
	s.again -= k
	if s.again == 0 && s.remade.Sum64() != s.sum.Sum64() {
		s.fail(errMadeOtherwise)
	}
	return k
}

func (s *spill) fail(err error) {
	if s.err == nil {
		s.err = err
	}
}
