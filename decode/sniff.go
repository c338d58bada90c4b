package decode

import (
	"bytes"
	"path/filepath"
	"strings"

	"github.com/reportlint/reportlint/decode/source"
	"github.com/reportlint/reportlint/internal/bilingual"
)

// ErrOldOffice is returned for Word 97-2003 (.doc) and other OLE files.
var ErrOldOffice = bilingual.New("是旧版 Office 文件（.doc 等），请另存为 .docx 或 PDF 后再检查", "an old Office file such as .doc: save it as .docx or PDF first")

var (
	pdfMagic = []byte("%PDF-")
	zipMagic = []byte("PK\x03\x04")
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
)

// sniffContainer tells PDF and zip (DOCX) files by their first bytes,
// whatever their name; it returns source.FormatText for anything else.
func sniffContainer(data []byte) source.Format {
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	switch {
	case bytes.HasPrefix(data, zipMagic):
		return source.FormatDOCX
	case bytes.Contains(head, pdfMagic):
		// the PDF header may follow a little junk, as readers allow
		return source.FormatPDF
	}
	return source.FormatText
}

// htmlStarts are the tags an HTML file or fragment begins with.
var htmlStarts = []string{
	"<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<link", "<style", "<script",
	"<div", "<p", "<table", "<span", "<section", "<article", "<h1", "<h2", "<h3", "<h4",
	"<center", "<font", "<ul", "<form", "<br", "<strong", "<b>", "<?xml", "<!--",
}

// looksHTML decides on HTML by the content: text that opens with a tag. A
// file named .htm/.html that holds tags further down counts too; markdown
// with a stray <br> does not.
func looksHTML(s []byte, name string) bool {
	t := bytes.TrimLeft(s, " \t\r\n\ufeff")
	for _, p := range htmlStarts {
		if hasPrefixFoldASCII(t, p) {
			if p == "<?xml" || p == "<!--" {
				return containsFoldASCII(head(s, 4096), "<html")
			}
			return true
		}
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".htm", ".html", ".shtml", ".xhtml":
		h := head(s, 65536)
		return containsFoldASCII(h, "<p") || containsFoldASCII(h, "<div") || containsFoldASCII(h, "<td") || containsFoldASCII(h, "<br")
	}
	return false
}

// hasPrefixFoldASCII reports whether s begins with p, an ASCII tag opening,
// in either case; unlike a lower-case copy of the text, which for Chinese
// means a Unicode case mapping of every character, it copies nothing.
func hasPrefixFoldASCII(s []byte, p string) bool {
	return len(s) >= len(p) && bytes.EqualFold(s[:len(p)], []byte(p))
}

// containsFoldASCII reports whether s holds p, which opens with '<', in
// ASCII letters of either case.
func containsFoldASCII(s []byte, p string) bool {
	for {
		i := bytes.IndexByte(s, p[0])
		if i < 0 {
			return false
		}
		if hasPrefixFoldASCII(s[i:], p) {
			return true
		}
		s = s[i+1:]
	}
}

func head(s []byte, n int) []byte {
	if len(s) > n {
		return s[:n]
	}
	return s
}
