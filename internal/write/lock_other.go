//go:build !unix

package write

// dirLock does nothing where folders cannot be locked: two builds into the
// same folder at once are then the user's to avoid.
type dirLock struct{}

func lockDir(string) (*dirLock, error) { return &dirLock{}, nil }

func (*dirLock) release() {}
