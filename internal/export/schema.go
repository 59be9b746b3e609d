package export

import (
	_ "embed"
	"io"
)

//go:embed handbook.schema.json
var schema []byte

// WriteSchema writes handbook.schema.json to out: the JSON Schema (draft
// 2020-12) of handbook.json, every field with its description.
func WriteSchema(out io.Writer) error {
	_, err := out.Write(schema)
	return err
}
