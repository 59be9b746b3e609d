package gensite

// The words the generator builds a handbook from. Every list is fixed, so
// that the same seed always picks the same words.

// vocabulary is the words one shape draws names, titles and list items
// from; the rest of the words are common to every shape.
type vocabulary struct {
	firstNames, lastNames        []string
	systems                      []string
	concernTitles, meetingTitles []string
	blockers, evidence, signals  []string
	tags                         []string
}

// plainWords are the default shape's: plain ASCII names and titles.
var plainWords = vocabulary{
	firstNames: firstNames, lastNames: lastNames,
	systems:       systems,
	concernTitles: concernTitles, meetingTitles: meetingTitles,
	blockers: blockerTexts, evidence: evidenceTexts, signals: signalTexts,
	tags: tags,
}

// teamAreas name the teams; with teamKinds they make up to
// len(teamAreas)×(len(teamKinds)+1) different team names.
var teamAreas = []string{
	"Platform", "Data", "Web Client", "Design", "IT Operations", "Payments",
	"Identity", "Search", "Billing", "Networking", "Storage", "Observability",
	"Security", "Developer Experience", "Release Engineering", "Mobile",
	"Customer Support", "Messaging", "Notifications", "Reporting",
	"Integrations", "Checkout", "Catalogue", "Fulfilment", "Onboarding",
	"Analytics", "Machine Learning", "Compliance", "Finance Systems",
	"Internal Tools", "Edge", "Database", "Streaming", "Accounts",
	"Partner API", "Growth", "Localisation", "Scheduling", "Documents",
	"Media", "Pricing", "Marketplace", "Trust and Safety", "Quality",
}

var teamKinds = []string{
	"Infrastructure", "Frontend", "Backend", "Tooling", "Operations",
	"Reliability", "Core", "Services",
}

var firstNames = []string{
	"Aisha", "Marcus", "Hannah", "Ravi", "Elena", "Tom", "Jonas", "Dana",
	"Sam", "Priya", "Lucas", "Mei", "Omar", "Ingrid", "Kofi", "Sofia",
	"Mateo", "Yuki", "Noah", "Fatima", "Liam", "Zara", "Ethan", "Amara",
	"Felix", "Leila", "Hugo", "Nadia", "Oscar", "Chloe", "Diego", "Ines",
	"Arjun", "Freya", "Tariq", "Maya", "Emil", "Lena", "Kwame", "Rosa",
	"Bruno", "Alma", "Viktor", "Hana", "Pablo", "Greta", "Idris", "Nora",
	"Jakub", "Selin", "Rafael", "Ayla", "Tobias", "Mira", "Caleb", "Sana",
	"Anton", "Esme", "Dmitri", "Lucia",
}

var lastNames = []string{
	"Karimi", "Bell", "Cole", "Menon", "Petrova", "Becker", "Weber",
	"Whitfield", "Okafor", "Raman", "Silva", "Chen", "Haddad", "Lund",
	"Mensah", "Rossi", "Garcia", "Tanaka", "Murphy", "Nowak", "Ibrahim",
	"Novak", "Schmidt", "Adeyemi", "Costa", "Larsen", "Moreau", "Yilmaz",
	"Kowalski", "Fischer", "Santos", "Kim", "Dubois", "Andersson", "Ahmed",
	"Russo", "Hansen", "Virtanen", "Popescu", "Horvat", "Ortiz", "Nakamura",
	"Byrne", "Jensen", "Meyer", "Kaur", "Ferreira", "Vogel", "Sato", "Walsh",
	"Olsen", "Brennan", "Abbasi", "Lindqvist", "Dragan", "Quinn", "Herrera",
	"Baker", "Volkov", "Mwangi",
}

var guests = []string{
	"Guest Speaker", "External Auditor", "Vendor Account Manager",
	"Head of Engineering", "Chief Technology Officer", "Product Director",
}

