package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestBadFormats: inputs that are not usable reports, in every format,
// each get one line on standard error naming the file and its problem,
// exit code 2, and never stop the other files.
func TestBadFormats(t *testing.T) {
	dir := t.TempDir()
	docx, err := os.ReadFile("../../testdata/formats/001.docx")
	if err != nil {
		t.Fatal(err)
	}
	seed, err := os.ReadFile("../../testdata/seeds/002.txt")
	if err != nil {
		t.Fatal(err)
	}
	var zipped bytes.Buffer
	zw := zip.NewWriter(&zipped)
	w, _ := zw.Create("hello.txt")
	w.Write([]byte("2021年政府信息公开工作年度报告"))
	zw.Close()
	withNUL := append(append(append([]byte{}, seed[:300]...), 0, 0, 0), seed[300:]...)

	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"truncated.docx", docx[:len(docx)/2], "DOCX 文件已损坏或不完整"},
		{"notword.docx", zipped.Bytes(), "不是 Word 文档"},
		{"old.doc", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...), "旧版 Office 文件"},
		{"nobody.html", []byte("<html><head><title>2021年政府信息公开工作年度报告</title></head><body></body></html>"), "没有正文文字"},
		{"scripts.html", []byte("<!DOCTYPE html><html><body><script>var t='2021年政府信息公开工作年度报告';</script></body></html>"), "没有正文文字"},
		{"nul.txt", withNUL, "不是文本文件"},
		{"broken.pdf", []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >>\ntruncated"), "PDF"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(dir, c.name)
			if err := os.WriteFile(path, c.data, 0o644); err != nil {
				t.Fatal(err)
			}
			code, out, errs := runCLI(t, "", path, "../../testdata/seeds/004.txt")
			if code != 3 || errs != "" {
				t.Errorf("exit code %d, stderr %q; want 3", code, errs)
			}
			if unreadableLine(out, path, c.want) == "" {
				t.Errorf("want a line naming %s with %q, got %q", path, c.want, out)
			}
			if !strings.Contains(out, "004.txt: 状态") {
				t.Errorf("the good file was not checked:\n%s", out)
			}
		})
	}
}

// TestHugeAndSpecialFiles: a 200 MB file is refused by its size without
// being read; a FIFO (which would block a reader for ever) and a path
// through a file are refused at once.
func TestHugeAndSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	huge := filepath.Join(dir, "huge.txt")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(200 << 20); err != nil { // sparse: no disk used
		t.Fatal(err)
	}
	f.Close()
	cases := map[string]string{
		huge:                     "文件超过 64 MB",
		filepath.Join(huge, "x"): "路径中有一段不是目录", // the system's ENOTDIR, in the run's language
	}
	fifo := filepath.Join(dir, "pipe.txt")
	if err := makeFIFO(fifo); err == nil {
		cases[fifo] = "不是普通文件"
	} else {
		t.Logf("no FIFO case: %v", err)
	}
	for path, want := range cases {
		done := make(chan struct{})
		var code int
		var out string
		go func() {
			code, out, _ = runCLI(t, "", path)
			close(done)
		}()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			t.Fatalf("%s: reportlint hangs", path)
		}
		if code != 3 || unreadableLine(out, path, want) == "" {
			t.Errorf("%s: exit %d, stdout %q, want %q", path, code, out, want)
		}
	}
}

// TestHugeStdin: standard input is read no further than the size limit.
func TestHugeStdin(t *testing.T) {
	var out, errb bytes.Buffer
	in := io.LimitReader(zeros{}, 200<<20)
	code := run([]string{"-"}, in, &out, &errb)
	if code != 3 || unreadableLine(out.String(), "-", "文件超过") == "" {
		t.Errorf("exit %d, stdout %q", code, out.String())
	}
	if rest, _ := io.Copy(io.Discard, in); rest < 100<<20 {
		t.Errorf("read %d bytes of standard input, want no more than the limit", 200<<20-rest)
	}
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	return len(p), nil
}

