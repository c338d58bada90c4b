//go:build unix

package decode

import (
	"os/exec"
	"syscall"
)

// ownProcessGroup starts cmd in a process group of its own and, when its
// context ends, kills the whole group: a converter that is a script (or
// starts helpers) leaves nothing running behind reportlint.
func ownProcessGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error {
		return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
}
