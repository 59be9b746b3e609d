package export

import _ "embed"

//go:embed handbook.schema.json
var schema []byte

// Schema returns handbook.schema.json: the JSON Schema (draft 2020-12) of
// handbook.json, every field with its description.
func Schema() []byte { return schema }
