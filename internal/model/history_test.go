package model

import "testing"

func TestChangeWords(t *testing.T) {
	for _, tt := range []struct {
		kind          ChangeKind
		before, after string
		want          string
	}{
		{ChangeRaised, "", "ETL", "raised as “ETL”"},
		{ChangeStatus, "accepted", "in-progress", "status Accepted → In progress"},
		{ChangeStatus, "", "proposed", "status set to Proposed"},
		{ChangeValue, "Low-Medium", "High", "value Low-Medium → High"},
		{ChangeRisk, "", "High", "risk set to High"},
		{ChangeRisk, "ETL stays buggy, customers leave", "High", "risk “ETL stays buggy, customers leave” → High"},
		{ChangeEffort, "Low", "", "effort taken out (was Low)"},
		{ChangeTeam, "Data", "Platform", "handed from Data to Platform"},
		{ChangeTeam, "", "Platform", "given to Platform"},
		{ChangeTeam, "Data", "", "taken from Data, now of no team"},
		{ChangeTitle, "ETL", "ETL monitoring", "retitled from “ETL” to “ETL monitoring”"},
		{ChangeRenamed, "etl", "etl-monitoring", "file renamed from etl.md to etl-monitoring.md, a new address"},
		{ChangeDate, "2026-01-05", "2026-01-06", "date corrected from 2026-01-05 to 2026-01-06"},
		{ChangeAgreed, "", "Write the runbook", "action item added: “Write the runbook”"},
		{ChangeDone, "", "Write the runbook", "action item marked done: “Write the runbook”"},
	} {
		if got := ChangeWords(tt.kind, tt.before, tt.after); got != tt.want {
			t.Errorf("%s %q -> %q: %q, want %q", tt.kind, tt.before, tt.after, got, tt.want)
		}
	}
}
