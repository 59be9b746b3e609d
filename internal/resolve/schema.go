package resolve

import (
	"bytes"
	"encoding/json"
	"slices"
)

// schemaDraft is the JSON Schema dialect of the schemas: draft 7, the
// newest the YAML language server of VS Code and Neovim supports, and one
// JetBrains IDEs know.
const schemaDraft = "http://json-schema.org/draft-07/schema#"

// Schema returns the JSON Schema of one kind of frontmatter (one of
// SchemaKinds), written in the site's vocabulary: its levels, statuses and
// team slugs. It says which keys resolve reads and what each takes, as far
// as a schema can: a file the build accepts always validates, and one with
// an unknown key, a value of the wrong type, a level off the scale, an
// unknown status or team, or a required field left out never does.
func Schema(kind string, v Vocabulary) ([]byte, error) {
	set, err := kindNamed(kind)
	if err != nil {
		return nil, err
	}
	s := set.schema(v)
	s.Schema = schemaDraft
	s.Title = set.title
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(s); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// jsonSchema is one schema of a JSON Schema document, with the keywords
// the handbook's schemas use, in the order a reader wants them.
type jsonSchema struct {
	Schema               string        `json:"$schema,omitempty"`
	Title                string        `json:"title,omitempty"`
	Description          string        `json:"description,omitempty"`
	Type                 types         `json:"type,omitempty"`
	Enum                 []string      `json:"enum,omitempty"`
	Pattern              string        `json:"pattern,omitempty"`
	Minimum              *float64      `json:"minimum,omitempty"`
	Maximum              *float64      `json:"maximum,omitempty"`
	MinItems             int           `json:"minItems,omitempty"`
	Examples             []any         `json:"examples,omitempty"`
	AnyOf                []*jsonSchema `json:"anyOf,omitempty"`
	Items                *jsonSchema   `json:"items,omitempty"`
	Properties           properties    `json:"properties,omitempty"`
	AdditionalProperties any           `json:"additionalProperties,omitempty"` // false, or a schema
	Required             []string      `json:"required,omitempty"`
}

// types is the type keyword: one JSON type, or a list of them.
type types []string

func (t types) MarshalJSON() ([]byte, error) {
	if len(t) == 1 {
		return json.Marshal(t[0])
	}
	return json.Marshal([]string(t))
}

// orNull returns the types with null added: a key left empty, or written
// null or ~, counts as left out.
func (t types) orNull() types {
	if len(t) == 0 || slices.Contains(t, "null") {
		return t
	}
	return append(slices.Clip(t), "null")
}

// properties are an object's properties in the order resolve lists its
// keys, which is the order they are documented in.
type properties []property

type property struct {
	key    string
	schema *jsonSchema
}

func (p properties) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, prop := range p {
		if i > 0 {
			b.WriteByte(',')
		}
		key, err := json.Marshal(prop.key)
		if err != nil {
			return nil, err
		}
		value, err := json.Marshal(prop.schema)
		if err != nil {
			return nil, err
		}
		b.Write(key)
		b.WriteByte(':')
		b.Write(value)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}
