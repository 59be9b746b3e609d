package chart

import (
	"math"
	"strconv"

	"github.com/reliability-council/handbook/internal/model"
)

// LegendItem is one entry of a chart's legend, drawn by the theme beside the
// chart with the same swatch as its tables' tags.
type LegendItem struct {
	Label string
	Look  model.Look
}

// decal is the ECharts decal that draws a pattern over colour, in the ink
// that shows on that colour; nil for a plain fill. The theme's stylesheet
// draws each pattern the same way for tags and legends.
func decal(l model.Look) map[string]any {
	ink := "rgba(255,255,255,0.7)"
	if inkOn(l.Colour.Hex) == "#000" {
		ink = "rgba(0,0,0,0.45)"
	}
	d := map[string]any{"color": ink, "symbol": "rect", "dashArrayX": []int{1, 0}, "dashArrayY": []int{2, 4}}
	switch l.Pattern {
	case "slash":
		d["rotation"] = math.Pi / 4
	case "backslash":
		d["rotation"] = -math.Pi / 4
	case "horizontal":
	case "vertical":
		d["rotation"] = math.Pi / 2
	case "dots":
		d["symbol"] = "circle"
		d["symbolSize"] = 0.8
		d["dashArrayX"] = []int{3, 3}
		d["dashArrayY"] = []int{3, 3}
	case "grid":
		d["dashArrayX"] = []int{4, 4}
		d["dashArrayY"] = []int{4, 4}
	default:
		return nil
	}
	return d
}

// itemStyle is the fill of a series or data item with look l.
func itemStyle(l model.Look) map[string]any {
	s := map[string]any{"color": l.Colour.Hex}
	if d := decal(l); d != nil {
		s["decal"] = d
	}
	return s
}

// inkOn returns black or white, whichever has more contrast on the colour
// hex ("#rrggbb"), for text drawn on it.
func inkOn(hex string) string {
	lum := 0.0
	for i, weight := range []float64{0.2126, 0.7152, 0.0722} {
		v, _ := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		c := float64(v) / 255
		if c <= 0.04045 {
			c /= 12.92
		} else {
			c = math.Pow((c+0.055)/1.055, 2.4)
		}
		lum += weight * c
	}
	if (lum+0.05)/0.05 >= 1.05/(lum+0.05) {
		return "#000"
	}
	return "#fff"
}

// observabilityLooks draws the answers to "can we see it in our data
// today?": green for yes, through yellow, to vermilion for no.
var observabilityLooks = map[model.Observability]model.Look{
	model.ObservableYes:     look("green", "solid"),
	model.ObservablePartly:  look("yellow", "slash"),
	model.ObservableNo:      look("vermilion", "dots"),
	model.ObservableUnknown: look("grey", "vertical"),
}

func look(colour string, p model.Pattern) model.Look {
	c, _ := model.ColourNamed(colour)
	return model.Look{Colour: c, Pattern: p}
}
