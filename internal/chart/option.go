package chart

import (
	"encoding/json"
)

// optionOf turns a go-echarts chart's options into plain JSON data, so that
// what go-echarts has no field for (decals, label layout) can be added, and
// leaves out the empty components go-echarts always writes.
func optionOf(c interface{ JSON() map[string]any }) map[string]any {
	raw, err := json.Marshal(c.JSON())
	if err != nil {
		panic("chart: go-echarts options do not encode: " + err.Error()) // they are plain data
	}
	var out map[string]any
	if err := json.Unmarshal(raw, &out); err != nil {
		panic("chart: " + err.Error())
	}
	delete(out, "title")
	delete(out, "toolbox")
	delete(out, "color")
	return out
}

// series returns the option's series i, to add to.
func series(option map[string]any, i int) map[string]any {
	return option["series"].([]any)[i].(map[string]any)
}

// seriesData returns the data items of series i.
func seriesData(option map[string]any, i int) []any {
	d, _ := series(option, i)["data"].([]any)
	return d
}

// axis returns the option's first axis of a kind ("xAxis", "yAxis").
func axis(option map[string]any, kind string) map[string]any {
	return option[kind].([]any)[0].(map[string]any)
}
