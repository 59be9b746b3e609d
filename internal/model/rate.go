package model

import (
	"fmt"
	"slices"
	"strings"
)

// Rate is how often something happens, in the council's words: "4/year",
// "1/month", "twice a year", "every 2 years", "monthly", each optionally
// followed by ", a note".
type Rate struct {
	Text    string  // the rate as written, before the note
	Note    string  // what followed the first comma
	PerYear float64 // how many times a year
}

// String returns the rate and its note as the council wrote them.
func (r Rate) String() string { return withNote(r.Text, r.Note) }

// ratePeriod is one period a rate may be counted in.
type ratePeriod struct {
	names   []string // the first is the one error messages name
	adverbs []string // a rate of once a period in one word: "monthly"
	perYear float64
}

// ratePeriods are the periods of a rate, shortest first. A year is 365 days,
// the year the error budget's 525,600 minutes are counted in, so a week is
// 365/7 a year; a month is a twelfth of a year.
var ratePeriods = []ratePeriod{
	{[]string{"day", "days", "d"}, []string{"daily"}, 365},
	{[]string{"week", "weeks", "wk", "wks", "w"}, []string{"weekly"}, 365.0 / 7},
	{[]string{"month", "months", "mo", "mos"}, []string{"monthly"}, 12},
	{[]string{"quarter", "quarters", "q"}, []string{"quarterly"}, 4},
	{[]string{"year", "years", "yr", "yrs", "y", "annum"}, []string{"yearly", "annually"}, 1},
}

const rateForms = "write it like 4/year, 1/month, 2 per week, every 2 years or monthly"

// ParseRate reads a rate, written in one of these forms (words in any case):
//
//	4/year, 4 / year, 4 per year, 4 a year, 4 times a year, 3 per 2 years
//	once a month, twice a year
//	every month, every 2 years, every 90 days
//	daily, weekly, monthly, quarterly, yearly, annually
//
// The periods are day, week, month, quarter and year. A rate of more than
// once a minute is refused: that is a steady error rate, not a risk.
func ParseRate(text string) (Rate, error) {
	head, note := splitNote(text)
	if head == "" {
		return Rate{}, fmt.Errorf("no frequency given (%s)", rateForms)
	}
	perYear, err := ratePerYear(head)
	if err != nil {
		return Rate{}, err
	}
	if perYear > MinutesPerYear {
		return Rate{}, fmt.Errorf("%q is more often than once a minute (write at most %d/year)", head, MinutesPerYear)
	}
	return Rate{Text: head, Note: note, PerYear: perYear}, nil
}

// rateToken is a number, a word in lower case, or a slash.
type rateToken struct {
	word   string
	number float64
	isNum  bool
}

func ratePerYear(head string) (float64, error) {
	notRate := fmt.Errorf("%q is not a rate (%s)", head, rateForms)
	toks, ok := rateTokens(head)
	if !ok || len(toks) == 0 {
		return 0, notRate
	}
	if len(toks) == 1 {
		if p, ok := periodByAdverb(toks[0].word); ok {
			return p.perYear, nil
		}
	}
	count, rest := 1.0, toks[1:]
	switch first := toks[0]; {
	case first.word == "every":
	case first.isNum || first.word == "once" || first.word == "twice":
		if first.isNum {
			count = first.number
		} else if first.word == "twice" {
			count = 2
		}
		if len(rest) > 0 && (rest[0].word == "times" || rest[0].word == "time") {
			rest = rest[1:]
		}
		if len(rest) == 0 {
			return 0, fmt.Errorf("%q says how many times but not in what period (%s)", head, rateForms)
		}
		switch rest[0].word {
		case "/", "per", "a", "an", "each":
			rest = rest[1:]
		default:
			return 0, notRate
		}
	default:
		return 0, notRate
	}
	span := 1.0 // the period counts several of its unit: "every 2 years"
	if len(rest) > 0 && rest[0].isNum {
		span, rest = rest[0].number, rest[1:]
	}
	if len(rest) != 1 || rest[0].isNum || rest[0].word == "/" {
		return 0, notRate
	}
	p, ok := periodByName(rest[0].word)
	if !ok {
		return 0, fmt.Errorf("unknown period %q in %q (want %s)", rest[0].word, head, orList(periodNames()))
	}
	if span == 0 {
		return 0, fmt.Errorf("%q never comes round (want a period longer than 0, as in every 2 years)", head)
	}
	return count * p.perYear / span, nil
}

// rateTokens splits a rate into numbers, words and slashes; anything else
// makes it no rate.
func rateTokens(s string) ([]rateToken, bool) {
	var toks []rateToken
	for s = trimSpace(s); s != ""; s = trimSpace(s) {
		if n, rest, ok := cutNumber(s); ok {
			toks, s = append(toks, rateToken{number: n, isNum: true}), rest
			continue
		}
		if s[0] == '/' {
			toks, s = append(toks, rateToken{word: "/"}), s[1:]
			continue
		}
		word, rest := cutWord(s)
		if word == "" {
			return nil, false
		}
		toks, s = append(toks, rateToken{word: strings.ToLower(word)}), rest
	}
	return toks, true
}

func periodByName(word string) (ratePeriod, bool) {
	for _, p := range ratePeriods {
		if slices.Contains(p.names, word) {
			return p, true
		}
	}
	return ratePeriod{}, false
}

func periodByAdverb(word string) (ratePeriod, bool) {
	for _, p := range ratePeriods {
		if slices.Contains(p.adverbs, word) {
			return p, true
		}
	}
	return ratePeriod{}, false
}

// periodNames lists the periods by the names error messages give them.
func periodNames() []string {
	names := make([]string, len(ratePeriods))
	for i, p := range ratePeriods {
		names[i] = p.names[0]
	}
	return names
}
