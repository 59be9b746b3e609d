package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBudgetChart opens the pages of the built example that draw an error
// budget, served with the headers of netlify.toml, and checks each budget
// chart where its ECharts instance says it drew its bars: every risk's bar
// runs from 0 to its bad minutes, the budget bar's segments follow one
// another up to the budget line, a risk past the cap line is the one marked
// must fix; a click on any bar opens its concern; and nothing on the way
// logs an error or breaks the Content-Security-Policy.
func TestBudgetChart(t *testing.T) {
	chrome := chromiumPath(t)
	out := buildExample(t)
	srv := httptest.NewServer(withHeaders(netlify(out), netlifyHeaders(t)))
	t.Cleanup(srv.Close)
	b := startBrowserWithin(t, chrome, srv.URL, 2*time.Minute) // every bar opens a page

	pages := []struct {
		path   string
		charts int // budget charts the page draws
	}{
		{"/risk/", 2},                // the site's and Data's own
		{"/charts/", 2},              // the same two
		{"/teams/data/", 1},          // Data's own budget
		{"/teams/web-client/", 1},    // Web client's risks in the site's budget
		{"/teams/it-operations/", 1}, // a single risk in it, drawn as tall as two
	}
	for _, p := range pages {
		t.Run(strings.Trim(p.path, "/"), func(t *testing.T) {
			b.open(t, p.path, http.StatusOK)
			charts := b.drawCharts(t, p.path)
			checkCharts(t, p.path, charts, nil)
			var ids []string
			for _, c := range charts {
				if strings.HasSuffix(c.ID, "_budget") {
					ids = append(ids, c.ID)
				}
			}
			if len(ids) != p.charts {
				t.Fatalf("%s: budget charts %q, want %d", p.path, ids, p.charts)
			}
			b.report(t, p.path, nil)
			for _, id := range ids {
				checkBudgetBars(t, p.path, b.budgetBars(t, id))
			}
			// Every bar that stands for a concern opens it, wherever the
			// chart draws it after the page is laid out again.
			for _, id := range ids {
				for i := 0; ; i++ {
					if i > 0 { // back from the concern the last bar opened
						b.open(t, p.path, http.StatusOK)
						b.drawCharts(t, p.path)
					}
					bars := b.budgetBars(t, id).linked()
					if len(bars) == 0 {
						t.Fatalf("%s: %s has no bar that opens a concern", p.path, id)
					}
					bar := bars[i]
					b.clickOpens(t, bubble{X: bar.X(), Y: bar.Y(), Link: bar.Link, Title: bar.Title}, chromedp.MouseClickXY(bar.X(), bar.Y()))
					if i == len(bars)-1 {
						break
					}
				}
				b.open(t, p.path, http.StatusOK)
				b.drawCharts(t, p.path)
			}
		})
	}
}

// budgetBar is one bar, or one segment of the budget bar, where the
// chart's ECharts instance drew it, in CSS pixels from the viewport's top
// left, with what the chart's spec says it stands for.
type budgetBar struct {
	Series      string  `json:"series"`
	Row         int     `json:"row"` // 0 for the budget bar
	Value       float64 `json:"value"`
	Left, Right float64
	Top, Bottom float64
	Link        string `json:"link"`
	Title       string `json:"title"` // the first line of its tooltip
	Colour      string `json:"colour"`
	Hit         string `json:"hit"` // what a click at its centre hits
	// Label is the ground behind the words of its label, and whether they
	// are drawn over the budget and cap lines; a segment has none.
	Label *struct {
		Ground    string `json:"ground"`
		OverLines bool   `json:"overLines"`
	} `json:"label"`
}

func (b budgetBar) X() float64 { return (b.Left + b.Right) / 2 }
func (b budgetBar) Y() float64 { return (b.Top + b.Bottom) / 2 }

