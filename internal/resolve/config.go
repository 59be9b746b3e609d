package resolve

import (
	"net/url"
	"strings"

	"github.com/reliability-council/handbook/internal/load"
	"github.com/reliability-council/handbook/internal/model"
)

// config reads site.yaml, filling in the documented defaults.
func config(doc *load.Document, errs *model.ErrorList) model.Config {
	f := docFields(doc, configKeys, errs)
	f.require(configKeys)
	c := model.Config{
		Title:       f.title(),
		BaseURL:     f.text("baseURL"),
		Description: f.description(),
		Language:    f.text("language"),
		Theme:       f.text("theme"),
		EditURL:     f.text("editURL"),
	}
	sf := f.mapping("scoring", scoringKeys.names)
	c.Scoring = scoring(sf)
	if sf != nil {
		c.Scoring.ReviewEvery = reviewEvery(sf)
	}
	c.Scoring.SLO = parsed(f, "slo", model.ParseSLO)
	c.Scoring.BudgetCap = budgetCap(f)
	// A method that needs an SLO is not reported when the SLO is there but
	// wrong: its own error says enough. Only a method set in scoring can
	// fail to work with the rest.
	sloWrong := f.has("slo") && c.Scoring.SLO.Text == ""
	if err := c.Scoring.Validate(); err != nil && sf != nil && !sloWrong {
		sf.failKey("method", "%v", err)
	}
	if c.Language == "" {
		c.Language = "en"
	}
	if c.Theme == "" {
		c.Theme = "default"
	}
	if address(f, "baseURL", c.BaseURL, "https://handbook.example.org/") && !strings.HasSuffix(c.BaseURL, "/") {
		c.BaseURL += "/"
	}
	address(f, "editURL", c.EditURL, "https://github.com/org/handbook/edit/main/")
	return c
}

// address checks an address that the addresses of pages or of their
// sources begin with, reporting whatever would make those wrong. A query
// or a fragment is refused rather than dropped: pasted from a browser's
// address bar, it says the address is not the one meant, and whoever wrote
// it should see which is. A user name or password would be published in
// every page; the message does not repeat it, as it may be a secret.
func address(f *fields, key, raw, example string) bool {
	if raw == "" {
		return false
	}
	u, err := url.Parse(raw)
	switch {
	case err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "":
		f.failKey(key, "want an absolute http or https address such as %s, found %q", example, raw)
	case u.User != nil:
		f.failKey(key, "has a user name or password in it (the part before @), which the published pages would show (remove it)")
	case u.RawQuery != "" || u.ForceQuery:
		f.failKey(key, "has a query (?%s): addresses are made by adding to its path, so it cannot have one (remove it)", u.RawQuery)
	case u.Fragment != "" || strings.Contains(raw, "#"):
		f.failKey(key, "has a fragment (#%s): addresses are made by adding to its path, so it cannot have one (remove it)", u.Fragment)
	default:
		return true
	}
	return false
}

func scoring(f *fields) model.Scoring {
	s := model.DefaultScoring()
	if f == nil {
		return s
	}
	if f.has("scale") {
		s.Scale = scale(f)
	}
	if st := f.mapping("statuses", statusesKeys.names); st != nil {
		s.Open, s.Closed = statusList(st, "open"), statusList(st, "closed")
		if len(s.Open) == 0 {
			st.failKey("open", "want at least one open status, e.g. open: [proposed, accepted]")
			s.Open = model.DefaultScoring().Open
		}
		seen := map[string]bool{}
		for _, name := range s.Statuses() {
			if seen[name] {
				f.failKey("statuses", "status %q is listed twice", name)
			}
			seen[name] = true
		}
		s.Looks = model.StatusLooks(s.Statuses(), statusColours(st, s.Statuses()))
	}
	if name := strings.ToLower(f.text("method")); name != "" {
		m, ok := model.MethodNamed(name)
		if !ok {
			f.failKey("method", "unknown method %q (%s)", name, suggest(name, model.MethodNames()))
		}
		s.Method = m
	}
	if w := f.mapping("weights", weightKeys.names); w != nil {
		d := s.Weights
		s.Weights = model.Weights{
			Value:      weight(w, "value", d.Value),
			Risk:       weight(w, "risk", d.Risk),
			Effort:     weight(w, "effort", d.Effort),
			Complexity: weight(w, "complexity", d.Complexity),
			Blockers:   weight(w, "blockers", d.Blockers),
			BlockerCap: blockerCap(w, d.BlockerCap),
		}
	}
	return s
}

// statusList reads a list of statuses, which are matched without regard to
// case and so kept in lower case.
func statusList(f *fields, key string) []string {
	list := f.list(key)
	for i, st := range list {
		list[i] = strings.ToLower(st)
	}
	return list
}

// statusColours reads the colours that site.yaml names for statuses, as
// status: colour, each a status listed and a colour of the palette.
func statusColours(f *fields, statuses []string) map[string]string {
	c := f.mapping("colours", statuses)
	if c == nil {
		return nil
	}
	out := map[string]string{}
	for _, st := range statuses {
		name := strings.ToLower(c.text(st))
		if name == "" {
			continue
		}
		if _, ok := model.ColourNamed(name); !ok {
			c.failKey(st, "unknown colour %q (%s)", name, suggest(name, model.ColourNames()))
			continue
		}
		out[st] = name
	}
	return out
}

func weight(f *fields, key string, def float64) float64 {
	n := f.number(key, def)
	if n < 0 {
		f.failKey(key, "want a weight of 0 or more, found %v", n)
		return def
	}
	return n
}

// budgetCap reads the share of an error budget a single risk may take
// before it must be fixed, or gives the default.
func budgetCap(f *fields) model.Share {
	def := model.DefaultScoring().BudgetCap
	c := parsed(f, "budgetCap", model.ParseShare)
	switch {
	case c.Text == "":
		return def
	case c.Fraction == 0:
		f.failKey("budgetCap", "%s would make every risk a must-fix (want a share of the budget above 0%%, e.g. 25%%)", c.Text)
		return def
	}
	return c
}

func blockerCap(f *fields, def int) int {
	n := f.number("blockerCap", float64(def))
	if n < 1 || n != float64(int(n)) {
		f.failKey("blockerCap", "want a whole number of blockers, 1 or more, found %v", n)
		return def
	}
	return int(n)
}

// scale reads a custom scale: a list of levels from lowest to highest. A
// scale with mistakes gives way to the default one, so that its error is
// not repeated for every concern read with it.
func scale(f *fields) model.Scale {
	before := len(*f.errs)
	var s model.Scale
	for _, item := range f.items("scale") {
		lf := newFields(f.file, &item, levelKeys.names, f.errs)
		lf.require(levelKeys)
		l := model.ScaleLevel{Name: lf.text("level"), Score: lf.number("score", 0), Aliases: lf.list("aliases")}
		for _, name := range append([]string{l.Name}, l.Aliases...) {
			if strings.ContainsAny(name, "-,") {
				lf.failKey("level", "%q cannot be a level name: - writes a range and , starts a note", name)
			}
		}
		if n := len(s); n > 0 && l.Score <= s[n-1].Score {
			lf.failKey("score", "levels must go from lowest to highest score, but %v is not above %v", l.Score, s[n-1].Score)
		}
		s = append(s, l)
	}
	if len(s) < 2 {
		f.failKey("scale", "want at least two levels, from lowest to highest")
	}
	if len(*f.errs) > before {
		return model.DefaultScale()
	}
	return s
}
