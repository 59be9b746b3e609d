package model

import "testing"

func TestStatusLooks(t *testing.T) {
	statuses := []string{"proposed", "blocked", "accepted", "waiting", "done"}
	looks := StatusLooks(statuses, map[string]string{"accepted": "wine", "waiting": "blue"})
	seen := map[Look]string{}
	for _, st := range statuses {
		l := looks[st]
		if l.Colour.Hex == "" || l.Pattern == "" {
			t.Errorf("%s has no look: %+v", st, l)
		}
		if other, ok := seen[l]; ok {
			t.Errorf("%s and %s look the same: %+v", st, other, l)
		}
		seen[l] = st
	}
	if looks["accepted"].Colour.Name != "wine" || looks["accepted"].Pattern != "slash" {
		t.Errorf("a colour named in site.yaml wins over the default, the pattern stays: %+v", looks["accepted"])
	}
	if looks["proposed"] != DefaultScoring().Looks["proposed"] {
		t.Errorf("proposed %+v, want its default look", looks["proposed"])
	}
	// blocked takes the first colour no status has: blue is named for
	// waiting, so orange.
	if looks["blocked"].Colour.Name != "orange" {
		t.Errorf("blocked: %+v", looks["blocked"])
	}
}

func TestTeamLooksDifferUpToTwelve(t *testing.T) {
	seen := map[Look]int{}
	for i := range 3 * TeamColours {
		l := TeamLook(i)
		if j, ok := seen[l]; ok {
			t.Errorf("teams %d and %d look the same: %+v", j, i, l)
		}
		seen[l] = i
		if i < TeamColours && l.Pattern != "solid" {
			t.Errorf("team %d has a pattern while colours last: %+v", i, l)
		}
	}
}
