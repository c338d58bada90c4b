//go:build !unix

package decode

import "os/exec"

// ownProcessGroup leaves cmd as it is where there are no process groups to
// kill at once: its context kills the converter itself.
func ownProcessGroup(cmd *exec.Cmd) {}
