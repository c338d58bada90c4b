package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// A finding across reports points into two files: its own place in this
// year's report and a related place in the other. Each must be a place in
// the right original file, whatever the file's format: an HTML file's
// lines are not its text's, a DOCX has paragraphs, a PDF pages. The pair
// cases of testdata/pairs are written as HTML, DOCX and PDF, and the
// places of the plain-text run are moved as each format moves them.

// place is a finding's own and related location as the JSON output gives
// them, with the related file.
type place struct {
	file            string
	line, col       int
	relFile         string
	relLine, relCol int
	relZh           string // the related message
	// the text output's places: path:line:col, and for DOCX and PDF the
	// place in words after the message
	ownWhere, ownPlace, relWhere, relPlace string
}

// htmlHead are the lines an HTML report begins with: each report line
// follows as a <p> of its own, so that line n of the text is line n+3 of
// the file and its column is moved by the <p>.
const htmlHead = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>report</title></head>\n<body>\n"

func asHTML(lines []string) []byte {
	var b strings.Builder
	b.WriteString(htmlHead)
	for _, l := range lines {
		fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(l))
	}
	b.WriteString("</body></html>\n")
	return []byte(b.String())
}

// asDOCX makes each line a paragraph of a Word document.
func asDOCX(t *testing.T, lines []string) []byte {
	t.Helper()
	var body strings.Builder
	for _, l := range lines {
		var esc bytes.Buffer
		_ = xmlEscape(&esc, l)
		fmt.Fprintf(&body, `<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>`, esc.String())
	}
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, err := zw.Create("word/document.xml")
	if err == nil {
		_, err = w.Write([]byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body.String() + `</w:body></w:document>`))
	}
	if err == nil {
		err = zw.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func xmlEscape(b *bytes.Buffer, s string) error {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	_, err := b.WriteString(r.Replace(s))
	return err
}

// pdfPageLines is how many lines the fake PDFs print on a page.
const pdfPageLines = 40

// asPDF is a PDF as far as the format sniffing goes, whose text the fake
// pdftotext below prints: the report's lines, pdfPageLines to a page.
func asPDF(lines []string) []byte {
	var b strings.Builder
	b.WriteString("%PDF-1.4\n")
	for i, l := range lines {
		if i > 0 && i%pdfPageLines == 0 {
			b.WriteString("\f")
		}
		b.WriteString(l + "\n")
	}
	return []byte(b.String())
}

// fakePDFToText writes a pdftotext that prints a fake PDF's text: the file
// after its first line (pdftotext is called with -layout -enc UTF-8 FILE -).
func fakePDFToText(t *testing.T) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the fake pdftotext is a shell script")
	}
	p := filepath.Join(t.TempDir(), "pdftotext")
	if err := os.WriteFile(p, []byte("#!/bin/sh\ntail -n +2 \"$4\"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestRelatedLocationsInEachFormat(t *testing.T) {
	tool := fakePDFToText(t)
	for _, c := range []struct{ archive, rule string }{
		{"carry-applications-differ.txtar", "carry-applications"},
		{"shared-prose.txtar", "shared-prose"},
	} {
		t.Run(c.rule, func(t *testing.T) {
			ar, err := txtar.ParseFile("../../testdata/pairs/" + c.archive)
			if err != nil {
				t.Fatal(err)
			}
			reports := map[string][]string{}
			for _, f := range ar.Files {
				if f.Name != "want" {
					reports[strings.TrimSuffix(f.Name, ".txt")] = strings.Split(strings.TrimSuffix(string(f.Data), "\n"), "\n")
				}
			}
			if len(reports) != 2 {
				t.Fatalf("%d reports in %s", len(reports), c.archive)
			}
			base := firstPlace(t, writeAll(t, reports, ".txt", nil), c.rule, nil)
			if base.relLine < 2 || base.relCol < 2 {
				t.Fatalf("plain text: related place %+v: too near the start to show a move", base)
			}
			for _, format := range []string{".html", ".docx", ".pdf"} {
				t.Run(format[1:], func(t *testing.T) {
					var conv func([]string) []byte
					switch format {
					case ".html":
						conv = asHTML
					case ".docx":
						conv = func(ls []string) []byte { return asDOCX(t, ls) }
					case ".pdf":
						conv = asPDF
					}
					got := firstPlace(t, writeAll(t, reports, format, conv), c.rule, []string{"--pdftotext", tool})
					checkMoved(t, format, reports, base, got)
				})
			}
		})
	}
}

// writeAll writes the reports into a new folder in one format.
func writeAll(t *testing.T, reports map[string][]string, ext string, conv func([]string) []byte) string {
	t.Helper()
	dir := t.TempDir()
	for name, lines := range reports {
		data := []byte(strings.Join(lines, "\n") + "\n")
		if conv != nil {
			data = conv(lines)
		}
		if err := os.WriteFile(filepath.Join(dir, name+ext), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// firstPlace runs the folder in text, JSON and SARIF and gives the first
// finding of the rule: its places as JSON has them, checked to be the
// ones the text output and SARIF give.
func firstPlace(t *testing.T, dir, rule string, flags []string) place {
	t.Helper()
	args := append(append([]string{}, flags...), "--format", "json", dir)
	_, out, errs := runCLI(t, "", args...)
	if errs != "" {
		t.Fatalf("stderr: %s", errs)
	}
	var doc struct {
		Files []struct {
			File     string
			Findings []struct {
				Rule    string
				Line    int
				Column  int
				Related []struct {
					File    string
					Line    int
					Column  int
					Message struct{ Zh string }
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	var p place
	var own string
	for _, f := range doc.Files {
		for _, fd := range f.Findings {
			if fd.Rule == rule && len(fd.Related) == 1 && own == "" {
				own = f.File
				r := fd.Related[0]
				p = place{file: f.File, line: fd.Line, col: fd.Column, relFile: r.File, relLine: r.Line, relCol: r.Column, relZh: r.Message.Zh}
			}
		}
	}
	if own == "" {
		t.Fatalf("no %s finding with a related place in\n%s", rule, out)
	}
	// the text output: the finding's line, and under it the related place
	_, text, _ := runCLI(t, "", append(append([]string{}, flags...), dir)...)
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if !strings.Contains(l, "["+rule+"]") || i+1 >= len(lines) {
			continue
		}
		if m := relatedLineRe.FindStringSubmatch(lines[i+1]); m != nil && m[2] == p.relZh {
			p.ownWhere = l[:strings.Index(l, ": ")]
			if o := ownPlaceRe.FindStringSubmatch(l); o != nil {
				p.ownPlace = o[1]
			}
			p.relWhere, p.relPlace = m[1], m[3]
			break
		}
	}
	if p.ownWhere == "" {
		t.Fatalf("no %s finding followed by its related place in\n%s", rule, text)
	}
	// SARIF: the result's related location has JSON's place
	_, out, _ = runCLI(t, "", append(append([]string{}, flags...), "--format", "sarif", dir)...)
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID           string
				RelatedLocations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine, StartColumn int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, res := range log.Runs[0].Results {
		for _, rl := range res.RelatedLocations {
			pl := rl.PhysicalLocation
			if res.RuleID == rule && strings.HasSuffix(pl.ArtifactLocation.URI, filepath.Base(p.relFile)) &&
				pl.Region.StartLine == p.relLine && pl.Region.StartColumn == p.relCol {
				found = true
			}
		}
	}
	if !found {
		t.Errorf("SARIF: no %s result with a related location at %s:%d:%d", rule, filepath.Base(p.relFile), p.relLine, p.relCol)
	}
	return p
}

// relatedLineRe reads a related place's line: "    path:line:col: message"
// and, for a DOCX or PDF, " (place in words)"; ownPlaceRe the place in
// words at the end of a finding's line.
var (
	relatedLineRe = regexp.MustCompile(`^    (.*?): (.*?)(?: \(([^()]*)\))?$`)
	ownPlaceRe    = regexp.MustCompile(` \(([^()]*)\) \[[a-z0-9-]+\]$`)
)

// checkMoved compares a format's places with the plain text's, moved as
// the format moves them.
func checkMoved(t *testing.T, format string, reports map[string][]string, base, got place) {
	t.Helper()
	// a column of the HTML file: the <p>, then the line's text escaped
	htmlCol := func(file string, line, col int) int {
		rs := []rune(reports[strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))][line-1])
		return 3 + len([]rune(html.EscapeString(string(rs[:col-1])))) + 1
	}
	relFile := strings.TrimSuffix(filepath.Base(base.relFile), ".txt") + format
	if filepath.Base(got.relFile) != relFile {
		t.Errorf("related file %s, want %s", got.relFile, relFile)
	}
	var wantOwn, wantRel, ownPlace, relPlace string
	switch format {
	case ".html":
		// three lines of head, and <p> before each line's text
		ownCol, relCol := htmlCol(base.file, base.line, base.col), htmlCol(base.relFile, base.relLine, base.relCol)
		if got.line != base.line+3 || got.col != ownCol || got.relLine != base.relLine+3 || got.relCol != relCol {
			t.Errorf("HTML: own %d:%d related %d:%d, want %d:%d and %d:%d",
				got.line, got.col, got.relLine, got.relCol, base.line+3, ownCol, base.relLine+3, relCol)
		}
		wantOwn = fmt.Sprintf(":%d:%d", base.line+3, ownCol)
		wantRel = fmt.Sprintf("%s:%d:%d", relFile, base.relLine+3, relCol)
	case ".docx":
		// a paragraph a line; JSON keeps the extracted text's lines
		if got.relLine != base.relLine || got.relCol != base.relCol {
			t.Errorf("DOCX: related %d:%d in the text, want %d:%d", got.relLine, got.relCol, base.relLine, base.relCol)
		}
		wantOwn = fmt.Sprintf(":%d:%d", base.line, base.col)
		wantRel = fmt.Sprintf("%s:%d:%d", relFile, base.relLine, base.relCol)
		ownPlace = fmt.Sprintf("第%d段第%d字", base.line, base.col)
		relPlace = fmt.Sprintf("第%d段第%d字", base.relLine, base.relCol)
	case ".pdf":
		if got.relLine != base.relLine || got.relCol != base.relCol {
			t.Errorf("PDF: related %d:%d in the text, want %d:%d", got.relLine, got.relCol, base.relLine, base.relCol)
		}
		pageLine := func(n int) string {
			return fmt.Sprintf("第%d页第%d行", (n-1)/pdfPageLines+1, (n-1)%pdfPageLines+1)
		}
		wantOwn = fmt.Sprintf(":%d:%d", base.line, base.col)
		wantRel = fmt.Sprintf("%s:%d:%d", relFile, base.relLine, base.relCol)
		ownPlace, relPlace = pageLine(base.line), pageLine(base.relLine)
	}
	if !strings.HasSuffix(got.ownWhere, wantOwn) || got.ownPlace != ownPlace {
		t.Errorf("text output places the finding at %s (%s), want …%s (%s)", got.ownWhere, got.ownPlace, wantOwn, ownPlace)
	}
	if !strings.HasSuffix(got.relWhere, string(filepath.Separator)+wantRel) || got.relPlace != relPlace {
		t.Errorf("text output places the related place at %s (%s), want %s (%s)", got.relWhere, got.relPlace, wantRel, relPlace)
	}
}
