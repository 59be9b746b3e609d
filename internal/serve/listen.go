package serve

import (
	"errors"
	"fmt"
	"net"
	"strconv"
)

// nearby is how many ports after a taken one Listen tries, to suggest one.
const nearby = 20

// Listen listens on addr, a host:port, like net.Listen. When the port is
// taken, the error says so plainly and names a free port after it, for the
// user to pass as --port.
func Listen(addr string) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err == nil || !errors.Is(err, errAddrInUse) {
		return ln, err
	}
	host, p, splitErr := net.SplitHostPort(addr)
	port, convErr := strconv.Atoi(p)
	if splitErr != nil || convErr != nil {
		return nil, err // a named port: there is no "next" to suggest
	}
	return nil, &portTakenError{port: port, free: freePort(host, port), err: err}
}

// freePort returns the first port after taken that host can listen on, or
// 0 when none of the nearby ones can.
func freePort(host string, taken int) int {
	for p := taken + 1; p <= taken+nearby && p <= 65535; p++ {
		ln, err := net.Listen("tcp", net.JoinHostPort(host, strconv.Itoa(p)))
		if err == nil {
			_ = ln.Close() // only a probe
			return p
		}
	}
	return 0
}

// portTakenError is Listen's error for a port in use. It unwraps to the
// system's error.
type portTakenError struct {
	port int
	free int // 0 when no nearby port was free
	err  error
}

func (e *portTakenError) Error() string {
	if e.free == 0 {
		return fmt.Sprintf("port %d is taken (another handbook serve?), and so are the %d after it; try another --port", e.port, nearby)
	}
	return fmt.Sprintf("port %d is taken (another handbook serve?); try --port %d", e.port, e.free)
}

func (e *portTakenError) Unwrap() error { return e.err }
