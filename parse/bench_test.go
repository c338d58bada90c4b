package parse

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/reportlint/reportlint/decode"
	"github.com/reportlint/reportlint/decode/source"
)

// benchFiles are real reports in each form the tool reads without an
// outside program: seed texts, crawler texts, saved pages, DOCX.
func benchFiles(b *testing.B) map[string][]byte {
	b.Helper()
	files := globFiles(b, "../testdata/seeds/*.txt", "../testdata/corpus/*.txt", "../testdata/corpus/*.html",
		"../testdata/formats/*.html", "../testdata/formats/*.docx")
	if len(files) < 20 {
		b.Fatalf("only %d benchmark files", len(files))
	}
	return files
}

// globFiles reads the files the patterns match.
func globFiles(b *testing.B, patterns ...string) map[string][]byte {
	b.Helper()
	files := map[string][]byte{}
	for _, pattern := range patterns {
		paths, _ := filepath.Glob(pattern)
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				b.Fatal(err)
			}
			files[p] = data
		}
	}
	return files
}

func totalBytes(files map[string][]byte) int64 {
	var n int64
	for _, d := range files {
		n += int64(len(d))
	}
	return n
}

// BenchmarkDecode measures bytes to text (format detection, HTML and DOCX
// rendering, GB18030), MB/s of input.
func BenchmarkDecode(b *testing.B) { benchDecode(b, benchFiles(b)) }

// BenchmarkDecodeHTML is BenchmarkDecode for the saved pages alone.
func BenchmarkDecodeHTML(b *testing.B) {
	benchDecode(b, globFiles(b, "../testdata/corpus/*.html", "../testdata/formats/*.html"))
}

// BenchmarkDecodeDOCX is BenchmarkDecode for the DOCX files alone.
func BenchmarkDecodeDOCX(b *testing.B) {
	benchDecode(b, globFiles(b, "../testdata/formats/*.docx"))
}

func benchDecode(b *testing.B, files map[string][]byte) {
	if len(files) == 0 {
		b.Fatal("no benchmark files")
	}
	b.SetBytes(totalBytes(files))
	b.ReportAllocs()
	for b.Loop() {
		for name, data := range files {
			if _, err := decode.Bytes(context.Background(), name, data, decode.Options{Marks: Marks}); err != nil {
				b.Fatalf("%s: %v", name, err)
			}
		}
	}
}

// BenchmarkParse measures decoded text to the report model, MB/s of input.
func BenchmarkParse(b *testing.B) { benchParse(b, benchFiles(b)) }

// BenchmarkParseText is BenchmarkParse for the plain-text reports alone,
// the slowest per byte (their bytes are all text; a saved page's are
// mostly markup).
func BenchmarkParseText(b *testing.B) {
	benchParse(b, globFiles(b, "../testdata/seeds/*.txt", "../testdata/corpus/*.txt"))
}

func benchParse(b *testing.B, files map[string][]byte) {
	texts := map[string]*source.Text{}
	for name, data := range files {
		t, err := decode.Bytes(context.Background(), name, data, decode.Options{Marks: Marks})
		if err != nil {
			b.Fatal(err)
		}
		texts[name] = t
	}
	b.SetBytes(totalBytes(files))
	b.ReportAllocs()
	for b.Loop() {
		for name, t := range texts {
			if _, err := Parse(t); err != nil && err != ErrNotReport {
				b.Fatalf("%s: %v", name, err)
			}
		}
	}
}

// BenchmarkParseBytes is the two together, as the command runs them.
func BenchmarkParseBytes(b *testing.B) {
	files := benchFiles(b)
	b.SetBytes(totalBytes(files))
	b.ReportAllocs()
	for b.Loop() {
		for name, data := range files {
			if _, err := parseBytes(name, data); err != nil && err != ErrNotReport {
				b.Fatalf("%s: %v", name, err)
			}
		}
	}
}

// BenchmarkGluedHostile parses crawler text built to make the solver work:
// every 表三 row forty digits run together, 表四 sixty. Its time is the
// bound the split budget sets on one report.
func BenchmarkGluedHostile(b *testing.B) {
	data := hostileGlued()
	b.SetBytes(int64(len(data)))
	for i := 0; i < b.N; i++ {
		if _, err := parseBytes("hostile.txt", data); err != nil {
			b.Fatal(err)
		}
	}
}
