package model

import "testing"

func TestParseSLO(t *testing.T) {
	for in, want := range map[string]string{
		"99.9%":                      "",
		"99.5%, reports may be late": "",
		"100%":                       "100% leaves no error budget (want an SLO below 100%, e.g. 99.9%)",
		"0%":                         "0% promises nothing (want an SLO above 0%, e.g. 99.9%)",
		"99.9":                       "99.9 needs a % sign (write 99.9%)",
	} {
		_, err := ParseSLO(in)
		if got := errText(err); got != want {
			t.Errorf("ParseSLO(%q) error = %q, want %q", in, got, want)
		}
	}
}

func share(t *testing.T, s string) Share {
	t.Helper()
	sh, err := ParseShare(s)
	if err != nil {
		t.Fatal(err)
	}
	return sh
}

// TestBudgetMinutes checks the yearly error budget of an SLO, (1 − SLO) ×
// 525,600 minutes, and the cap on a single risk, as Google CRE's "Know thy
// enemy" article defines them: at its 99.9% and 25%, 525.6 bad minutes a
// year and 131.4 for one risk. The other cases are the usual nines, worked
// out by hand from the same definitions.
func TestBudgetMinutes(t *testing.T) {
	for _, tt := range []struct {
		slo, cap     string
		minutes, max float64
	}{
		{"99.9%", "25%", 525.6, 131.4},
		{"99.5%", "25%", 2628, 657},
		{"99%", "25%", 5256, 1314},
		{"99.95%", "25%", 262.8, 65.7},
		{"99.99%", "25%", 52.56, 13.14},
		{"99.999%", "10%", 5.256, 0.5256},
		{"50%", "100%", 262800, 262800},
	} {
		b := NewBudget(nil, share(t, tt.slo), share(t, tt.cap))
		if b.Minutes != tt.minutes || b.Cap != tt.max || b.Unallocated != tt.minutes {
			t.Errorf("SLO %s, cap %s: budget %v, cap %v, unallocated %v; want %v, %v", tt.slo, tt.cap, b.Minutes, b.Cap, b.Unallocated, tt.minutes, tt.max)
		}
	}
}

// risks returns concerns estimated to cost the given bad minutes a year:
// each an outage of every user detected in a minute and over at once, that
// many times a year.
func risks(t *testing.T, minutes ...float64) []*Concern {
	t.Helper()
	list := make([]*Concern, len(minutes))
	for i, m := range minutes {
		c := &Concern{Title: string(rune('A' + i)), ETTD: Duration{Text: "1m", Minutes: 1}, ETTR: Duration{Text: "0m"}, Impact: Share{Text: "100%", Fraction: 1}, Frequency: Rate{Text: "x", PerYear: m}}
		c.Exposure = Expose(c)
		list[i] = c
	}
	return list
}

type wantAllocation struct {
	title      string
	cumulative float64
	mustFix    bool
	fits       bool
}

func checkAllocations(t *testing.T, b *Budget, want []wantAllocation) {
	t.Helper()
	if len(b.Allocations) != len(want) {
		t.Fatalf("%d allocations, want %d", len(b.Allocations), len(want))
	}
	for i, w := range want {
		a := b.Allocations[i]
		got := wantAllocation{a.Concern.Title, a.Cumulative, a.MustFix, a.Fits}
		if got != w || a.Budget != b || a.Concern.Allocation != a {
			t.Errorf("allocation %d = %+v, want %+v", i, got, w)
		}
	}
}

