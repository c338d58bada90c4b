package decode

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"math/rand"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html/atom"

	"github.com/reportlint/reportlint/decode/source"
)

// decodeBytes decodes with the default options.
func decodeBytes(name string, data []byte) (*source.Text, error) {
	return Bytes(context.Background(), name, data, Options{})
}

// Without pdftotext a PDF gets a clear error, not a guess.
func TestPDFWithoutTool(t *testing.T) {
	_, err := Bytes(context.Background(), "x.pdf", []byte("%PDF-1.4\n"), Options{PDFToText: "/nonexistent/pdftotext"})
	if !errors.Is(err, ErrNoPDFTool) {
		t.Errorf("err %v, want ErrNoPDFTool", err)
	}
}

func TestTagAttrs(t *testing.T) {
	for raw, want := range map[string]tagAttrs{
		`<td colspan="3" rowspan=2 style="x">`:                     {colspan: "3", rowspan: "2"},
		`<TD ColSpan='4' vAlign="top">`:                            {colspan: "4"},
		`<td style="mso-colspan: 3; width:1pt" class="colspan=9">`: {},
		`<a href="/x?colspan=3&amp;y=1" target=_blank>`:            {href: true},
		`<td nowrap colspan = "2"/>`:                               {colspan: "2"},
		`<td colspan="2" colspan="5">`:                             {colspan: "2"},
		`<td colspan="&#50;">`:                                     {colspan: "2"},
		`<td/colspan=2>`:                                           {colspan: "2"},
	} {
		a, rest := rawTagAtom([]byte(raw)[1:])
		if a != atom.Td && a != atom.A {
			t.Errorf("%s: tag %v", raw, a)
		}
		if got := readTagAttrs(rest); got != want {
			t.Errorf("%s: %+v, want %+v", raw, got, want)
		}
	}
}

// A lone & (no reference after it) is text, and used to loop for ever.
func TestHTMLLoneAmpersand(t *testing.T) {
	txt, err := decodeBytes("a.html", []byte("<p>A & B &&amp; C&</p>"))
	if err != nil || len(txt.Lines) != 1 || txt.Lines[0] != "A & B && C&" {
		t.Fatalf("%v %q", err, txt.Lines)
	}
}

// advance counts lines and columns in bulk as step counts them rune by
// rune, for text with LF, CR LF and lone CR cut into tokens anywhere
// (a CR LF may be split between two tokens).
func TestAdvanceAgreesWithStep(t *testing.T) {
	pieces := []string{"a", "<td>", "\n", "\r", "\r\n", "报", "告", " ", "\r\r", "\n\n", "😀"}
	r := rand.New(rand.NewSource(6))
	for k := 0; k < 20000; k++ {
		var text []byte
		for n := r.Intn(30); n > 0; n-- {
			text = append(text, pieces[r.Intn(len(pieces))]...)
		}
		bulk, each := &htmlWalker{line: 1, col: 1}, &htmlWalker{line: 1, col: 1}
		for rest := text; len(rest) > 0; {
			cut := 1 + r.Intn(len(rest))
			for cut < len(rest) && !utf8.RuneStart(rest[cut]) {
				cut++ // tokens end between characters
			}
			bulk.advance(rest[:cut])
			for _, c := range string(rest[:cut]) {
				each.step(c)
			}
			if bulk.line != each.line || bulk.col != each.col || bulk.lastCR != each.lastCR {
				t.Fatalf("%q, after %q: line %d col %d lastCR %v, want %d %d %v",
					text, rest[:cut], bulk.line, bulk.col, bulk.lastCR, each.line, each.col, each.lastCR)
			}
			rest = rest[cut:]
		}
	}
}

// docxOf zips document.xml into the smallest DOCX the reader accepts.
func docxOf(t testing.TB, body string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, err := zw.Create("word/document.xml")
	if err == nil {
		_, err = w.Write([]byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body + `</w:body></w:document>`))
	}
	if err == nil {
		err = zw.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// A paragraph's tab stops (<w:tab> in <w:pPr><w:tabs>) are not tab
// characters: only a <w:tab/> in a run is a space of the text. The
// properties are passed over whole, a revision of them (a <w:pPr> inside
// <w:pPrChange>) included.
func TestDOCXTabStopsAreNotText(t *testing.T) {
	doc := docxOf(t, `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/><w:tab w:val="left" w:pos="840"/></w:tabs>`+
		`<w:pPrChange w:id="1"><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr></w:pPrChange>`+
		`<w:rPr><w:vanish/></w:rPr></w:pPr>`+
		`<w:r><w:t>一、总体情况</w:t></w:r><w:r><w:tab/><w:t>2019年</w:t></w:r></w:p>`+
		`<w:p><w:pPr/><w:r><w:t>第二段</w:t></w:r></w:p>`)
	txt, err := decodeBytes("tabs.docx", doc)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"一、总体情况 2019年", "第二段"}; !slices.Equal(nonEmpty(txt.Lines), want) {
		t.Fatalf("lines %q, want %q", txt.Lines, want)
	}
	// the year stands at the 8th character of paragraph 1
	if loc := txt.Locate(source.Pos{Line: lineOf(txt, "一、总体情况 2019年") + 1, Col: 8}); loc.Para != 1 || loc.Col != 8 {
		t.Fatalf("the year is located at %+v, want paragraph 1 character 8", loc)
	}
}

func nonEmpty(lines []string) []string {
	var out []string
	for _, l := range lines {
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return out
}

func lineOf(txt *source.Text, s string) int {
	for i, l := range txt.Lines {
		if l == s {
			return i
		}
	}
	return -1
}

// A run whose properties hold <w:vanish/> is hidden text, whatever else
// they hold (fonts, a tracked change of them); a vanish whose val is off
// hides nothing, nor does one among the properties a tracked change
// replaced, nor <w:specVanish/>.
func TestDOCXHiddenRuns(t *testing.T) {
	doc := docxOf(t, `<w:p>`+
		`<w:r><w:rPr><w:rFonts w:ascii="宋体"/><w:vanish/><w:rPrChange w:id="2"><w:rPr><w:b/></w:rPr></w:rPrChange></w:rPr><w:t>隐藏一</w:t></w:r>`+
		`<w:r><w:rPr><w:vanish /></w:rPr><w:t>隐藏二</w:t></w:r>`+
		`<w:r><w:rPr><w:vanish w:val="true"/></w:rPr><w:t>隐藏三</w:t></w:r>`+
		`<w:r><w:rPr><w:specVanish/><w:sz w:val="24"/></w:rPr><w:t>可见一</w:t></w:r>`+
		`<w:r><w:rPr/><w:t>可见二</w:t></w:r>`+
		`<w:r><w:rPr><w:vanish w:val="false"/></w:rPr><w:t>可见三</w:t></w:r>`+
		`<w:r><w:rPr><w:vanish w:val="0" /></w:rPr><w:t>可见四</w:t></w:r>`+
		`<w:r><w:rPr><w:b/><w:rPrChange w:id="3"><w:rPr><w:vanish/></w:rPr></w:rPrChange></w:rPr><w:t>可见五</w:t></w:r>`+
		`<w:r><w:t>可见六</w:t></w:r></w:p>`)
	txt, err := decodeBytes("hidden.docx", doc)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"可见一可见二可见三可见四可见五可见六"}; !slices.Equal(nonEmpty(txt.Lines), want) {
		t.Fatalf("lines %q, want %q", txt.Lines, want)
	}
}
