package model

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// ScaleLevel is one named step of the scoring scale.
type ScaleLevel struct {
	Name    string   // as shown to readers, e.g. "Medium"
	Score   float64  // its place on the scale
	Aliases []string // other words the council uses for it, e.g. "Moderate"
}

// Scale is the ordered set of levels that scored fields are written in.
type Scale []ScaleLevel

// DefaultScale is Low, Medium (also written Moderate) and High, scored 1 to 3.
func DefaultScale() Scale {
	return Scale{
		{Name: "Low", Score: 1},
		{Name: "Medium", Score: 2, Aliases: []string{"Moderate"}},
		{Name: "High", Score: 3},
	}
}

// Min returns the lowest score on the scale.
func (s Scale) Min() float64 { return s[0].Score }

// Max returns the highest score on the scale.
func (s Scale) Max() float64 { return s[len(s)-1].Score }

// Normalize places a score on 0..1, where 0 is the bottom of the scale.
func (s Scale) Normalize(score float64) float64 {
	if s.Max() == s.Min() {
		return 0.5
	}
	return (score - s.Min()) / (s.Max() - s.Min())
}

// Level is a scored field in the council's own words: "High", "Low-Medium",
// "2.5", each optionally followed by ", a note". A field that is not written
// in the scale's words (allowed for risk and complexity) keeps its text and
// has no score.
type Level struct {
	Text   string  // the level as the council wrote it, in the scale's spelling
	Note   string  // what followed the first comma
	Score  float64 // meaningful only when Scored
	Scored bool
}

// IsZero reports whether the field was left out.
func (l Level) IsZero() bool { return l.Text == "" && l.Note == "" }

// String returns the level and its note as the council wrote them.
func (l Level) String() string { return withNote(l.Text, l.Note) }

// Want describes what a scored field accepts, for error messages.
func (s Scale) Want() string {
	names := make([]string, len(s))
	for i, l := range s {
		names[i] = l.Name
	}
	example := s[0].Name
	if len(s) > 1 {
		example += "-" + s[1].Name
	}
	return fmt.Sprintf("want %s, or a range like %s", strings.Join(names, ", "), example)
}

// Parse reads a scored field that must carry a level.
func (s Scale) Parse(text string) (Level, error) {
	head, note := splitNote(text)
	if head == "" {
		return Level{}, fmt.Errorf("no level given (%s)", s.Want())
	}
	level, ok, err := s.parseHead(head)
	if err != nil {
		return Level{}, err
	}
	if !ok {
		return Level{}, &UnknownLevelError{Text: head, Scale: s}
	}
	level.Note = note
	return level, nil
}

// UnknownLevelError is a field that must carry a level but is not written
// in the scale's words.
type UnknownLevelError struct {
	Text  string
	Scale Scale
	// Near is the level name or alias Text is probably a misspelling of,
	// when whoever reports the error has found one.
	Near string
}

// Error says what is wrong and, where it can tell, how to write it.
func (e *UnknownLevelError) Error() string {
	if from, to, ok := e.Scale.rangeWrittenOtherwise(e.Text); ok {
		return fmt.Sprintf("unknown level %q (write a range with a hyphen: %s-%s)", e.Text, from, to)
	}
	if e.Near != "" {
		return fmt.Sprintf("unknown level %q (did you mean %q?)", e.Text, e.Near)
	}
	return fmt.Sprintf("unknown level %q (%s)", e.Text, e.Scale.Want())
}

// Words returns every name and alias of the scale, lowest level first.
func (s Scale) Words() []string {
	var words []string
	for _, l := range s {
		words = append(words, l.Name)
		words = append(words, l.Aliases...)
	}
	return words
}

// rangeSeparators are the ways people write a range of levels other than
// with a hyphen: "Medium to High", "Medium–High", "Medium/High".
var rangeSeparators = []string{" to ", "\u2013", "\u2014", "/", "..", " or "}

// rangeWrittenOtherwise reports whether text is two levels joined by
// something other than a hyphen, and the two as the scale spells them.
func (s Scale) rangeWrittenOtherwise(text string) (from, to string, ok bool) {
	for _, sep := range rangeSeparators {
		a, b, found := strings.Cut(strings.ToLower(text), sep)
		if !found {
			continue
		}
		lo, okLo := s.lookup(strings.TrimSpace(a))
		hi, okHi := s.lookup(strings.TrimSpace(b))
		if okLo && okHi {
			return lo.Text, hi.Text, true
		}
	}
	return "", "", false
}

// ParseOptional reads a field that may carry a level or may be plain text,
// such as a risk described in words: "ETL breaks silently". Only a number off
// the scale is an error, since it can only have been meant as a score.
func (s Scale) ParseOptional(text string) (Level, error) {
	head, note := splitNote(text)
	level, ok, err := s.parseHead(head)
	if err != nil {
		return Level{}, err
	}
	if !ok {
		return Level{Note: strings.TrimSpace(text)}, nil
	}
	level.Note = note
	return level, nil
}

// splitNote cuts a field at its first comma into what it says and a note.
func splitNote(text string) (head, note string) {
	head, note, _ = strings.Cut(text, ",")
	return strings.TrimSpace(head), strings.TrimSpace(note)
}

// withNote writes a field and its note as the council wrote them.
func withNote(text, note string) string {
	switch {
	case note == "":
		return text
	case text == "":
		return note
	}
	return text + ", " + note
}

// parseHead reads a level name, a range of two names, or a number.
func (s Scale) parseHead(head string) (Level, bool, error) {
	if l, ok := s.lookup(head); ok {
		return l, true, nil
	}
	if n, err := strconv.ParseFloat(head, 64); err == nil {
		if math.IsNaN(n) || n < s.Min() || n > s.Max() {
			return Level{}, false, fmt.Errorf("%s is off the scale (want a number from %s to %s)", head, formatScore(s.Min()), formatScore(s.Max()))
		}
		return Level{Text: head, Score: n, Scored: true}, true, nil
	}
	if from, to, ok := strings.Cut(head, "-"); ok {
		lo, okLo := s.lookup(strings.TrimSpace(from))
		hi, okHi := s.lookup(strings.TrimSpace(to))
		if okLo && okHi {
			return Level{Text: lo.Text + "-" + hi.Text, Score: (lo.Score + hi.Score) / 2, Scored: true}, true, nil
		}
	}
	return Level{}, false, nil
}

// lookup finds a level by name or alias, ignoring case, and spells it the
// scale's way.
func (s Scale) lookup(word string) (Level, bool) {
	for _, l := range s {
		if strings.EqualFold(word, l.Name) {
			return Level{Text: l.Name, Score: l.Score, Scored: true}, true
		}
		for _, a := range l.Aliases {
			if strings.EqualFold(word, a) {
				return Level{Text: a, Score: l.Score, Scored: true}, true
			}
		}
	}
	return Level{}, false
}

func formatScore(f float64) string {
	return strconv.FormatFloat(f, 'f', -1, 64)
}