// systems are what a concern is about; systemKinds qualify them, so that
// titles rarely repeat.
var systems = []string{
	"billing ETL", "checkout API", "search index", "session store",
	"CDN edge", "payment webhook handler", "report exporter", "push notification service",
	"DNS setup", "certificate renewal", "message queue", "feature flag service",
	"CI pipeline", "backup job", "database failover", "image upload service",
	"login service", "email delivery", "rate limiter", "config service",
	"audit log", "data warehouse", "job scheduler", "cache cluster",
	"object storage", "load balancer pool", "service mesh", "VPN gateway",
	"mobile API", "partner sync job", "invoice generator", "price feed",
	"order pipeline", "metrics pipeline", "log shipper", "tracing agent",
	"status page", "on-call rota", "secrets store", "admin console",
	"analytics event stream", "recommendation model", "address lookup",
	"PDF renderer", "SSO integration", "webhook relay", "usage metering",
	"tenant migration tool", "container registry", "build cache",
}

var systemKinds = []string{
	"", "legacy", "shared", "internal", "customer-facing", "nightly",
	"regional", "new", "self-hosted", "third-party", "staging", "batch",
	"EU", "US", "multi-tenant", "read-only",
}

// concernTitles hold one %s, the system.
var concernTitles = []string{
	"No alerting on the %s", "Silent failures in the %s",
	"Capacity of the %s", "Slow recovery of the %s",
	"Noisy alerts from the %s", "Untested failover of the %s",
	"Latency of the %s under load", "Manual deploys of the %s",
	"Stale dashboards for the %s", "Unknown dependencies of the %s",
	"No error budget for the %s", "Expiring credentials in the %s",
	"Missing runbook for the %s", "Single point of failure in the %s",
	"Cost growth of the %s", "Data loss risk in the %s",
	"Retry storms against the %s", "Unowned alerts for the %s",
	"Drift between environments for the %s", "Slow rollbacks of the %s",
	"Opaque errors from the %s", "No load test for the %s",
	"Backlog growth in the %s", "Timeouts in the %s",
	"Unpatched dependencies in the %s", "Blind spots in the %s",
	"Flaky health checks on the %s", "Unclear ownership of the %s",
	"No tracing through the %s", "Hand-edited config in the %s",
	"Quota exhaustion in the %s", "Memory leaks in the %s",
	"Clock skew affecting the %s", "Unbounded queues in the %s",
	"Restore never tested for the %s", "Pager fatigue from the %s",
	"Vendor outages hitting the %s", "Schema changes breaking the %s",
	"Cold starts in the %s", "Partial outages of the %s",
}

var meetingTitles = []string{
	"Monthly review", "Quarterly planning", "Triage of new concerns",
	"Incident round-up", "Scoring calibration", "Observability check-in",
	"Ownership review", "Roadmap alignment", "Budget and priorities",
	"Retrospective on the last quarter", "Working session on %s",
	"Deep dive into the %s", "Follow-up on the %s",
}

// tags is the vocabulary concerns are tagged from, already written as slugs.
var tags = []string{
	"monitoring", "alerting", "etl", "capacity", "latency", "deploys", "ci",
	"backups", "dns", "tls", "security", "cost", "on-call", "runbooks",
	"incident-response", "logging", "tracing", "metrics", "dashboards", "slo",
	"error-budget", "data-quality", "storage", "networking", "cdn", "caching",
	"database", "queues", "third-party", "vendors", "compliance",
	"access-control", "secrets", "kubernetes", "containers", "autoscaling",
	"load-testing", "chaos", "failover", "disaster-recovery", "mobile",
	"frontend", "api", "webhooks", "payments", "search", "email",
	"notifications", "feature-flags", "configuration", "dependencies",
	"documentation", "toil", "automation", "release", "rollback",
	"scheduling", "batch-jobs", "privacy", "accessibility",
}

// The forms a scored field takes, by family: level words, ranges, numbers.
var (
	levelWords  = []string{"Low", "Medium", "High", "Moderate"}
	levelRanges = []string{"Low-Medium", "Medium-High", "Low-Moderate", "Moderate-High", "Low-High", "low - medium"}
	levelNums   = []string{"1", "1.5", "2", "2.5", "3"}
)