// TestAllocateMustFix follows the article's stack rank against a 99.9%
// budget of 525.6 minutes with a cap of 131.4, on risks made up for it: the
// two above the cap must be fixed; the others, smallest first, fit.
func TestAllocateMustFix(t *testing.T) {
	b := NewBudget(nil, share(t, "99.9%"), share(t, "25%"))
	b.Allocate(risks(t, 165, 72, 15, 131.4, 200))
	// Largest first. Running totals from the smallest: 15, 15 + 72 = 87,
	// 87 + 131.4 = 218.4, 218.4 + 165 = 383.4, 383.4 + 200 = 583.4.
	// 131.4 is exactly the cap, so it is not above it.
	checkAllocations(t, b, []wantAllocation{
		{"E", 583.4, true, false},
		{"A", 383.4, true, false},
		{"D", 218.4, false, true},
		{"B", 87, false, true},
		{"C", 15, false, true},
	})
	if b.Expected != 583.4 || b.Accepted != 218.4 || b.Unallocated != 307.2 || b.Over != 57.8 || b.MustFix != 2 {
		t.Errorf("expected %v, accepted %v, unallocated %v, over %v, must-fix %d; want 583.4, 218.4, 307.2, 57.8, 2", b.Expected, b.Accepted, b.Unallocated, b.Over, b.MustFix)
	}
	// 165 / 525.6 = 31.392694%; 131.4 / 525.6 = 25%.
	if p := b.Allocations[1].Percent; p != 31.392694 {
		t.Errorf("165 of 525.6 is %v%%, want 31.392694", p)
	}
	if p := b.Allocations[2].Percent; p != 25 {
		t.Errorf("131.4 of 525.6 is %v%%, want 25", p)
	}
}

// TestAllocateOverflow fills a 99.99% budget (52.56 minutes, cap 13.14)
// with risks none of which is above the cap, but which together do not fit.
func TestAllocateOverflow(t *testing.T) {
	b := NewBudget(nil, share(t, "99.99%"), share(t, "25%"))
	b.Allocate(risks(t, 10, 13, 13.14, 12, 13))
	// Running totals from the smallest: 10, 22, 35, 48, 61.14 > 52.56.
	checkAllocations(t, b, []wantAllocation{
		{"C", 61.14, false, false},
		{"B", 48, false, true},
		{"E", 35, false, true},
		{"D", 22, false, true},
		{"A", 10, false, true},
	})
	if b.Expected != 61.14 || b.Accepted != 48 || b.Unallocated != 4.56 || b.Over != 8.58 || b.MustFix != 0 {
		t.Errorf("expected %v, accepted %v, unallocated %v, over %v, must-fix %d; want 61.14, 48, 4.56, 8.58, 0", b.Expected, b.Accepted, b.Unallocated, b.Over, b.MustFix)
	}
}

func TestBudgets(t *testing.T) {
	ops := &Team{Title: "Ops"}
	data := &Team{Title: "Data", SLO: share(t, "99.5%")}
	list := risks(t, 100, 50, 700)
	list[0].Team, list[1].Team, list[2].Team = ops, data, data
	unestimated := &Concern{Title: "U", Team: ops}
	unestimated.Exposure = Expose(unestimated)
	concerns := append(list, unestimated)

	budgets := Budgets(share(t, "99.9%"), share(t, "25%"), []*Team{data, ops}, concerns)
	if len(budgets) != 2 || budgets[0].Team != nil || budgets[1] != data.Budget || ops.Budget != nil {
		t.Fatalf("budgets %+v, want the site's and then Data's", budgets)
	}
	site, own := budgets[0], budgets[1]
	if site.Minutes != 525.6 || own.Minutes != 2628 || own.Cap != 657 {
		t.Errorf("site %v, Data %v with cap %v; want 525.6, 2628, 657", site.Minutes, own.Minutes, own.Cap)
	}
	if len(site.Allocations) != 1 || site.Allocations[0].Concern != list[0] || len(site.NotEstimated) != 1 || site.NotEstimated[0] != unestimated {
		t.Errorf("the site's budget holds %+v and %v", site.Allocations, site.NotEstimated)
	}
	// 700 > 657: Data's larger risk is above its own cap; 50 fits.
	checkAllocations(t, own, []wantAllocation{{"C", 750, true, false}, {"B", 50, false, true}})
	if unestimated.Allocation != nil {
		t.Errorf("a concern with no estimates has an allocation")
	}

	// Without a site SLO only Data's concerns have a budget.
	budgets = Budgets(Share{}, share(t, "25%"), []*Team{data, ops}, concerns)
	if len(budgets) != 1 || budgets[0] != data.Budget || list[0].Allocation != nil {
		t.Errorf("with no site SLO: %+v, Ops's risk allocated %+v", budgets, list[0].Allocation)
	}
}
