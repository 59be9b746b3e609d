package export

import (
	"io"
	"math"
	"strconv"
	"time"

	"github.com/reliability-council/handbook/internal/jsonquote"
)

// jsonWriter appends JSON to a buffer, value by value, writing the commas
// itself. It does by hand what encoding/json does by reflection, ten times
// faster: handbook.json holds every concern of the handbook, and is made
// on every build and every save in the preview. It writes strings as
// encoding/json does with SetEscapeHTML(false), and numbers in the
// shortest form that reads back the same. A writer with an out hands
// what it holds on to out as it grows, at the places the file's writer
// spills it, so that a file of tens of megabytes is never held whole.
type jsonWriter struct {
	b   []byte
	out io.Writer
	err error // out's first
}

// spillAt is how much JSON a writer holds before spill hands it on.
const spillAt = 64 << 10

// spill hands on what w holds once it is spillAt or more: all but its last
// byte, which sep reads.
func (w *jsonWriter) spill() {
	if n := len(w.b); n >= spillAt && w.err == nil {
		_, w.err = w.out.Write(w.b[:n-1])
		w.b = append(w.b[:0], w.b[n-1])
	}
}

// finish hands on the rest, and returns out's first error.
func (w *jsonWriter) finish() error {
	if w.err == nil {
		_, w.err = w.out.Write(w.b)
	}
	w.b = w.b[:0]
	return w.err
}

// sep writes the comma before a key or a list's element, unless it is the
// first, or the value of the key just written.
func (w *jsonWriter) sep() {
	if n := len(w.b); n > 0 {
		switch w.b[n-1] {
		case '{', '[', ':':
		default:
			w.b = append(w.b, ',')
		}
	}
}

func (w *jsonWriter) open()     { w.sep(); w.b = append(w.b, '{') }
func (w *jsonWriter) close()    { w.b = append(w.b, '}') }
func (w *jsonWriter) openList() { w.sep(); w.b = append(w.b, '[') }
func (w *jsonWriter) closeList() {
	w.b = append(w.b, ']')
}

// key writes an object's key, a name of the format that needs no
// escaping; its value comes next.
func (w *jsonWriter) key(k string) {
	w.sep()
	w.b = append(w.b, '"')
	w.b = append(w.b, k...)
	w.b = append(w.b, '"', ':')
}

func (w *jsonWriter) null() { w.sep(); w.b = append(w.b, "null"...) }

func (w *jsonWriter) str(s string) { w.sep(); w.b = jsonquote.Append(w.b, s) }

// text writes s, or null when it is empty: a text not recorded.
func (w *jsonWriter) text(s string) {
	if s == "" {
		w.null()
		return
	}
	w.str(s)
}

func (w *jsonWriter) boolean(v bool) {
	w.sep()
	w.b = strconv.AppendBool(w.b, v)
}

func (w *jsonWriter) integer(n int) {
	w.sep()
	w.b = strconv.AppendInt(w.b, int64(n), 10)
}

// number writes f as encoding/json does: plain digits, or an exponent
// for the very small and the very large.
func (w *jsonWriter) number(f float64) {
	w.sep()
	format := byte('f')
	if a := math.Abs(f); a != 0 && (a < 1e-6 || a >= 1e21) {
		format = 'e'
	}
	w.b = strconv.AppendFloat(w.b, f, format, -1, 64)
}

// date writes a day as YYYY-MM-DD, or null for none.
func (w *jsonWriter) date(t time.Time) {
	if t.IsZero() {
		w.null()
		return
	}
	w.sep()
	w.b = append(w.b, '"')
	w.b = t.AppendFormat(w.b, time.DateOnly)
	w.b = append(w.b, '"')
}

// strs writes a list of texts; nil is [].
func (w *jsonWriter) strs(list []string) {
	w.openList()
	for _, s := range list {
		w.str(s)
	}
	w.closeList()
}
