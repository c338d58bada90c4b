package decode

import (
	"archive/zip"
	"bytes"
	"io"
	"path"
	"regexp"
	"strings"

	"github.com/reportlint/reportlint/decode/source"
	"github.com/reportlint/reportlint/internal/bilingual"
)

// Errors of DOCX input.
var (
	ErrBadDOCX = bilingual.New("DOCX 文件已损坏或不完整", "the DOCX file is damaged or truncated")
	ErrNotDOCX = bilingual.New("是 zip 压缩包，但不是 Word 文档（.docx）", "a zip archive, but not a Word document")
)

// decodeDOCX reads the main document part of a DOCX file: each body
// paragraph a line located by its number, each table row a pipe row whose
// cells are located by table, row and cell. Horizontally merged cells
// (gridSpan) appear once; the continuation cells of a vertical merge
// (vMerge) are left out, as the merged cell's text stands in its first row.
func decodeDOCX(name string, data []byte, m *source.Marks) (*source.Text, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, ErrBadDOCX
	}
	main := mainDocumentPart(zr)
	if main == nil {
		return nil, ErrNotDOCX
	}
	xmlData, err := readZipFile(main)
	if err != nil {
		return nil, err
	}
	d := &docxReader{}
	d.out.marks = m
	if err := d.read(xmlData); err != nil {
		return nil, ErrBadDOCX
	}
	t := d.out.text(name, "DOCX", source.FormatDOCX)
	if !t.HasText() {
		return nil, ErrNoText
	}
	return t, nil
}

var mainPartRe = regexp.MustCompile(`PartName="(/[^"]+)"\s+ContentType="application/vnd\.openxmlformats-officedocument\.wordprocessingml\.document\.main\+xml"|ContentType="application/vnd\.openxmlformats-officedocument\.wordprocessingml\.document\.main\+xml"\s+PartName="(/[^"]+)"`)

// mainDocumentPart finds word/document.xml, or the part the content types
// name as the main document.
func mainDocumentPart(zr *zip.Reader) *zip.File {
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[f.Name] = f
	}
	if f := files["word/document.xml"]; f != nil {
		return f
	}
	ct := files["[Content_Types].xml"]
	if ct == nil {
		return nil
	}
	b, err := readZipFile(ct)
	if err != nil {
		return nil
	}
	if m := mainPartRe.FindSubmatch(b); m != nil {
		p := string(m[1]) + string(m[2])
		return files[strings.TrimPrefix(path.Clean(p), "/")]
	}
	return nil
}

// readZipFile decompresses one member, no more than MaxInputBytes of it,
// so that a zip bomb cannot exhaust memory.
func readZipFile(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, ErrBadDOCX
	}
	defer rc.Close()
	// read into a buffer of the size the archive gives, plus room for the
	// read that finds the end; the size is believed no further than
	// deflate can expand the compressed bytes (about 1032 times)
	size := f.UncompressedSize64
	if most := 1100*f.CompressedSize64 + 64; size > most {
		size = most
	}
	if size > MaxInputBytes {
		size = MaxInputBytes
	}
	b := make([]byte, 0, size+512)
	for len(b) <= MaxInputBytes {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)] // the size was wrong: grow
		}
		room := b[len(b):cap(b)]
		if most := MaxInputBytes + 1 - len(b); len(room) > most {
			room = room[:most]
		}
		n, err := rc.Read(room)
		b = b[:len(b)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, ErrBadDOCX
		}
	}
	if len(b) > MaxInputBytes {
		return nil, errExpandsTooLarge
	}
	return b, nil
}

// docxReader walks document.xml.
type docxReader struct {
	out renderer

	para int // body paragraphs so far
	// paraDone is how many characters of the current paragraph stand on
	// its lines before the current one (split by <w:br/>)
	paraDone int
	table    int // body tables so far

	// the body-level table being read
	depth            int // table nesting
	row, cell        int
	rows             [][]runs
	rowLocs          [][]Location
	cellText         runs
	cellLoc          Location
	cellSkip         bool // a vMerge continuation cell
	cellHasParagraph bool

	// the run being read
	inText, hidden bool
	skip           int // depth inside ignored elements
}

// hiddenBy reads a run's properties, b the document after its <w:rPr>:
// whether they say the run is hidden, and whether they say anything of it.
// A <w:vanish/> hides the run unless its val is off ("false", "0", "off");
// the properties a tracked change replaced (in <w:rPrChange>) do not
// count.
func hiddenBy(b, end, change, vanish []byte) (hidden, said bool) {
	for _, cut := range [][]byte{end, change} {
		if k := bytes.Index(b, cut); k >= 0 {
			b = b[:k]
		}
	}
	for {
		k := bytes.Index(b, vanish)
		if k < 0 {
			return false, false
		}
		b = b[k+len(vanish):]
		if len(b) == 0 {
			return false, false
		}
		switch b[0] {
		case '/', '>', ' ', '\t', '\r', '\n':
			attrs := b[:max(bytes.IndexByte(b, '>'), 0)]
			tag := xmlTag{attrs: bytes.TrimSuffix(attrs, []byte("/"))}
			return !offValue(tag.attr("val")), true
		}
	}
}

// offValue reads an ST_OnOff attribute that is present and off.
func offValue(v string, present bool) bool {
	return present && (v == "false" || v == "0" || v == "off")
}

// docxSkippedName reports elements whose text is not the document's:
// deleted text, field codes, and the fallback copy of alternate content.
func docxSkippedName(local []byte) bool {
	switch string(local) {
	case "delText", "instrText", "Fallback", "delInstrText":
		return true
	}
	return false
}

