package serve

import "syscall"

// errAddrInUse is WSAEADDRINUSE, the system's error for a port that is taken.
// Go's syscall.EADDRINUSE is an invented number on Windows that Winsock
// never returns.
var errAddrInUse error = syscall.Errno(10048)
