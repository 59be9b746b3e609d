package load

import (
	"strconv"
	"strings"
	"unsafe"

	"gopkg.in/yaml.v3"
)

// Node is one value of a frontmatter block as resolve reads it: its kind, its
// text and its line in the file. The YAML parser's own nodes also carry
// styles, tags, anchors, comments and a pointer per child, six times the
// size; held for every file of a large handbook at once, they were most of
// the memory a build needed. A Node is 24 bytes: a scalar's text and a
// mapping's or list's nodes share one pointer and one length, since a node
// has only one of the two.
type Node struct {
	data unsafe.Pointer // a scalar's text, or the first of a mapping's or list's nodes
	size int32          // the text's length in bytes, or the number of nodes: a file is at most MaxFileSize
	line int32
	Kind NodeKind
	Null bool // a scalar written as null, ~ or nothing at all
}

// Scalar returns the scalar value at line; null says it was written as
// null, ~ or nothing at all.
func Scalar(value string, line int, null bool) Node {
	return Node{data: unsafe.Pointer(unsafe.StringData(value)), size: int32(len(value)), line: int32(line), Kind: ScalarNode, Null: null}
}

// Collection returns the mapping or list at line (kind MappingNode or
// SequenceNode), of content: a mapping's keys and values in turn, or a
// list's items.
func Collection(kind NodeKind, line int, content []Node) Node {
	return Node{data: unsafe.Pointer(unsafe.SliceData(content)), size: int32(len(content)), line: int32(line), Kind: kind}
}

// Value returns a scalar's text; "" for any other node.
func (n Node) Value() string {
	if n.Kind != ScalarNode {
		return ""
	}
	return unsafe.String((*byte)(n.data), n.size)
}

// Content returns a mapping's keys and values in turn, or a list's items;
// nil for any other node.
func (n Node) Content() []Node {
	if n.Kind != MappingNode && n.Kind != SequenceNode {
		return nil
	}
	return unsafe.Slice((*Node)(n.data), n.size)
}

// Line returns the node's line in its file.
func (n Node) Line() int { return int(n.line) }

// String writes the tree for messages: a scalar quoted, a list in
// brackets and a mapping in braces, each after its line.
func (n Node) String() string {
	var b strings.Builder
	n.write(&b)
	return b.String()
}

func (n Node) write(b *strings.Builder) {
	b.WriteString(strconv.Itoa(n.Line()) + ":")
	switch n.Kind {
	case ScalarNode:
		if n.Null {
			b.WriteString("null")
		} else {
			b.WriteString(strconv.Quote(n.Value()))
		}
		return
	case MappingNode:
		b.WriteByte('{')
	case SequenceNode:
		b.WriteByte('[')
	default:
		b.WriteString("alias")
		return
	}
	for i, c := range n.Content() {
		if i > 0 {
			b.WriteByte(' ')
		}
		c.write(b)
	}
	if n.Kind == MappingNode {
		b.WriteByte('}')
	} else {
		b.WriteByte(']')
	}
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
func emptyMapping(line int) *Node {
	n := Collection(MappingNode, line, nil)
	return &n
}

// compact copies the YAML parser's node n into a Node, moving its lines down
// by offset, so that they count from the top of the file, and keeping the
// values' text in v.
func (v *frontValues) compact(n *yaml.Node, offset int) Node {
	line := n.Line + offset
	switch n.Kind {
	case yaml.ScalarNode:
		return Scalar(v.keep(n.Value), line, n.Tag == "!!null")
	case yaml.AliasNode:
		return Node{line: int32(line), Kind: AliasNode}
	}
	content := make([]Node, len(n.Content))
	for i, child := range n.Content {
		content[i] = v.compact(child, offset)
	}
	return Collection(kindOf(n.Kind), line, content)
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
