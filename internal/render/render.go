package render

import (
	"bytes"
	"io"
)

// File is one file of the built site.
type File struct {
	Path string // relative to the output folder, with forward slashes
	Data []byte
}

// Output is where Run puts the files of a site as it makes them.
type Output interface {
	// Write takes a file made whole.
	Write(File) error
	// Create starts the file at path, which Run then writes a piece at a
	// time and closes: the largest generated files, tens of megabytes at
	// 10,000 concerns, are never held whole, nor is a long page copied
	// out of the pieces it was made in.
	Create(path string) (io.WriteCloser, error)
}

// Emit is an Output that hands every file whole to a function: a file
// written a piece at a time is gathered, and handed over when it is
// closed.
type Emit func(File) error

// Write hands f over.
func (emit Emit) Write(f File) error { return emit(f) }

// Create gathers the file at path.
func (emit Emit) Create(path string) (io.WriteCloser, error) {
	return &gathered{path: path, emit: emit}, nil
}

// gathered is a file written a piece at a time for an Emit.
type gathered struct {
	bytes.Buffer
	path string
	emit Emit
}

func (g *gathered) Close() error { return g.emit(File{Path: g.path, Data: g.Bytes()}) }
