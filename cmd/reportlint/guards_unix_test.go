//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
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

// TestInterruptStopsCleanly: SIGINT in the middle of a PDF's conversion
// stops the run: the converter is killed, the temporary copy of the PDF
// is removed, nothing is written, the run says so and exits 2.
func TestInterruptStopsCleanly(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	started := filepath.Join(t.TempDir(), "started")
	finished := started + ".finished"
	tool := filepath.Join(t.TempDir(), "slow-pdftotext")
	script := "#!/bin/sh\ntouch " + started + "\nsleep 20\ntouch " + finished + "\n"
	if err := os.WriteFile(tool, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	type result struct {
		code      int
		out, errs string
	}
	done := make(chan result, 1)
	go func() {
		code, out, errs := runCLI(t, "", "--pdftotext", tool, "../../testdata/corpus/pdf/hzq2023.pdf", "../../testdata/seeds/001.txt")
		done <- result{code, out, errs}
	}()
	deadline := time.Now().Add(10 * time.Second)
	for {
		if _, err := os.Stat(started); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the converter did not start")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := syscall.Kill(syscall.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	var r result
	select {
	case r = <-done:
	case <-time.After(15 * time.Second):
		t.Fatal("the run did not stop")
	}
	if r.code != 2 || !strings.Contains(r.errs, "已中断") {
		t.Errorf("exit %d, stdout %q, stderr %q", r.code, r.out, r.errs)
	}
	left, _ := filepath.Glob(filepath.Join(tmp, "reportlint-*"))
	if len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
	time.Sleep(100 * time.Millisecond)
	if _, err := os.Stat(finished); err == nil {
		t.Error("the converter ran to its end: it was not killed")
	}
}

// TestWriteBaselineTargetRefusedFirst: a folder or a read-only file named
// by --write-baseline is refused before any file is checked, with exit 2,
// and the read-only file is left as it was.
func TestWriteBaselineTargetRefusedFirst(t *testing.T) {
	dir := t.TempDir()
	ro := filepath.Join(dir, "reviewed.json")
	if err := os.WriteFile(ro, []byte("{}"), 0o444); err != nil {
		t.Fatal(err)
	}
	for target, want := range map[string]string{dir: "是目录", ro: "是只读文件"} {
		code, out, errs := runCLI(t, "", "--write-baseline", target, "../../testdata/seeds/001.txt")
		if code != 2 || !strings.Contains(errs, want) || out != "" {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want 2 and %q before any check", target, code, out, errs, want)
		}
	}
	if data, _ := os.ReadFile(ro); string(data) != "{}" {
		t.Errorf("the read-only file was changed: %q", data)
	}
}

// TestOSErrorsInBothLanguages: the system's errors about a file are given
// in the run's language.
func TestOSErrorsInBothLanguages(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "missing.txt")
	for lang, want := range map[string]string{"zh": "文件不存在", "en": "no such file or directory"} {
		code, out, _ := runCLI(t, "", "--lang", lang, missing)
		if code != 3 || unreadableLine(out, missing, want) == "" {
			t.Errorf("--lang %s: exit %d, stdout %q, want %q", lang, code, out, want)
		}
	}
}