// levelNotes follow a level after a comma. None holds ": " or " #".
var levelNotes = []string{
	"first estimate pending research",
	"we would finally see failures before customers do",
	"it touches every release",
	"customers have complained twice this quarter",
	"most of the work is already scripted",
	"needs a vendor change, so expect delays",
	"the team has done this before on another service",
	"depends on how much history we keep",
	"a spike would tell us more",
	"only the EU region is affected today",
	"cheap to start, expensive to finish",
	"support escalations would drop noticeably",
	"two other teams would benefit too",
	"nobody has looked at it in a year",
	"we can reuse the existing dashboards",
}

// riskWords are risks described in words, with no level.
var riskWords = []string{
	"ETL breaks silently", "customers notice before we do",
	"a region goes dark for hours", "we lose a day of orders",
	"reports are wrong and nobody knows", "on-call burns out",
	"an audit finding", "a leaked key goes unnoticed",
	"deploys stall for a week", "invoices go out late",
	"slow pages at peak times", "data is restored from an old backup",
}

var complexityWords = []string{
	"several teams have to agree", "mostly configuration",
	"needs a data migration", "unknown until we look",
	"touches the oldest code we have",
}

var blockerTexts = []string{
	"Release versions are not sent to the exception tracker",
	"Nobody owns the service since the reorganisation",
	"The vendor contract has to be renegotiated first",
	"Staging lacks realistic data",
	"Waiting on the network team's firewall change",
	"The metrics pipeline drops high-cardinality labels",
	"Budget for the next quarter is not approved",
	"Adding checks eats more engineering time than it ought to",
	"The on-call rota is short-staffed",
	"Logs are kept for only seven days",
	"The deploy tooling cannot do canary releases",
	"Access to production is limited to two people",
	"Legal has to review the data retention",
	"The old cluster cannot be upgraded in place",
}

var evidenceTexts = []string{
	"Count the support escalations caused by it last quarter",
	"Incident reports that mention it",
	"Pages per week from its alerts",
	"Minutes from failure to first alert, over the last ten incidents",
	"Share of requests slower than one second",
	"Cost per month from the cloud bill",
	"Number of manual interventions in the last month",
	"Error rate by release",
	"Backlog size at the end of each day",
	"Customer tickets tagged with it",
}

var signalTexts = []string{
	"Run duration and row counts per job",
	"Time since the last successful run",
	"Error rate per endpoint",
	"Queue depth and age of the oldest message",
	"p99 latency at peak hours",
	"Share of hosts reporting to monitoring",
	"Certificates expiring within 30 days",
	"Failed logins per minute",
	"Alerts acknowledged within five minutes",
	"Disk usage growth per week",
	"Retries per request",
	"Deploys rolled back per month",
	"Restore time in the last drill",
	"Incidents first reported by a customer",
	"Cache hit ratio",
	"Saturation of the connection pool",
}

// prose is what a shape's bodies are written in: the sentences of concerns
// and of meetings' notes, the items of lists and the headings.
type prose struct {
	sentences, meetingSentences, bullets  []string
	headings, tableHeadings, taskHeadings []string
}

// english is the prose of most shapes.
var english = prose{
	sentences: sentences, meetingSentences: meetingSentences, bullets: bullets,
	headings: headings, tableHeadings: tableHeadings, taskHeadings: taskHeadings,
}

var headings = []string{
	"What we see today", "Why it matters", "Options", "What we know",
	"Open questions", "Background", "Proposed approach", "How it fails",
	"Who is affected", "Where the data is",
}

var tableHeadings = []string{"Numbers so far", "Recent weeks", "What the incident log shows"}

var taskHeadings = []string{"First steps", "Next steps", "To do"}

