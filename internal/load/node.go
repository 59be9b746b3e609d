package load

import "gopkg.in/yaml.v3"

// Node is one value of a frontmatter block as resolve reads it: its kind, its
// text and its line in the file. The YAML parser's own nodes also carry
// styles, tags, anchors, comments and a pointer per child, three times the
// size; held for every file of a large handbook at once, they were most of
// the memory a build needed.
type Node struct {
	Content []Node // a mapping's keys and values in turn, or a list's items
	Value   string // a scalar's text
	Line    int
	Kind    NodeKind
	Null    bool // a scalar written as null, ~ or nothing at all
}

// NodeKind is what a Node holds.
type NodeKind uint8

// The kinds of Node, as in YAML.
const (
	ScalarNode NodeKind = iota + 1
	SequenceNode
	MappingNode
	AliasNode
)

// emptyMapping stands for a block with no fields at all.
func emptyMapping(line int) *Node { return &Node{Kind: MappingNode, Line: line} }

// compact copies the YAML parser's node n into a Node, moving its lines down
// by offset, so that they count from the top of the file, and keeping the
// values' text in v.
func (v *frontValues) compact(n *yaml.Node, offset int) Node {
	c := Node{
		Kind: kindOf(n.Kind),
		Line: n.Line + offset,
		Null: n.Kind == yaml.ScalarNode && n.Tag == "!!null",
	}
	if n.Kind == yaml.ScalarNode {
		c.Value = v.keep(n.Value)
	}
	if len(n.Content) > 0 && n.Kind != yaml.AliasNode {
		c.Content = make([]Node, len(n.Content))
		for i, child := range n.Content {
			c.Content[i] = v.compact(child, offset)
		}
	}
	return c
}

func kindOf(k yaml.Kind) NodeKind {
	switch k {
	case yaml.ScalarNode:
		return ScalarNode
	case yaml.SequenceNode:
		return SequenceNode
	case yaml.MappingNode:
		return MappingNode
	case yaml.AliasNode:
		return AliasNode
	}
	return 0
}