// budgetDrawing is a budget chart as drawn: its bars, and where its axis
// puts 0, the budget and the cap.
type budgetDrawing struct {
	ID                string
	Bars              []budgetBar
	Zero, Budget, Cap float64 // x of each, from the axis
	BudgetValue       float64 `json:"budgetValue"`
	CapValue          float64 `json:"capValue"`
	Plot              struct{ Left, Right float64 }
	Ground            string `json:"ground"` // the chart's background colour
	// X is where the axis puts each bar's value, and each segment's end.
	X []float64
}

// linked returns the bars that open a concern.
func (d budgetDrawing) linked() []budgetBar {
	var out []budgetBar
	for _, bar := range d.Bars {
		if bar.Link != "" {
			out = append(out, bar)
		}
	}
	return out
}

// budgetBars scrolls the budget chart with this id into view and reads its
// bars from its ECharts instance: each data item's layout, and the pixel
// the axis gives each value the spec holds.
func (b *browser) budgetBars(t *testing.T, id string) budgetDrawing {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 3*time.Second)
	defer cancel()
	js, _ := json.Marshal(id)
	d, err := chromedp.Run(ctx, chromedp.Evaluate[budgetDrawing](fmt.Sprintf(`(() => {
		const el = document.getElementById(%s);
		el.scrollIntoView({block: "center"});
		const chart = echarts.getInstanceByDom(el);
		const spec = JSON.parse(document.getElementById(el.id + "-spec").textContent);
		const rect = el.getBoundingClientRect();
		const x = v => rect.left + chart.convertToPixel({xAxisIndex: 0}, v);
		const lines = spec.option.series[spec.option.series.length - 1].markLine.data;
		const out = {ID: el.id, Bars: [], Zero: x(0), Budget: x(lines[0].xAxis), Cap: x(lines[1].xAxis),
			budgetValue: lines[0].xAxis, capValue: lines[1].xAxis, X: []};
		out.ground = getComputedStyle(el).backgroundColor;
		// ECharts paints by z: a label of a higher z than every line is over them.
		const lineZ = Math.max(...chart.getZr().storage.getDisplayList(true).filter(e => e.type === "ec-line").map(e => e.z));
		const grid = chart.getModel().getComponent("grid").coordinateSystem.getRect();
		out.Plot = {Left: rect.left + grid.x, Right: rect.left + grid.x + grid.width};
		chart.getModel().eachSeries(series => {
			const si = series.seriesIndex, data = series.getData();
			for (let i = 0; i < data.count(); i++) {
				const di = data.getRawIndex(i);
				const item = spec.option.series[si].data[di];
				const value = typeof item === "object" ? item.value : item;
				if (typeof value !== "number") continue;
				const l = data.getItemLayout(i);
				const bar = {series: series.name, row: di, value: value,
					Left: rect.left + Math.min(l.x, l.x + l.width), Right: rect.left + Math.max(l.x, l.x + l.width),
					Top: rect.top + Math.min(l.y, l.y + l.height), Bottom: rect.top + Math.max(l.y, l.y + l.height),
					link: spec.links[si][di] || "", title: ((spec.tips[si] || [])[di] || [])[0] || "",
					colour: String(data.getItemVisual(i, "style").fill)};
				const hit = document.elementFromPoint((bar.Left + bar.Right) / 2, (bar.Top + bar.Bottom) / 2);
				bar.hit = hit ? hit.tagName.toLowerCase() : "";
				const label = data.getItemGraphicEl(i) && data.getItemGraphicEl(i).getTextContent();
				if (label && !label.ignore) {
					bar.label = {ground: String(label.style.backgroundColor || ""), overLines: label.z > lineZ};
				}
				out.Bars.push(bar);
				out.X.push(x(value));
			}
		});
		return out;
	})()`, js)))
	if err != nil {
		t.Fatalf("reading the bars of %s: %v", id, err)
	}
	return d
}

