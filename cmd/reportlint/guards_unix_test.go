//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestSettingsAndBaselineGuards: the settings and baseline files are read
// like inputs: a FIFO (which would block the run until a writer came) and
// a device (/dev/zero, which never ends) are refused at once with exit 2,
// naming the file; so is a -j past the bound (a huge one made the pool
// panic).
func TestSettingsAndBaselineGuards(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFO here:", err)
	}
	report := "../../testdata/seeds/001.txt"
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--config", fifo, report}, fifo + ": 不是普通文件"},
		{[]string{"--config", "/dev/zero", report}, "/dev/zero: 不是普通文件"},
		{[]string{"--baseline", fifo, report}, fifo + ": 不是普通文件"},
		{[]string{"-j", "9223372036854775807", report}, "-j 9223372036854775807 过大：最多 256"},
	} {
		code, _, errs := runCLI(t, "", c.args...)
		if code != 2 || !strings.Contains(errs, c.want) {
			t.Errorf("%q: exit %d, stderr %q; want 2 and %q", c.args, code, errs, c.want)
		}
	}
	// a settings file over a megabyte is refused before it is read
	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(big, []byte(strings.Repeat("# 注释\n", 200_000)), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := runCLI(t, "", "--config", big, report); code != 2 || !strings.Contains(errs, "文件过大") {
		t.Errorf("a 1.4 MB settings file: exit %d, stderr %q", code, errs)
	}
}
