// Package gensite generates synthetic handbooks of any size in the
// documented content format, for load tests and benchmarks, and the
// equivalent Hugo site for side-by-side timing. The same options always give
// the same files, byte for byte.
package gensite
