package resolve

import (
	"slices"
	"strings"
	"testing"

	"github.com/reliability-council/handbook/internal/load"
	"github.com/reliability-council/handbook/internal/model"
	"github.com/rogpeppe/go-internal/txtar"
)

func TestVocabularyOf(t *testing.T) {
	dir, _ := writeArchive(t, txtar.Parse([]byte(`
-- site.yaml --
title: T
baseURL: https://example.org/
scoring:
  statuses: {open: [New, doing]}
  method: nonsense
-- content/teams/ops.md --
---
title: Ops
---
-- content/teams/data.md --
---
title: Data
---
-- content/teams/Bad Name.md --
---
title: Bad
---
`)))
	site, err := load.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	v, errs := VocabularyOf(site)
	if !slices.Equal(v.Teams, []string{"data", "ops"}) {
		t.Errorf("teams %v, want data and ops: a file a build refuses is no team", v.Teams)
	}
	if !slices.Equal(v.Scoring.Open, []string{"new", "doing"}) {
		t.Errorf("open statuses %v, want site.yaml's", v.Scoring.Open)
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Msg, `unknown method "nonsense"`) {
		t.Errorf("errors %v, want site.yaml's one", errs)
	}
}

func TestCheckTeam(t *testing.T) {
	v := Vocabulary{Scoring: model.DefaultScoring(), Teams: []string{"data", "sre-platform"}}
	for _, c := range []struct{ written, want string }{
		{"data", ""},
		{"dta", `unknown team "dta" (did you mean "data"?)`},
		{"SRE / Platform", `unknown team "SRE / Platform" (write the team's slug: sre-platform)`},
		{"web", `unknown team "web" (want one of data, sre-platform)`},
	} {
		err := v.CheckTeam(c.written)
		if got := errText(err); got != c.want {
			t.Errorf("%q: %q, want %q", c.written, got, c.want)
		}
	}
	if err := (Vocabulary{}).CheckTeam("x"); err == nil || !strings.Contains(err.Error(), "no teams yet") {
		t.Errorf("no teams: %v", err)
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
