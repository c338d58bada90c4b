package decode

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// Crafted shapes that made a reader quadratic: tables nested in cells
// (each level's text copied into the cell around it), colspans (every
// row walking a grid grown by each span), a DOCX paragraph of many line
// breaks (each break walking back over the paragraph's lines). Reading
// eight times the input must take well under 64 times as long: the time
// of the larger, best of three, against the smaller's times 32 (linear is
// 8, quadratic 64; the slack absorbs a loaded machine and the garbage
// collector's larger heaps).
func TestReadersLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("times the readers on large crafted inputs")
	}
	shapes := []struct {
		name string
		make func(n int) (string, []byte)
		n    int
	}{
		{"nested tables", func(n int) (string, []byte) {
			return "nested.html", []byte("<html><body><p>2021年政府信息公开工作年度报告</p>" + strings.Repeat("<table><tr><td>x", n))
		}, 2000},
		{"colspans", func(n int) (string, []byte) {
			// a wide first row, then many rows that each walked its grid
			return "colspan.html", []byte("<html><body><p>2021年政府信息公开工作年度报告</p><table><tr>" + strings.Repeat("<td colspan=1000>1", n) + strings.Repeat("<tr><td>2", n))
		}, 4000},
		{"one row of colspans", func(n int) (string, []byte) {
			// the shape: a single row, each cell past the grid's width
			return "wide.html", []byte("<html><body><p>2021年政府信息公开工作年度报告</p><table><tr>" + strings.Repeat("<td colspan=1000>1", n))
		}, 4000},
		{"rows under a rowspan", func(n int) (string, []byte) {
			return "rowspan.html", []byte("<html><body><p>2021年政府信息公开工作年度报告</p><table><tr><td rowspan=1000 colspan=1000>1" + strings.Repeat("<tr>", n) + strings.Repeat("<tr><td rowspan=1000 colspan=1000>2", n))
		}, 4000},
		{"DOCX line breaks", func(n int) (string, []byte) {
			return "breaks.docx", docxOf(t, "<w:p><w:r><w:t>2021年报告</w:t>"+strings.Repeat("<w:br/><w:t>x</w:t>", n)+"</w:r></w:p>")
		}, 20000},
	}
	for _, s := range shapes {
		small, large := bestOf3(t, s.make, s.n), bestOf3(t, s.make, 8*s.n)
		t.Logf("%s: %v for n=%d, %v for 8n", s.name, small, s.n, large)
		if large > 32*small+50*time.Millisecond {
			t.Errorf("%s: %v for 8 times the input, %v for the input: more than linear", s.name, large, small)
		}
	}
}

