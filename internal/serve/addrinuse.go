//go:build !windows

package serve

import "syscall"

// errAddrInUse is the system's error for a port that is taken.
var errAddrInUse error = syscall.EADDRINUSE