// sentences make up bodies. Each may hold {system}, {team}, {person}, {n} and
// {pct}; none holds a link.
var sentences = []string{
	"When the {system} fails today, it usually fails quietly.",
	"Nothing pages anyone, and the first sign is often a customer asking why something looks wrong.",
	"{person} raised this after the last incident review.",
	"The {team} team has seen {n} related incidents in the last year.",
	"About {pct}% of the alerts from the {system} are closed without action.",
	"We have a handful of saved log searches and little else.",
	"The plan is to give the {system} three basic signals: did it run, how long did it take, and how much did it move.",
	"Counting the incidents that trace back to it gives us a baseline now.",
	"It would also tell us later whether the work helped.",
	"Nobody is sure who would notice first if it stopped.",
	"{person} thinks a week of work would close the biggest gap.",
	"The {team} team depends on it for most of its daily work.",
	"Recovery took {n} hours the last time it broke.",
	"Part of the problem is that the dashboards were built for a service that no longer exists.",
	"We could start small, with one alert that someone actually owns.",
	"A load test would show where the {system} runs out of room.",
	"The vendor says the limit is generous, but we have hit it {n} times.",
	"Most of the cost is in agreeing what normal looks like.",
	"Until we can see it, we are guessing.",
	"The council asked for numbers before the next session.",
	"{person} will pair with the {team} team on a first version.",
	"It is not urgent, but it gets worse every month we wait.",
	"Roughly {pct}% of our traffic passes through the {system}.",
	"A runbook exists, though it was last updated {n} months ago.",
	"Several people remember the outage it caused, and nobody wants a repeat.",
	"The fix is well understood; finding the time is the hard part.",
	"Last month the {system} was down for {n} hours before anyone noticed.",
	"{person} keeps a spreadsheet of the failures, which is the best record we have.",
	"The alerts we have fire on symptoms far downstream of the {system}.",
	"We do not know how close to its limits the {system} runs on a busy day.",
	"The {team} team would own the work, with help from whoever runs the dashboards.",
	"A similar problem elsewhere took {n} weeks to fix, mostly in review.",
	"Some of this is already visible in the logs, if you know where to look.",
	"The numbers below come from the last quarter's incident reports.",
	"It came up again in the last retrospective.",
	"There is a cheap first step, and a much more expensive complete fix.",
	"{person} suggested we measure before we change anything.",
	"The risk grows with every new customer we add.",
	"The {system} was built in a hurry and never revisited.",
	"Nobody has written down what healthy looks like for the {system}.",
}

// teamSentences describe a team, with the same placeholders.
var teamSentences = []string{
	"{person} joined the team this year and now leads its on-call reviews.",
	"The team is on call around the clock for its services.",
	"Most of its worries come down to not seeing a failure until a customer does.",
	"It joined the council in its first year.",
	"The team has grown to twice its size in {n} months.",
	"It shares an on-call rota with two other teams.",
	"Its services handle about {pct}% of our traffic at peak.",
	"The team runs a short review of its alerts every week.",
}

// meetingSentences make up the notes of meetings, with the same
// placeholders.
var meetingSentences = []string{
	"We started with the actions from last time; most were done.",
	"{person} walked through the numbers gathered since the last session.",
	"The discussion kept coming back to ownership.",
	"Two new concerns were raised and will be written up before the next session.",
	"We agreed to score the new concerns before discussing them further.",
	"{person} asked that every concern name a signal we could watch.",
	"Several scores were adjusted after the numbers came in.",
	"The {team} team proposed dropping one concern that is now covered elsewhere.",
	"Time ran short, so the last items move to the next session.",
	"We spent {n} minutes on the incident from last week.",
	"Everyone agreed the list is more useful when each concern has an owner.",
	"Actions without a due date were given one before we closed.",
}

var bullets = []string{
	"Add a health check that reflects real work, not just a running process",
	"Alert on the absence of data, not only on errors",
	"Write down who owns the {system}",
	"Keep a week of history so we can compare",
	"Tag every incident that involves the {system}",
	"Ask the {team} team what they look at first",
	"Agree on a target for time to detect",
	"Remove alerts nobody has acted on in a month",
	"Document the manual steps before automating them",
	"Record the current numbers as a baseline",
	"Check whether the vendor exposes metrics we can scrape",
	"Run a restore drill and time it",
}

var tasks = []string{
	"Pull last quarter's incidents for the {system}",
	"Draft a runbook for the {system}",
	"Add an alert on the {system} and name an owner",
	"Estimate the effort of a failover test for the {system}",
	"Ask the vendor about limits on the {system}",
	"Bring numbers on the {system} to the next session",
	"Review the scores of the concerns raised this month",
	"Set the next session's agenda",
	"Check which dashboards for the {system} are still used",
	"Run a load test against the {system}",
	"Write up the decision on the {system}",
}
