// Package sysfile reads, compares and writes plain files with the system's
// calls themselves, where there are such calls. The os package asks the
// runtime's poller to watch every file it opens, which a plain file
// refuses, and reading a file to its end takes a read past it: two wasted
// calls in six, a tenth of the time to read or write the ten thousand files
// of a large handbook. Elsewhere it takes the portable way.
package sysfile
