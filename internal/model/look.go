package model

import "slices"

// Colour is one colour of the handbook's palette, by the name site.yaml
// and the theme's stylesheet know it.
type Colour struct {
	Name string // "blue": the theme's .tone-blue
	Hex  string // "#0072B2"
}

// Palette is every colour the handbook draws with: the Okabe-Ito colours,
// told apart by the common kinds of colour blindness, then four of Paul
// Tol's muted colours, so that twelve teams each have one of their own, and
// a charcoal that only statuses take. The theme's stylesheet has a tone
// class for each; a test keeps the two the same.
var Palette = []Colour{
	{"blue", "#0072B2"},
	{"orange", "#E69F00"},
	{"green", "#009E73"},
	{"purple", "#CC79A7"},
	{"sky", "#56B4E9"},
	{"vermilion", "#D55E00"},
	{"yellow", "#F0E442"},
	{"grey", "#999999"},
	{"wine", "#882255"},
	{"olive", "#999933"},
	{"teal", "#44AA99"},
	{"sand", "#DDCC77"},
	{"charcoal", "#5F5F5F"},
}

// TeamColours is how many teams get a colour of their own; teams after
// them take the colours again with a pattern.
const TeamColours = 12

// ColourNamed returns the palette's colour called name.
func ColourNamed(name string) (Colour, bool) {
	i := slices.IndexFunc(Palette, func(c Colour) bool { return c.Name == name })
	if i < 0 {
		return Colour{}, false
	}
	return Palette[i], true
}

// ColourNames lists the palette's names, for error messages.
func ColourNames() []string {
	names := make([]string, len(Palette))
	for i, c := range Palette {
		names[i] = c.Name
	}
	return names
}

// Pattern is a fill drawn over a colour, so that no meaning rests on colour
// alone: charts draw it as an ECharts decal, the stylesheet as a gradient
// (.pattern-NAME).
type Pattern string

// Patterns lists every pattern, plain first.
var Patterns = []Pattern{"solid", "slash", "dots", "horizontal", "backslash", "vertical", "grid"}

// Look is how one status, team or answer is drawn everywhere: in every
// chart, legend and table, light and dark.
type Look struct {
	Colour  Colour
	Pattern Pattern
}

// defaultLooks are the default statuses' looks: the open ones in colours
// that grow warmer as work starts, done plain green.
var defaultLooks = map[string][2]string{
	"proposed":    {"grey", "dots"},
	"accepted":    {"sky", "slash"},
	"planned":     {"purple", "horizontal"},
	"in-progress": {"orange", "backslash"},
	"done":        {"green", "solid"},
	"dropped":     {"charcoal", "vertical"},
}

// StatusLooks gives every status its look: the colour site.yaml names for
// it (declared, status -> colour name), else a default status's own, else
// the first colour no other status has; and a pattern no other status has
// while there are patterns to go round.
func StatusLooks(statuses []string, declared map[string]string) map[string]Look {
	looks := make(map[string]Look, len(statuses))
	usedColour := map[string]bool{}
	usedPattern := map[Pattern]bool{}
	for _, st := range statuses {
		if d, ok := defaultLooks[st]; ok {
			usedPattern[Pattern(d[1])] = true
		}
	}
	for _, st := range statuses {
		name := declared[st]
		if name == "" {
			name = defaultLooks[st][0]
		}
		if c, ok := ColourNamed(name); ok {
			looks[st] = Look{Colour: c}
			usedColour[c.Name] = true
		}
	}
	for _, st := range statuses {
		l := looks[st]
		if l.Colour.Name == "" {
			l.Colour = Palette[firstUnused(len(Palette), func(i int) bool { return usedColour[Palette[i].Name] })]
			usedColour[l.Colour.Name] = true
		}
		if d, ok := defaultLooks[st]; ok {
			l.Pattern = Pattern(d[1])
		} else {
			l.Pattern = Patterns[firstUnused(len(Patterns), func(i int) bool { return usedPattern[Patterns[i]] })]
			usedPattern[l.Pattern] = true
		}
		looks[st] = l
	}
	return looks
}

// firstUnused returns the first index under n that is not used, or 0 when
// every one is.
func firstUnused(n int, used func(int) bool) int {
	for i := range n {
		if !used(i) {
			return i
		}
	}
	return 0
}

// TeamLook gives the team at index i of the handbook's teams its look: a
// colour of its own for the first TeamColours teams, then the colours again
// with a pattern.
func TeamLook(i int) Look {
	round := i / TeamColours
	return Look{Colour: Palette[i%TeamColours], Pattern: Patterns[round%len(Patterns)]}
}
