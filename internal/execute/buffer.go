package execute

import (
	"io"
	"strings"
)

// pieceSize is the size of each piece of a Buffer: more than most pages
// take, so that most are one piece, which needs no joining.
const pieceSize = 64 << 10

// Buffer holds a template's output in pieces of pieceSize. A page of
// megabytes, such as the list of every action, grows piece by piece: it
// takes what it holds and at most a piece more, where a buffer that grows
// by doubling takes up to twice what it holds, and three times while it
// copies itself into its next size. Emptied, a Buffer keeps its pieces for
// what it holds next. Told where to (SpillTo), it sends a long output on
// as it grows, holding a few pieces at most; once it has (Spilled), Bytes,
// Copy, String and WriteTo give only what it still holds. The zero value
// is empty and ready to use.
type Buffer struct {
	// pieces are the output, in order: every piece in use but the last is
	// full. Those past used are room kept from before.
	pieces [][]byte
	used   int
	length int    // the output so far, what was sent on included
	spill  *spill // where the output is sent on; nil to hold it all
	spent  *spill // the last, for the next
}

// Write appends p.
func (b *Buffer) Write(p []byte) (int, error) { return write(b, p), nil }

// WriteString appends s.
func (b *Buffer) WriteString(s string) (int, error) { return write(b, s), nil }

// write appends text, into the last piece when it has the room.
func write[T string | []byte](b *Buffer, text T) int {
	given := len(text)
	if b.spill != nil && b.spill.again > 0 {
		text = text[makeAgain(b.spill, text):]
		b.length += given - len(text)
	}
	if b.used > 0 {
		last := &b.pieces[b.used-1]
		if len(text) <= cap(*last)-len(*last) {
			*last = append(*last, text...)
			b.length += len(text)
			return given
		}
	}
	for rest := text; len(rest) > 0; {
		last := b.room()
		n := copy((*last)[len(*last):cap(*last)], rest)
		*last = (*last)[:len(*last)+n]
		rest = rest[n:]
	}
	b.length += len(text)
	return given
}

// room returns the last piece in use when it has room, else the next: one
// kept from before, or a new one.
func (b *Buffer) room() *[]byte {
	if b.used > 0 {
		if last := &b.pieces[b.used-1]; len(*last) < cap(*last) {
			return last
		}
	}
	if b.spill != nil && b.used >= spillAfter {
		b.send()
	}
	if b.used == len(b.pieces) {
		b.pieces = append(b.pieces, make([]byte, 0, pieceSize))
	}
	b.used++
	next := &b.pieces[b.used-1]
	*next = (*next)[:0]
	return next
}

// Len returns how many bytes it was given and holds, or sent on.
func (b *Buffer) Len() int { return b.length }

// Size returns how much memory it holds, in use or kept.
func (b *Buffer) Size() int { return len(b.pieces) * pieceSize }

// Truncate keeps the first n bytes, n at most Len. Of what was sent on, it
// can take back only a run's output, to the Len it began at (see mark).
func (b *Buffer) Truncate(n int) {
	b.length = n
	if b.spill != nil {
		if n < b.spill.sent {
			b.spill.takeBack(n)
			b.used = 0
			return
		}
		n -= b.spill.sent
	}
	for i := range b.used {
		if n <= len(b.pieces[i]) {
			b.pieces[i] = b.pieces[i][:n]
			b.used = i + 1
			return
		}
		n -= len(b.pieces[i])
	}
}

// Reset empties it, keeping its pieces, and forgets where it sent them.
func (b *Buffer) Reset() {
	if b.spill != nil {
		b.spill, b.spent = nil, b.spill
	}
	b.Truncate(0)
}

// Whole reports whether it holds its output in one piece, which Bytes
// then returns without copying it.
func (b *Buffer) Whole() bool { return b.used <= 1 && !b.Spilled() }

// Bytes returns what it holds, valid until it is next written or emptied:
// its one piece itself, when it is Whole, else a Copy.
func (b *Buffer) Bytes() []byte {
	if b.used == 1 {
		return b.pieces[0]
	}
	return b.Copy()
}

// Copy returns a copy of what it holds.
func (b *Buffer) Copy() []byte {
	out := make([]byte, 0, b.length)
	for _, p := range b.pieces[:b.used] {
		out = append(out, p...)
	}
	return out
}

// String returns a copy of what it holds.
func (b *Buffer) String() string {
	var s strings.Builder
	s.Grow(b.length)
	for _, p := range b.pieces[:b.used] {
		s.Write(p)
	}
	return s.String()
}

// WriteTo writes what it holds to w, piece by piece.
func (b *Buffer) WriteTo(w io.Writer) (int64, error) {
	var written int64
	for _, p := range b.pieces[:b.used] {
		n, err := w.Write(p)
		written += int64(n)
		if err != nil {
			return written, err
		}
	}
	return written, nil
}
