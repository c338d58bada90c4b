package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/format"
	"github.com/reportlint/reportlint/internal/bilingual"
	"github.com/reportlint/reportlint/rules"
)

// TestSpooledAndInMemory: the outputs printed at the end of a run are the
// same whether the files' renderings wait in a temporary file or, where
// none can be made, in memory; the folder holds a pair, so one file is
// rendered again with the findings across reports.
func TestSpooledAndInMemory(t *testing.T) {
	dir := pairDir(t, "carry-applications-differ.txtar")
	// the corpus's texts and pages (its PDFs need a temporary file of their
	// own), among them 平潭's 2021 and 2022 reports
	corpus, _ := filepath.Glob(filepath.Join(repoRoot(t), "testdata", "corpus", "*.*t*"))
	for _, args := range [][]string{
		{"--format", "json"},
		{"--format", "sarif", "--lang", "en"},
		{"--format", "csv"},
		{"--overview"},
	} {
		args = append(append(args, corpus...), dir)
		code, spooled, errs := runCLI(t, "", args...)
		t.Setenv("TMPDIR", filepath.Join(t.TempDir(), "missing"))
		code2, inMemory, errs2 := runCLI(t, "", args...)
		t.Setenv("TMPDIR", "")
		if code != code2 || spooled != inMemory || errs != errs2 || errs != "" {
			t.Errorf("%v: spooled (exit %d, stderr %q) and in memory (exit %d, stderr %q) differ", args, code, errs, code2, errs2)
		}
		if args[0] != "--overview" && !strings.Contains(spooled, "carry-applications") {
			t.Errorf("%v: the pair's findings are missing", args)
		}
	}
}

// TestSettleCrossFileGone: a file that a finding across reports lands in
// but that cannot be read again at the end is given as unreadable, in the
// output (the run then exits 3), its error naming it.
func TestSettleCrossFileGone(t *testing.T) {
	fin := &finisher{root: "/", renderer: format.NewRenderer("csv", rules.All(), false, false)}
	kept := newCollection(fin)
	defer kept.close()
	path := filepath.Join(repoRoot(t), "testdata", "seeds", "004.txt")
	first, err := fin.finish((&checker{ctx: context.Background(), rules: rules.All()}).file(path, nil), nil)
	if err != nil {
		t.Fatal(err)
	}
	kept.add(first)
	cross := []crossFinding{{Finding: rules.Finding{Path: path, Rule: "pairing", Severity: rules.Error}}}
	gone := func(p string) format.FileResult {
		return format.FileResult{Path: p, Err: errors.New(p + ": no such file or directory")}
	}
	if unread, err := settleCross(kept, fin, cross, gone, 2); err != nil || unread != 1 {
		t.Fatalf("unread %v, err %v; want the file said unread", unread, err)
	}
	row, err := kept.data(0)
	if err != nil {
		t.Fatal(err)
	}
	if kept.parts[0].Err == nil || !strings.HasSuffix(string(row), "no such file or directory\n") {
		t.Errorf("part %+v, row %q; want the file unreadable", kept.parts[0], row)
	}
}

// TestStdinNamedTwice: standard input named twice is read once, by its
// first naming; the second is an error of its own, whatever -j (read from
// two workers at once, it gave a different answer on every run); a finding across years for "-" does not make the
// unreadable naming look read (as the old attach left it).
func TestStdinNamedTwice(t *testing.T) {
	dir := pairDir(t, "carry-applications-differ.txtar")
	// the 2022 report, which the carry findings land in, on standard input
	cur, err := os.ReadFile(filepath.Join(dir, "zuoling-2022.txt"))
	if err != nil {
		t.Fatal(err)
	}
	prev := filepath.Join(dir, "zuoling-2021.txt")
	code, out, errs := runCLI(t, string(cur), "-j", "1", "--format", "csv", "-", prev, "-")
	rows := strings.Split(strings.TrimSpace(out), "\n")
	if code != 3 || len(rows) != 4 || !strings.Contains(errs, "-: ") {
		t.Fatalf("exit %d, stderr %q, rows %q", code, errs, rows)
	}
	// the note begins with the name, made inert for a spreadsheet ('-: …)
	if !strings.HasPrefix(rows[3], `-,,,,,,,,,"'-: 标准输入只能读取一次`) {
		t.Errorf("the second naming of standard input reads as read: %q", rows[3])
	}
}

// TestSpoolWriteFails: a rendering the temporary file could not take (the
// disk full, say) is an error when it is read back, naming the temporary
// file, never a part silently empty.
func TestSpoolWriteFails(t *testing.T) {
	s := newSpool()
	if s.f == nil {
		t.Skip("no temporary file can be made here")
	}
	defer s.close()
	s.f.Close() // every write now fails
	s.put(-1, bytes.Repeat([]byte("x"), 100<<10))
	s.put(-1, []byte("y"))
	if _, err := s.get(1); err == nil || !strings.Contains(err.Error(), "temporary file") {
		t.Errorf("got %v, want an error naming the temporary file", err)
	}
}

