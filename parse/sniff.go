package parse

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
)

// ErrOldOffice is returned for Word 97-2003 (.doc) and other OLE files.
var ErrOldOffice = errors.New("是旧版 Office 文件（.doc 等），请另存为 .docx 或 PDF 后再检查 (an old Office file such as .doc: save it as .docx or PDF first)")

var (
	pdfMagic = []byte("%PDF-")
	zipMagic = []byte("PK\x03\x04")
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
)

// sniffContainer tells PDF and zip (DOCX) files by their first bytes,
// whatever their name; it returns FormatText for anything else.
func sniffContainer(data []byte) Format {
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	switch {
	case bytes.HasPrefix(data, zipMagic):
		return FormatDOCX
	case bytes.Contains(head, pdfMagic):
		// the PDF header may follow a little junk, as readers allow
		return FormatPDF
	}
	return FormatText
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
	if len(t) > 512 {
		t = t[:512]
	}
	lower := bytes.ToLower(t)
	for _, p := range htmlStarts {
		if bytes.HasPrefix(lower, []byte(p)) {
			if p == "<?xml" || p == "<!--" {
				return bytes.Contains(bytes.ToLower(head(s, 4096)), []byte("<html"))
			}
			return true
		}
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".htm", ".html", ".shtml", ".xhtml":
		h := bytes.ToLower(head(s, 65536))
		return bytes.Contains(h, []byte("<p")) || bytes.Contains(h, []byte("<div")) || bytes.Contains(h, []byte("<td")) || bytes.Contains(h, []byte("<br"))
	}
	return false
}

func head(s []byte, n int) []byte {
	if len(s) > n {
		return s[:n]
	}
	return s
}
