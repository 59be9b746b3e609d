package gensite

import "slices"

// richWords are the words of every shape but the default: the default's,
// and names and titles in other scripts and with punctuation that needs
// escaping or quoting, and more list items, several with placeholders, so
// that long lists rarely repeat.
var richWords = vocabulary{
	firstNames:    slices.Concat(firstNames, accentedFirstNames),
	lastNames:     slices.Concat(lastNames, accentedLastNames),
	systems:       slices.Concat(systems, placedSystems),
	concernTitles: slices.Concat(concernTitles, punctuatedConcernTitles),
	meetingTitles: slices.Concat(meetingTitles, foreignMeetingTitles),
	blockers:      slices.Concat(blockerTexts, moreBlockers),
	evidence:      slices.Concat(evidenceTexts, moreEvidence),
	signals:       slices.Concat(signalTexts, moreSignals),
	tags:          tags,
}

var accentedFirstNames = []string{
	"Zoë", "José", "Björn", "Łukasz", "Søren", "Chloé", "Thảo", "Jürgen",
	"Siobhán", "Çağla", "Ōta", "Íñigo", "Dóra", "Nikolaï", "Ånund", "Zsófia",
}

var accentedLastNames = []string{
	"Müller", "Dvořák", "Ólafsdóttir", "Nguyễn", "García Márquez", "Łukaszewicz",
	"Øberg", "Sánchez", "Kovač", "O'Brien", "Şahin", "Jäkel", "Håkansson",
	"Škoda", "Ngô", "Van der Berg",
}

// placedSystems name systems after places in other scripts, and with
// characters HTML escapes.
var placedSystems = []string{
	"Zürich failover site", "São Paulo edge", "Kraków build farm",
	"Malmö data centre", "Tōkyō read replica", "Reykjavík cold storage",
	"Łódź call-centre tooling", "東京 cache cluster", "Αθήνα edge proxy",
	"Москва mirror", "search & ranking service", "<legacy> XML gateway",
	"A/B testing service", "\"temporary\" cron host",
}

// punctuatedConcernTitles hold one %s, the system, and punctuation that
// YAML must quote or HTML must escape.
var punctuatedConcernTitles = []string{
	"The %s: who gets paged?", "“Temporary” fixes in the %s",
	"Alerts & dashboards for the %s", "No owner for the %s — since the reorganisation",
	"Half-done migration of the %s", "Why is the %s slow on Mondays?",
	"#1 cause of pages: the %s", "Ops/Dev hand-off for the %s",
}

var foreignMeetingTitles = []string{
	"Revue trimestrielle", "Sprint-Rückblick", "Reunión de planificación",
	"Post-incident review — %s", "Q&A with the vendor of the %s",
	"Kick-off: %s", "Ретроспектива", "振り返り",
}

// moreBlockers, moreEvidence and moreSignals may hold {system}, {team},
// {person}, {n} and {pct}.
var moreBlockers = []string{
	"The {team} team has no capacity until next quarter",
	"Nobody has production access to the {system} on weekends",
	"The {system} runs on hardware that is out of support",
	"A contract renewal for the {system} is still open",
	"The runbook for the {system} is {n} months out of date",
	"Two teams disagree on who owns the {system}",
	"The {system} has no staging copy",
	"{person} is the only one who knows how the {system} is deployed",
	"Alerts from the {system} go to a mailbox nobody reads",
	"The migration off the {system} is half done",
	"About {pct}% of the config of the {system} is edited by hand",
	"Security review of the {system} is booked for next month",
	"The {system} cannot be restarted without downtime",
	"Metrics from the {system} are sampled at {pct}%",
	"Waiting on a vendor fix for the {system}",
	"The {team} team is moving offices",
}

var moreEvidence = []string{
	"Incidents involving the {system} in the last {n} months",
	"Pages from the {system} outside working hours",
	"Time the {team} team spent on the {system} last sprint",
	"Support tickets that mention the {system}",
	"Share of deploys of the {system} rolled back ({pct}% last quarter)",
	"Cost of the {system} per month",
	"Minutes to restore the {system} in the last drill",
	"Alerts on the {system} closed without action",
	"Error budget spent by the {system}",
	"Customer complaints traced to the {system}",
	"Manual steps in the {system}'s runbook",
	"Age of the oldest open bug against the {system}",
	"Hours of {person}'s time on the {system} each week",
	"Capacity headroom of the {system} at peak",
}

var moreSignals = []string{
	"Heartbeat from the {system} every minute",
	"Error rate of the {system} above {pct}%",
	"Queue depth in front of the {system}",
	"p95 latency of the {system}",
	"Rows written by the {system} per run",
	"Time since the {system} last reported",
	"Disk usage of the {system} above {pct}%",
	"Restarts of the {system} per day",
	"Failed logins to the {system}",
	"Config drift detected on the {system}",
	"Certificate expiry on the {system}",
	"Retries from the {system} to its dependencies",
	"Backlog age in the {system}",
	"Cache misses in the {system}",
	"Connections refused by the {system}",
	"Dropped messages in the {system}",
}