// checkBudgetBars checks that a budget chart draws what its numbers say.
func checkBudgetBars(t *testing.T, page string, d budgetDrawing) {
	t.Helper()
	where := page + " " + d.ID
	const px = 1.5 // a bar's edge may fall between pixels
	if d.Budget <= d.Cap || d.Cap <= d.Zero {
		t.Errorf("%s: the axis puts 0 at %.0f, the cap at %.0f, the budget at %.0f px: want them in that order", where, d.Zero, d.Cap, d.Budget)
	}
	if d.Budget > d.Plot.Right {
		t.Errorf("%s: the budget line at %.0f px is past the plot's right edge at %.0f", where, d.Budget, d.Plot.Right)
	}
	var segments, risks []budgetBar
	for _, bar := range d.Bars {
		if bar.Row == 0 {
			segments = append(segments, bar)
		} else {
			risks = append(risks, bar)
		}
		if bar.Hit != "canvas" {
			t.Errorf("%s: the centre of the bar of %q is under a %q element, not the chart's canvas", where, bar.Series, bar.Hit)
		}
		if bar.Row > 0 && (bar.Label == nil || !bar.Label.OverLines || bar.Label.Ground != d.Ground) {
			t.Errorf("%s: the label of %q is %+v: want its words on the chart's ground (%s), over the budget and cap lines", where, bar.Series, bar.Label, d.Ground)
		}
		if bar.Bottom-bar.Top < 8 {
			t.Errorf("%s: the bar of %q is %.1f px tall, too thin to click", where, bar.Series, bar.Bottom-bar.Top)
		}
	}
	if len(risks) == 0 || len(segments) == 0 {
		t.Fatalf("%s: %d risk bars and %d segments of the budget bar", where, len(risks), len(segments))
	}
	// The budget bar: its segments follow one another from 0, in one row,
	// and end on the budget line.
	at := d.Zero
	for _, s := range segments {
		if math.Abs(s.Left-at) > px {
			t.Errorf("%s: the segment %q starts at %.1f px, want %.1f, where the one before it ends", where, s.Series, s.Left, at)
		}
		if math.Abs(s.Top-segments[0].Top) > px {
			t.Errorf("%s: the segment %q is not in the budget's row", where, s.Series)
		}
		at = s.Right
	}
	if math.Abs(at-d.Budget) > px {
		t.Errorf("%s: the budget bar ends at %.1f px, want the budget line, %.1f px", where, at, d.Budget)
	}
	// Each risk's bar runs from 0 to its bad minutes, each in its own row,
	// and reaches past the cap line exactly when it is drawn as must fix.
	mustFix := ""
	for i, bar := range d.Bars {
		if bar.Row == 0 {
			continue
		}
		if math.Abs(bar.Left-d.Zero) > px || math.Abs(bar.Right-d.X[i]) > px {
			t.Errorf("%s: the bar of %q spans %.1f to %.1f px, want 0 to %v bad minutes, %.1f to %.1f px", where, bar.Title, bar.Left, bar.Right, bar.Value, d.Zero, d.X[i])
		}
		if bar.Top < segments[0].Bottom {
			t.Errorf("%s: the bar of %q overlaps the budget's row", where, bar.Title)
		}
		if bar.Value > d.CapValue {
			if mustFix == "" {
				mustFix = bar.Colour
			}
			if bar.Right <= d.Cap || bar.Colour != mustFix {
				t.Errorf("%s: %q is above the cap but drawn to %.1f px (cap at %.1f) in %s", where, bar.Title, bar.Right, d.Cap, bar.Colour)
			}
		} else if bar.Right > d.Cap+px {
			t.Errorf("%s: %q is within the cap but its bar reaches past the cap line", where, bar.Title)
		}
	}
	for _, bar := range d.Bars {
		if bar.Row > 0 && bar.Value <= d.CapValue && mustFix != "" && bar.Colour == mustFix {
			t.Errorf("%s: %q is within the cap but drawn in the colour of a risk that must be fixed", where, bar.Title)
		}
	}
}