var wPrefixRe = regexp.MustCompile(`xmlns(?::([A-Za-z0-9_.-]+))?="http://schemas\.openxmlformats\.org/wordprocessingml/2006/main"`)

// read walks document.xml with scanXML. The WordprocessingML prefix is the
// one the document binds to its namespace (w, almost always).
func (d *docxReader) read(data []byte) error {
	prefix := "w"
	head := data
	if len(head) > 8192 {
		head = head[:8192]
	}
	if m := wPrefixRe.FindSubmatch(head); m != nil {
		prefix = string(m[1])
	}
	// a paragraph's properties (spacing, indents, tab stops, numbering:
	// a third of a Word document's XML) hold nothing the reader needs, and
	// their <w:tab> elements are tab stops, not tab characters: they are
	// passed over whole. So are a run's properties, once looked into for
	// <w:vanish> (hidden text).
	endPPr, endRPr, rPrChange, vanish := []byte("</"+prefix+":pPr>"), []byte("</"+prefix+":rPr>"), []byte("<"+prefix+":rPrChange"), []byte("<"+prefix+":vanish")
	if prefix == "" {
		endPPr, endRPr, rPrChange, vanish = []byte("</pPr>"), []byte("</rPr>"), []byte("<rPrChange"), []byte("<vanish")
	}
	return scanXML(data, func(t *xmlTag) []byte {
		switch {
		case d.skip > 0:
			switch {
			case t.end:
				d.skip--
			case !t.empty:
				d.skip++
			}
			return nil
		case docxSkippedName(t.local):
			if !t.end && !t.empty {
				d.skip++
			}
			return nil
		case string(t.prefix) != prefix:
			return nil
		case t.end:
			d.end(t.local)
		case string(t.local) == "pPr" && !t.empty:
			return endPPr
		case string(t.local) == "rPr" && !t.empty:
			if hidden, said := hiddenBy(t.after, endRPr, rPrChange, vanish); said {
				d.hidden = hidden
			}
			return endRPr
		default:
			d.start(t.local, t)
			if t.empty {
				d.end(t.local)
			}
		}
		return nil
	}, func(b []byte) {
		if d.skip == 0 && d.inText && !d.hidden {
			d.addBytes(unescapeXML(b))
		}
	})
}

func (d *docxReader) start(local []byte, e *xmlTag) {
	switch string(local) {
	case "p":
		if d.depth == 0 {
			d.para++
			d.paraDone = 0
			d.out.breakLine()
		} else if d.cellHasParagraph {
			d.addText(" ")
		}
		d.cellHasParagraph = d.depth > 0
	case "r":
		d.hidden = false
	case "vanish":
		d.hidden = !offValue(e.attr("val"))
	case "t":
		d.inText = !e.empty
	case "tab":
		d.addText(" ")
	case "br", "cr":
		if d.depth == 0 {
			// a line break inside a paragraph: same paragraph, new line;
			// the paragraph's characters so far are counted as it goes,
			// not again at every break
			d.paraDone += len(d.out.cur.rs)
			d.out.breakLine()
		} else {
			d.addText(" ")
		}
	case "noBreakHyphen":
		d.addText("-")
	case "tbl":
		d.depth++
		if d.depth == 1 {
			d.table++
			d.out.breakLine()
			d.row = 0
		}
	case "tr":
		if d.depth == 1 {
			d.row++
			d.cell = 0
			d.rows = append(d.rows, nil)
			d.rowLocs = append(d.rowLocs, nil)
		}
	case "tc":
		if d.depth == 1 {
			d.cell++
			d.cellText = runs{}
			d.cellLoc = Location{Table: d.table, Row: d.row, Cell: d.cell, Col: 1}
			d.cellSkip = false
			d.cellHasParagraph = false
		}
	case "vMerge":
		// <w:vMerge/> or val="continue" continues the cell above
		if v, ok := e.attr("val"); d.depth == 1 && (!ok || v == "continue") {
			d.cellSkip = true
		}
	}
}

func (d *docxReader) end(local []byte) {
	switch string(local) {
	case "t":
		d.inText = false
	case "r":
		d.hidden = false
	case "tc":
		if d.depth == 1 && len(d.rows) > 0 && !d.cellSkip {
			n := len(d.rows) - 1
			d.rows[n] = append(d.rows[n], trimRuns(d.cellText))
			d.rowLocs[n] = append(d.rowLocs[n], d.cellLoc)
		}
	case "tbl":
		if d.depth == 1 {
			d.flushTable()
		}
		if d.depth > 0 {
			d.depth--
		}
	}
}

func (d *docxReader) flushTable() {
	for i, cells := range d.rows {
		if len(cells) > 0 {
			d.out.row(cells, d.rowLocs[i])
		}
	}
	d.rows, d.rowLocs = nil, nil
}

// addText adds text at the current place: a body paragraph, or a cell.
func (d *docxReader) addText(s string) {
	d.addBytes([]byte(s))
}

// addBytes is addText for the UTF-8 bytes of the text.
func (d *docxReader) addBytes(b []byte) {
	if d.depth > 0 {
		loc := d.cellLoc
		loc.Col = len(d.cellText.rs) + 1
		d.cellText.addBytes(b, loc)
		return
	}
	loc := Location{Para: d.para, Col: d.paraCol()}
	d.out.cur.addBytes(b, loc)
}

// paraCol is the character of the current paragraph the next text starts
// at, counting the lines a <w:br/> split it into (paraDone).
func (d *docxReader) paraCol() int {
	return d.paraDone + len(d.out.cur.rs) + 1
}
