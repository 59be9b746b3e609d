package gensite

import (
	"maps"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestHugoTwinMatches builds a handbook of each shape with the handbook and
// its twin with Hugo, and wants the same pages (but the charts and the
// error budget, which the twin does not draw) with the same rows in the main tables: the concern
// tables in their order, the concerns each meeting discussed, the action
// items of each meeting and of /actions/, the meetings, and the concerns
// counted for each tag and team. It needs Hugo: $HUGO, or hugo on the PATH.
func TestHugoTwinMatches(t *testing.T) {
	hugo := os.Getenv("HUGO")
	if hugo == "" {
		hugo, _ = exec.LookPath("hugo")
	}
	if hugo == "" {
		t.Skip("Hugo is not installed: set HUGO to a hugo binary (v0.163) to compare the twin")
	}
	for _, shape := range Shapes() {
		t.Run(shape.Name, func(t *testing.T) {
			opts := small(shape)
			opts.Concerns, opts.Meetings = 100, min(opts.Meetings, 50)
			s := Generate(opts)
			handbook := map[string]string{}
			for path, data := range buildHandbook(t, s).Files {
				if strings.HasSuffix(path, ".html") {
					handbook[path] = string(data)
				}
			}
			twin := buildHugo(t, hugo, s)
			delete(handbook, "charts/index.html")
			delete(handbook, "risk/index.html")
			delete(handbook, "search/index.html") // the twin has no search
			if a, b := slices.Sorted(maps.Keys(handbook)), slices.Sorted(maps.Keys(twin)); !slices.Equal(a, b) {
				t.Fatalf("the handbook has %d pages, its twin %d; only in the handbook: %v; only in the twin: %v",
					len(a), len(b), missing(a, b), missing(b, a))
			}
			for path, page := range handbook {
				other := twin[path]
				compare := func(what string, a, b []string) {
					if !slices.Equal(a, b) {
						t.Errorf("%s: %s differ:\nhandbook %q\ntwin     %q", path, what, a, b)
					}
				}
				switch {
				case strings.HasPrefix(path, "meetings/") && path != "meetings/index.html":
					_, discussed, _ := strings.Cut(page, "Concerns discussed")
					discussed, _, _ = strings.Cut(discussed, "</section>")
					_, agreed, _ := strings.Cut(page, `<h2 id="actions">`)
					agreed, _, _ = strings.Cut(agreed, "</section>")
					compare("concerns discussed", sorted(unique(links(discussed, "concerns"))), sorted(column(rows(other, "concerns"), 1)))
					compare("action items", count(rows(agreed, "actions")), count(rows(other, "actions")))
				case path == "actions/index.html":
					compare("action items", count(rows(page, "actions")), count(rows(other, "actions")))
				case path == "meetings/index.html":
					compare("meetings", sorted(links(page, "meetings")), sorted(links(other, "meetings")))
				case path == "tags/index.html" || path == "teams/index.html":
					compare("counts", sorted(counts(page)), sorted(counts(other)))
				case path == "agenda/index.html" || path == "changes/index.html":
					// Twinned for the work they make Hugo do, not row by row:
					// the twin has no history to say what changed or when.
				case !strings.HasPrefix(path, "concerns/") || path == "concerns/index.html":
					compare("concern tables", column(rows(page, "concerns"), 0, 1), column(rows(other, "concerns"), 0, 1))
				}
			}
		})
	}
}

// buildHugo writes s's Hugo twin and builds it, and returns its pages by
// path.
func buildHugo(t *testing.T, hugo string, s *Site) map[string]string {
	t.Helper()
	files, err := s.HugoFiles()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	src, out := filepath.Join(dir, "src"), filepath.Join(dir, "out")
	if err := WriteFiles(src, files); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(hugo, "--source", src, "--destination", out, "--cacheDir", filepath.Join(dir, "cache"), "--noBuildLock", "--quiet")
	if output, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("hugo: %v\n%s", err, output)
	}
	pages := map[string]string{}
	for path, data := range readTree(t, out) {
		if strings.HasSuffix(path, ".html") {
			pages[path] = string(data)
		}
	}
	return pages
}

var (
	tablePattern = regexp.MustCompile(`(?s)<table class="(\w+)[^"]*"[^>]*>.*?</table>`)
	rowPattern   = regexp.MustCompile(`(?s)<tbody>(.*?)</tbody>`)
	cellPattern  = regexp.MustCompile(`(?s)<t[dh][^>]*>(.*?)</t[dh]>`)
	hrefPattern  = regexp.MustCompile(`href="([^"]*)"`)
	// counted is a link to a tag or a team and the number beside it, in
	// either site's list of them.
	counted = regexp.MustCompile(`href="(/(?:tags|teams)/[^"]+)">[^<]*</a>(?:</t[hd]>)?(?:<td>[^<]*</td>)?(?:<span class="count">|<td class="num">)(\d+)`)
)

// rows returns the body rows of the tables of class class in page, each as
// its cells' text or, for a cell that holds a link, its address; the row
// a table shows when it is empty is left out.
func rows(page, class string) [][]string {
	var out [][]string
	for _, table := range tablePattern.FindAllStringSubmatch(page, -1) {
		if table[1] != class {
			continue
		}
		body := rowPattern.FindStringSubmatch(table[0])
		for row := range strings.SplitSeq(body[1], "</tr>") {
			if !strings.Contains(row, "<tr") || strings.Contains(row, "colspan") {
				continue
			}
			var cells []string
			for _, cell := range cellPattern.FindAllStringSubmatch(row, -1) {
				if href := hrefPattern.FindStringSubmatch(cell[1]); href != nil {
					cells = append(cells, unescape(href[1]))
				} else {
					cells = append(cells, strings.TrimSpace(cell[1]))
				}
			}
			out = append(out, cells)
		}
	}
	return out
}

// column returns the cells at the given indexes of each row, joined.
func column(rows [][]string, at ...int) []string {
	out := make([]string, len(rows))
	for i, row := range rows {
		var cells []string
		for _, j := range at {
			cells = append(cells, row[j])
		}
		out[i] = strings.Join(cells, " ")
	}
	return out
}

func count(rows [][]string) []string { return []string{strings.Repeat("|", len(rows))} }

// links returns the addresses of the pages of kind linked from page.
func links(page, kind string) []string {
	var out []string
	for _, href := range hrefPattern.FindAllStringSubmatch(page, -1) {
		if p := unescape(href[1]); strings.HasPrefix(p, "/"+kind+"/") && p != "/"+kind+"/" {
			out = append(out, p)
		}
	}
	return out
}

// counts returns each tag or team a list of them links to, with the
// number beside it. (The sites sort tags in other scripts differently.)
func counts(page string) []string {
	page = regexp.MustCompile(`>\s+<`).ReplaceAllString(page, "><")
	var out []string
	for _, m := range counted.FindAllStringSubmatch(page, -1) {
		out = append(out, unescape(m[1])+" "+m[2])
	}
	return out
}

func unescape(href string) string {
	if u, err := url.PathUnescape(href); err == nil {
		return u
	}
	return href
}

func sorted(s []string) []string { return slices.Sorted(slices.Values(s)) }

// missing returns the entries of a that b lacks.
func missing(a, b []string) []string {
	var out []string
	for _, s := range a {
		if !slices.Contains(b, s) {
			out = append(out, s)
		}
	}
	return out
}

// unique returns list without repeats, in the order first seen.
func unique(list []string) []string {
	var out []string
	for _, s := range list {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}
