package render

// File is one file of the built site.
type File struct {
	Path string // relative to the output folder, with forward slashes
	Data []byte
}