// TestBaselineChangedDuringRun: the run keeps only the reviewed findings'
// keys and reads what it says of the stale ones again at the end; a file
// that lost entries in between is an error naming it, not a wrong list.
func TestBaselineChangedDuringRun(t *testing.T) {
	path := filepath.Join(t.TempDir(), "reviewed.json")
	write := func(entries string) {
		if err := os.WriteFile(path, []byte(`{"schema_version": 1, "findings": [`+entries+`]}`), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	a := `{"file": "a.txt", "fingerprint": "f1", "rule": "r", "line": 1, "message": "甲", "message_en": "A", "reason": "ok"}`
	b := `{"file": "a.txt", "fingerprint": "f2", "rule": "r", "line": 2, "message": "乙", "message_en": "B", "reason": ""}`
	write(a + "," + b)
	r, err := readReviewed(path, true)
	if err != nil {
		t.Fatal(err)
	}
	parts := []format.Part{{Path: "a.txt", ID: "a.txt"}}
	got, err := baselineOutcome(path, r, map[int]bool{0: true}, parts, true)
	if err != nil || len(got.Stale) != 1 || got.Stale[0].Fingerprint != "f2" || got.Stale[0].Message != "B" {
		t.Fatalf("stale %+v, %v; want f2 with its English message", got, err)
	}
	write(a)
	if _, err := baselineOutcome(path, r, map[int]bool{0: true}, parts, true); err == nil || !strings.Contains(err.Error(), path+": changed while the run read it") {
		t.Errorf("got %v, want the file named as changed", err)
	}
}

// A panic while one file is checked is that file's error, naming the
// panic and the function it came from; the run goes on.
func TestPanicIsTheFilesError(t *testing.T) {
	boom := &rules.Rule{ID: "boom", Run: func(*rules.Pass) { panic("kaboom") }}
	c := &checker{ctx: context.Background(), rules: []*rules.Rule{boom}}
	path := filepath.Join(repoRoot(t), "testdata", "seeds", "004.txt")
	res := c.file(path, nil)
	if !errors.Is(res.Err, errInternal) || res.Report != nil {
		t.Fatalf("err %v, report %v", res.Err, res.Report != nil)
	}
	msg := bilingual.Message(res.Err, true)
	if !strings.HasPrefix(msg, path+": internal error, please report it: kaboom (") {
		t.Errorf("message %q", msg)
	}
	if !strings.Contains(msg, "TestPanicIsTheFilesError") {
		t.Errorf("message %q does not name the function that panicked", msg)
	}
}

// TestStdinTwiceSameEveryRun: with several workers, `- -` gives the same
// output on every run, the report read by the first naming.
func TestStdinTwiceSameEveryRun(t *testing.T) {
	report, err := os.ReadFile("../../testdata/seeds/001.txt")
	if err != nil {
		t.Fatal(err)
	}
	var first string
	for i := 0; i < 8; i++ {
		code, out, errs := runCLI(t, string(report), "-j", "3", "-", "-")
		got := fmt.Sprintf("%d\n%s\n%s", code, out, errs)
		if i == 0 {
			first = got
			if code != 3 || !strings.Contains(out, "-: 状态：2021年度") || unreadableLine(out, "-", "标准输入只能读取一次") == "" || errs != "" {
				t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
			}
		} else if got != first {
			t.Fatalf("run %d differs:\n%s\nfirst:\n%s", i, got, first)
		}
	}
}

// TestControlCharactersInNames: a file name holding a newline and an
// escape sequence is printed with both escaped: every finding stays one
// line, and no escape reaches the terminal, in the findings, the status
// line and the line saying a file was not checked.
func TestControlCharactersInNames(t *testing.T) {
	report, err := os.ReadFile("../../testdata/seeds/001.txt")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	name := filepath.Join(dir, "a\nb\x1b[31mred.txt")
	if err := os.WriteFile(name, report, 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "gone\x1b]0;title\x07.txt")
	_, out, errs := runCLI(t, "", "--color", "never", name, missing)
	if strings.ContainsAny(out+errs, "\x1b\x07") {
		t.Errorf("an escape reached the output:\n%q\n%q", out, errs)
	}
	want := filepath.Join(dir, `a\nb\x1b[31mred.txt`)
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if !strings.HasPrefix(line, want) && !strings.HasPrefix(line, "共 2 个文件") && unreadableLine(line, filepath.Join(dir, `gone\x1b]0;title\x07.txt`), "") == "" {
			t.Errorf("a line not of the file, or split: %q", line)
		}
	}
}