// The shapes, for their speed: each reads its input at a steady rate
// whatever its size (MB/s), as the readers read real reports.
func BenchmarkReaderShapes(b *testing.B) {
	shapes := []struct {
		name, file string
		data       string
	}{
		{"nested tables 50k", "nested.html", "<html><body><p>2021年政府信息公开工作年度报告</p>" + strings.Repeat("<table><tr><td>x", 50000)},
		{"one row of 500k colspans", "wide.html", "<html><body><p>2021年政府信息公开工作年度报告</p><table><tr>" + strings.Repeat("<td colspan=1000>", 500000)},
		{"1M rows under a rowspan", "rowspan.html", "<html><body><p>2021年政府信息公开工作年度报告</p><table><tr><td rowspan=1000 colspan=1000>1" + strings.Repeat("<tr>", 1000000)},
		{"200k rowspans", "rowspans.html", "<html><body><p>2021年政府信息公开工作年度报告</p><table>" + strings.Repeat("<tr><td rowspan=1000 colspan=1000>a", 200000)},
	}
	for _, s := range shapes {
		b.Run(s.name, func(b *testing.B) {
			data := []byte(s.data)
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := decodeBytes(s.file, data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("DOCX 800k line breaks", func(b *testing.B) {
		data := docxOf(b, "<w:p><w:r><w:t>2021年报告</w:t>"+strings.Repeat("<w:br/>", 800000)+"</w:r></w:p>")
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, err := decodeBytes("breaks.docx", data); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// A row is at most maxGridColumns cells however many it writes: the text
// of the cells past the grid's last column joins its last cell, none of it
// lost.
func TestRowPastGridWidth(t *testing.T) {
	var page strings.Builder
	page.WriteString("<html><body><p>2021年政府信息公开工作年度报告</p><table><tr><td colspan=300>wide")
	for i := 0; i < 600; i++ {
		fmt.Fprintf(&page, "<td>c%d", i)
	}
	page.WriteString("</table><p>after</p>")
	txt, err := decodeBytes("wide.html", []byte(page.String()))
	if err != nil {
		t.Fatal(err)
	}
	var row string
	for i, l := range txt.Lines {
		if txt.IsTableRow(i) {
			row = l
		}
	}
	if n := strings.Count(row, "|") - 1; n != maxGridColumns-300+1 {
		t.Errorf("%d cells in the row, want %d", n, maxGridColumns-300+1)
	}
	if !strings.Contains(row, "| c211 c212 c213 ") || !strings.HasSuffix(row, " c599 |") || !strings.Contains(row, "| c210 |") {
		t.Errorf("the cells past the grid are not the last cell's text: …%s", row[len(row)-80:])
	}
	if txt.Lines[len(txt.Lines)-1] != "after" {
		t.Errorf("last line %q", txt.Lines[len(txt.Lines)-1])
	}
}

func bestOf3(t *testing.T, make func(int) (string, []byte), n int) time.Duration {
	name, data := make(n)
	best := time.Duration(1 << 62)
	for i := 0; i < 3; i++ {
		start := time.Now()
		if _, err := decodeBytes(name, data); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		best = min(best, time.Since(start))
	}
	return best
}

// A UTF-8 report with a stray byte or a character cut short is read as
// UTF-8 with U+FFFD there; GB18030 text, every character of which is
// invalid UTF-8, is still read as GB18030; and bytes that are mostly
// invalid stay binary.
func TestStrayBytesInUTF8(t *testing.T) {
	report := "某某街道办事处2021年政府信息公开工作年度报告\n一、总体情况\n本年度共收到申请3件。\n"
	stray := []byte(report[:len(report)-10] + "\x80" + report[len(report)-10:])
	txt, err := decodeBytes("stray.txt", stray)
	if err != nil || txt.Encoding != EncodingUTF8Repaired || !strings.Contains(strings.Join(txt.Lines, "\n"), "\uFFFD") {
		t.Fatalf("stray byte: %v, %+v", err, txt)
	}
	cut := []byte(report + "第二\xe5\x9d")
	if txt, err := decodeBytes("cut.txt", cut); err != nil || txt.Encoding != EncodingUTF8Repaired {
		t.Fatalf("a character cut short at the end: %v", err)
	}
	gb := []byte{0xc4, 0xb3, 0xc4, 0xb3, 0xbd, 0xd6, 0xb5, 0xc0, '2', '0', '2', '1', 0xc4, 0xea, 0xd5, 0xfe, 0xb8, 0xae, 0xd0, 0xc5, 0xcf, 0xa2, 0xb9, 0xab, 0xbf, 0xaa}
	if txt, err := decodeBytes("gb.txt", gb); err != nil || txt.Encoding != "GB18030" || !strings.HasPrefix(txt.Lines[0], "某某街道2021年政府信息公开") {
		t.Fatalf("GB18030: %v, %+v", err, txt)
	}
	noise := bytes.Repeat([]byte{0x80, 0xff, 'a'}, 200)
	if _, err := decodeBytes("noise.txt", noise); err == nil {
		t.Fatalf("mostly invalid bytes read as text")
	}
}

// A small DOCX whose text unzips past the limit (a zip bomb) is refused
// as too large, saying that it expands, not that the file is large.
func TestDOCXExpandsPastLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("unzips 64 MB")
	}
	doc := docxOf(t, "<w:p><w:r><w:t>"+strings.Repeat(" ", MaxInputBytes)+"</w:t></w:r></w:p>")
	if len(doc) > 1<<20 {
		t.Fatalf("the bomb is %d bytes: not small", len(doc))
	}
	_, err := decodeBytes("bomb.docx", doc)
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "解压或转换后") || !strings.Contains(err.Error(), "expands past") {
		t.Fatalf("%d-byte bomb: %v", len(doc), err)
	}
}
