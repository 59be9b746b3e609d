//go:build !unix

package sysfile

import "os"

// Read leaves every file to the caller's portable path.
func Read(string, int64, int64, int, []byte) ([]byte, bool) { return nil, false }

// Holds leaves every comparison to the caller's portable path.
func Holds(string, []byte, []byte) (holds, ok bool) { return false, false }

// Create writes data to the file name, made or emptied.
func Create(name string, data []byte) error { return os.WriteFile(name, data, 0o644) }
