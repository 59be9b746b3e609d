package gensite

import (
	"math"

	"github.com/reliability-council/handbook/internal/model"
)

// tagQualifiers narrow a topic tag to a region, a period or a priority:
// "latency-eu", "slo-2024".
var tagQualifiers = []string{"eu", "us", "apac", "legacy", "2023", "2024", "p1", "p2", "q3", "q4"}

// foreignTags are tags in other scripts; the handbook keeps their letters
// in the tag's address.
var foreignTags = []string{
	"données", "überwachung", "sécurité", "résilience", "disponibilité",
	"可用性", "監視", "журналы",
}

// tagPool draws the tags of a handbook of the tags shape: between 350 and
// 700 of the topic tags, the systems, the team areas, the topics with a
// qualifier and the tags in other scripts, in a random order that
// skewedPicks then favours the front of.
func (g *generator) tagPool() []string {
	var pool []string
	seen := map[string]bool{}
	add := func(tag string) {
		if tag = model.Slugify(tag); !seen[tag] {
			seen[tag] = true
			pool = append(pool, tag)
		}
	}
	for _, t := range tags {
		add(t)
		for _, q := range tagQualifiers {
			add(t + "-" + q)
		}
	}
	for _, list := range [][]string{g.shape.words.systems, teamAreas, foreignTags} {
		for _, t := range list {
			add(t)
		}
	}
	g.r.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
	return pool[:350+g.r.IntN(351)]
}

// skewedPicks returns n different entries of list, in the order drawn,
// the first entries far more often than the last: a few tags are on
// thousands of concerns, most on a handful.
func (g *generator) skewedPicks(list []string, n int) []string {
	n = min(n, len(list))
	out := make([]string, 0, n)
	taken := make(map[int]bool, n)
	for len(out) < n {
		i := int(float64(len(list)) * math.Pow(g.r.Float64(), 2))
		if !taken[i] {
			taken[i] = true
			out = append(out, list[i])
		}
	}
	return out
}
