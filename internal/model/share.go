package model

import (
	"fmt"
	"strings"
)

// Share is a percentage in the council's words: "25%", "0.5%", "99.9%",
// optionally followed by ", a note". It is the share of users a risk
// affects, an SLO, the budget cap, or a confidence.
type Share struct {
	Text     string  // the percentage as written, before the note
	Note     string  // what followed the first comma
	Fraction float64 // the share on 0..1: 25% is 0.25
}

// String returns the share and its note as the council wrote them.
func (s Share) String() string { return withNote(s.Text, s.Note) }

const shareForms = "write it like 25% or 0.5%"

// ParseShare reads a percentage from 0% to 100%. The % sign is required:
// without it, 0.25 could mean a quarter or a quarter of a percent.
func ParseShare(text string) (Share, error) {
	head, note := splitNote(text)
	if head == "" {
		return Share{}, fmt.Errorf("no percentage given (%s)", shareForms)
	}
	n, rest, ok := cutNumber(head)
	if !ok {
		return Share{}, fmt.Errorf("%q is not a percentage (%s)", head, shareForms)
	}
	switch rest = strings.TrimSpace(rest); {
	case rest == "" && n > 0 && n < 1:
		return Share{}, fmt.Errorf("%s needs a %% sign (write %s%% if it is %s of the whole, or %s%%)", head, FormatNumber(n*100), head, head)
	case rest == "":
		return Share{}, fmt.Errorf("%s needs a %% sign (write %s%%)", head, head)
	case rest != "%":
		return Share{}, fmt.Errorf("%q is not a percentage (%s)", head, shareForms)
	case n > 100:
		return Share{}, fmt.Errorf("%s is over 100%% (a share is at most the whole)", head)
	}
	return Share{Text: head, Note: note, Fraction: n / 100}, nil
}
