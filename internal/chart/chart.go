// Package chart computes the handbook's charts from the model, once per
// build: each chart's data, a description of it written from that data, the
// same data as a table for readers without JavaScript, and the ECharts
// options, built with go-echarts. The options are only data: they are
// published as escaped JSON and drawn by the theme's own script, never by
// go-echarts' HTML renderer, so no string from content can become code.
package chart

import (
	"encoding/json"
	"html/template"
	"strings"

	"github.com/go-echarts/go-echarts/v2/opts"
)

// Chart is one chart, ready for a template.
type Chart struct {
	ID        string // unique on its page and a valid JavaScript identifier
	Title     string
	HowToRead string // one sentence on how to read it
	// Description says what the chart shows, in words built from its data,
	// for screen readers (ECharts aria) and as the canvas's label.
	Description string
	Note        string // what was aggregated or left out, if anything
	Spec        Spec
	// JSON is Spec written out for the theme's script, once per build
	// rather than once per page that shows the chart; see sealed.
	JSON  template.JS
	Table Table
	Empty bool // nothing to draw: the template shows Note instead
	// Legend names what each colour and pattern stands for; the theme
	// draws it with the swatches its tables use.
	Legend []LegendItem
	// Size is how tall the chart is drawn, known before it loads: "" for
	// the usual height, or "xs", "s", "m", "l" for bar charts by their
	// number of bars.
	Size string
}

// Spec is everything the theme's script needs to draw a chart. Click targets
// and tooltip lines are kept apart from the options so that the script can
// check the first and escape the second.
type Spec struct {
	Option map[string]any `json:"option"`
	// Links holds, per series and data item, the page a click opens; "" for
	// none. Every URL is made by the generator, never taken from content.
	Links [][]string `json:"links,omitempty"`
	// Tips holds, per series and data item, the lines of its tooltip.
	Tips [][][]string `json:"tips,omitempty"`
	// Levels names the ticks of value axes that carry scores: "2" -> "Medium".
	Levels map[string]string `json:"levels,omitempty"`
	// Bubbles names the bubbles of a value × effort chart.
	Bubbles *Bubbles `json:"bubbles,omitempty"`
}

// Table is a chart's data as rows, for the <details> under it.
type Table struct {
	Caption string
	Head    []Column
	Rows    [][]Cell
	More    int // rows left out of a very long table
}

// Column is a table heading; Num columns are right-aligned.
type Column struct {
	Title string
	Num   bool
}

// Cell is one table cell, with an optional link.
type Cell struct {
	Text string
	Link string
	Num  bool
}

// sealed writes out a finished chart's Spec as JSON: every chart of a Set
// goes through it. encoding/json escapes <, > and & in strings, so the JSON
// is safe inside a script element whatever the content holds. What the
// script draws is then kept only as JSON: of the Spec, templates read the
// bubbles' names, and the options of a trend over thousands of meetings
// are megabytes of maps.
func sealed(c *Chart) *Chart {
	data, err := json.Marshal(c.Spec)
	if err != nil { // a number JSON cannot write, such as NaN
		c.Note = "This chart cannot be drawn: " + err.Error()
		c.Spec = Spec{}
		return c.nothingToDraw()
	}
	c.JSON = template.JS(data) //nolint:gosec // JSON with <, > and & escaped
	c.Spec = Spec{Bubbles: c.Spec.Bubbles}
	return c
}

// nothingToDraw marks the chart empty; its note says why, or that there is
// nothing yet.
func (c *Chart) nothingToDraw() *Chart {
	c.Empty = true
	if c.Note == "" {
		c.Note = "No concerns to draw yet."
	}
	return c
}

// maxTableRows is how many rows a chart's table shows before it stops; the
// full lists are on the concern tables.
const maxTableRows = 200

// id makes a chart id that is a valid JavaScript identifier: letters,
// digits and underscores, not starting with a digit.
func id(parts ...string) string {
	var b strings.Builder
	b.WriteString("chart")
	for _, p := range parts {
		b.WriteByte('_')
		for _, r := range p {
			switch {
			case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
				b.WriteRune(r)
			default:
				b.WriteByte('_')
			}
		}
	}
	return b.String()
}

// aria turns on ECharts' description for screen readers. Patterns are not
// left to ECharts, which hands them out by series number: each chart sets
// the pattern of its status, team or answer itself (see decal).
func aria(description string) *opts.Aria {
	return &opts.Aria{
		Enabled: opts.Bool(true),
		Label:   &opts.AriaLabel{Enabled: opts.Bool(true), Description: description},
	}
}
