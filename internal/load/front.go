package load

import (
	"bytes"
	"hash/fnv"

	"gopkg.in/yaml.v3"

	"github.com/reliability-council/handbook/internal/model"
)

// FrontBlock returns the frontmatter of a content file's bytes: the text
// between its opening and closing --- lines, as the build parses and hashes
// it. ok is false when the file has no closed block.
func FrontBlock(data []byte) (front []byte, ok bool) {
	data = bytes.TrimPrefix(data, byteOrderMark)
	b := findBlock(data)
	if b.opening == 0 || b.to == 0 {
		return nil, false
	}
	return data[b.from:b.to], true
}

// FrontHash identifies a frontmatter block, as Document.FrontHash does.
func FrontHash(front []byte) uint64 {
	h := fnv.New64a()
	_, _ = h.Write(front)
	return h.Sum64()
}

// ParseFront parses a frontmatter block into its tree, counting lines as in
// a file whose opening --- is on line opening. An empty block is an empty
// mapping.
func ParseFront(file string, front []byte, opening int) (*Node, *model.Error) {
	return parseFront(file, front, opening, nil)
}

// parseFront is ParseFront, keeping the text of the values in values.
func parseFront(file string, front []byte, opening int, values *frontValues) (*Node, *model.Error) {
	if n, ok := parseSimpleFront(front, opening, values); ok {
		return &n, nil
	}
	return parseYAMLFront(file, front, opening, values)
}

// parseYAMLFront is ParseFront through the YAML parser, for the blocks
// parseSimpleFront leaves to it.
func parseYAMLFront(file string, front []byte, opening int, values *frontValues) (*Node, *model.Error) {
	var root yaml.Node
	if err := yaml.Unmarshal(front, &root); err != nil {
		return nil, yamlError(file, opening, err, front)
	}
	n := emptyMapping(1 + opening)
	if root.Kind != 0 { // not an empty block
		*n = values.compact(root.Content[0], opening)
	}
	return n, nil
}