// TestManyFiles: folders are walked for report files only (hidden folders
// skipped), the output is grouped per file in argument and path order
// whatever the number of workers, a bad file does not stop the rest, and
// the exit code is the worst outcome.
func TestManyFiles(t *testing.T) {
	dir := t.TempDir()
	seeds, _ := filepath.Glob("../../testdata/seeds/*.txt")
	write := func(rel string, data []byte) {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for i := 0; i < 40; i++ {
		data, err := os.ReadFile(seeds[i%len(seeds)])
		if err != nil {
			t.Fatal(err)
		}
		write(fmt.Sprintf("reports/%c/%03d.txt", 'a'+i%3, i), data)
	}
	write("reports/b/empty.txt", nil)
	write("reports/.git/ignored.txt", []byte("not a report"))
	write("reports/a/picture.jpg", []byte{0xFF, 0xD8, 0xFF})
	html, _ := os.ReadFile("../../testdata/formats/001.html")
	write("reports/c/page.html", html)

	_, one, errOne := runCLI(t, "", "-j", "1", filepath.Join(dir, "reports"))
	code, four, errFour := runCLI(t, "", "-j", "4", filepath.Join(dir, "reports"))
	if one != four || errOne != errFour {
		t.Errorf("output depends on the number of workers:\n%s\nvs\n%s", one, four)
	}
	if code != 3 || errFour != "" || unreadableLine(four, filepath.Join(dir, "reports/b/empty.txt"), "文件为空") == "" {
		t.Errorf("exit %d, stderr %q", code, errFour)
	}
	if strings.Contains(one, "ignored.txt") || strings.Contains(one, "picture.jpg") {
		t.Errorf("a hidden folder or a non-report file was read")
	}
	var order []string
	for _, l := range strings.Split(one, "\n") {
		if i := strings.Index(l, ": 状态："); i >= 0 {
			order = append(order, strings.TrimPrefix(l[:i], dir+"/reports/"))
		}
	}
	if len(order) != 41 || order[0] != "a/000.txt" || order[13] != "a/039.txt" || order[14] != "b/001.txt" || order[40] != "c/page.html" {
		t.Errorf("files in this order: %v", order)
	}
	// 8 copies each of seed 000 (two warnings), 001, 002 (one error each),
	// 003 (one error, four warnings) and 004 (two notes), and page.html (seed
	// 001's error); and, across the files, one note for each of the five
	// bodies that has eight reports of one year (they cannot be paired)
	if !strings.HasSuffix(one, "共 42 个文件：已检查 41 个，未能检查 1 个，非年度报告已跳过 0 个；错误 25 个，警告 48 个，提示 21 个\n") {
		t.Errorf("summary: %s", one[strings.LastIndex(strings.TrimSuffix(one, "\n"), "\n")+1:])
	}
	// standard input among files keeps its place
	seed, _ := os.ReadFile(seeds[2])
	_, out, _ := runCLI(t, string(seed), seeds[0], "-", seeds[1])
	if a, b, c := strings.Index(out, "000.txt: 状态"), strings.Index(out, "\n-: 状态"), strings.Index(out, "001.txt: 状态"); !(a >= 0 && a < b && b < c) {
		t.Errorf("order with standard input:\n%s", out)
	}
}

func TestProgressLine(t *testing.T) {
	var b bytes.Buffer
	p := &progress{w: &b, on: true, total: 10000, start: time.Now().Add(-2 * time.Second)}
	p.show(1234)
	p.clear()
	if got := b.String(); got != "\r\x1b[K检查中 checking 1234/10000\r\x1b[K" {
		t.Errorf("progress output %q", got)
	}
	off := newProgress(&b, 10000) // not a terminal
	off.start = time.Now().Add(-time.Hour)
	b.Reset()
	off.show(5)
	if b.Len() != 0 {
		t.Errorf("progress shown on a non-terminal: %q", b.String())
	}
}
