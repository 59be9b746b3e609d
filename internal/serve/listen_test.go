package serve

import (
	"errors"
	"net"
	"regexp"
	"strconv"
	"testing"
)

func TestListenTakenPort(t *testing.T) {
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	port := taken.Addr().(*net.TCPAddr).Port

	ln, err := Listen(taken.Addr().String())
	if err == nil {
		ln.Close()
		t.Fatal("Listen on a taken port succeeded")
	}
	m := regexp.MustCompile(`^port (\d+) is taken \(another handbook serve\?\); try --port (\d+)$`).FindStringSubmatch(err.Error())
	if m == nil {
		t.Fatalf("error %q, want \"port %d is taken (another handbook serve?); try --port N\"", err, port)
	}
	free, _ := strconv.Atoi(m[2])
	if m[1] != strconv.Itoa(port) || free <= port || free > port+nearby {
		t.Errorf("error %q: want port %d and a suggestion within %d after it", err, port, nearby)
	}
	if !errors.Is(err, errAddrInUse) {
		t.Errorf("error %v does not unwrap to the system's error", err)
	}
}

func TestPortTakenMessage(t *testing.T) {
	for _, tc := range []struct {
		err  portTakenError
		want string
	}{
		{portTakenError{port: 1313, free: 1314}, "port 1313 is taken (another handbook serve?); try --port 1314"},
		{portTakenError{port: 1313}, "port 1313 is taken (another handbook serve?), and so are the 20 after it; try another --port"},
	} {
		if got := tc.err.Error(); got != tc.want {
			t.Errorf("got %q, want %q", got, tc.want)
		}
	}
}
