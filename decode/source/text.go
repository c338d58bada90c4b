// Package source is the text of a report as decode gives it: its lines, a
// normalised copy of each line, and where each character came from in the
// original file. It is the one thing the decoders and the parser share: the
// decoders (package decode) make a Text, the parser reads it, and findings
// are mapped back to the file through it. It knows nothing of file formats'
// bytes nor of tables and rules.
package source

import (
	"fmt"
	"sort"
	"unicode/utf8"
)

// Pos is a place in a decoded text: a 1-based line and a 1-based column
// counted in characters. Where the text was rendered from a structured file
// (HTML, DOCX, PDF), Text.Locate says where the place is in that file.
type Pos struct {
	Line int
	Col  int
}

// Text is a decoded report: its lines (without line terminators), and a
// normalised copy of each line in which every rune maps one-to-one onto the
// line, so that a column found in the normalised text is the column in the
// line. For plain text the lines are the file's own; for HTML, DOCX and PDF
// they are a rendering of it, and Locate maps a position back to the file.
//
// A Text does not change once made, and nothing in it is filled on first
// use: it may be read by several goroutines. Lines and Norm are shared with
// the caller and must not be modified.
type Text struct {
	Name     string
	Format   Format
	Encoding string
	Lines    []string
	Norm     [][]rune

	// tableRow marks lines rendered from a real table row (HTML, DOCX):
	// every cell between their pipes is a cell of the table, empty or not.
	tableRow []bool
	origin   *origin
	normStr  []string // string(Norm[i]) where made with Norm (plain text), else ""
	changed  []bool   // normalisation changed some rune of the line
	marks    *Marks
	keys     []uint16 // the marked characters each line holds
}

// Plain makes the Text of a plain-text file from its lines. runes is how
// many characters the lines hold, or -1 for Plain to count them; m are the
// characters to mark (nil: none).
func Plain(name, encoding string, lines []string, runes int, m *Marks) *Text {
	t := &Text{Name: name, Encoding: encoding, Format: FormatText, Lines: lines}
	t.normalize(runes, m)
	return t
}

// normalize makes Norm from Lines, the runes of all lines in one slice;
// total is how many runes the lines hold, or -1 for it to count them.
func (t *Text) normalize(total int, m *Marks) {
	if m == nil {
		m = noMarks
	}
	t.marks = m
	t.Norm = make([][]rune, len(t.Lines))
	t.changed = make([]bool, len(t.Lines))
	t.keys = make([]uint16, len(t.Lines))
	if total < 0 {
		total = 0
		for _, l := range t.Lines {
			total += utf8.RuneCountInString(l)
		}
	}
	all := make([]rune, total)
	// the normalised strings of the lines normalisation changed, in one
	// buffer (a line it left as it was is its own), sized once for all
	// lines: most lines of Chinese text change (their full-width commas
	// and colons), and growing it line by line was a third of
	// normalisation's time
	size := 0
	for _, l := range t.Lines {
		size += len(l)
	}
	nb := make([]byte, 0, size)
	spans := make([][2]int, len(t.Lines))
	for i, l := range t.Lines {
		var n int
		var same bool
		from := len(nb)
		n, same, t.keys[i], nb = normalizeInto(all, nb, l, m)
		t.Norm[i], all = all[:n:n], all[n:]
		t.changed[i] = !same
		spans[i] = [2]int{from, len(nb)}
	}
	t.normStr = make([]string, len(t.Lines))
	strs := string(nb)
	for i, l := range t.Lines {
		if t.changed[i] {
			t.normStr[i] = strs[spans[i][0]:spans[i][1]]
		} else {
			t.normStr[i] = l
		}
	}
}

// Rendered are the parts of a Text rendered from a structured file, line by
// line: what a decoder that builds lines itself hands over.
type Rendered struct {
	Name, Encoding string
	Format         Format
	Lines          []string
	Norm           [][]rune
	// Changed says that normalisation changed some rune of the line, Keys
	// which of Marks' characters it holds, TableRow that it is a table row
	// rendered from real cells, Segments where its characters come from.
	Changed  []bool
	Keys     []uint16
	TableRow []bool
	Segments [][]Segment
	Marks    *Marks
}

// FromRendered makes the Text of a rendered file. The slices become the
// Text's: the caller keeps none of them.
func FromRendered(r Rendered) *Text {
	m := r.Marks
	if m == nil {
		m = noMarks
	}
	return &Text{Name: r.Name, Encoding: r.Encoding, Format: r.Format, Lines: r.Lines, Norm: r.Norm,
		changed: r.Changed, keys: r.Keys, tableRow: r.TableRow, origin: &origin{lines: r.Segments}, marks: m}
}

// NormString is Norm[i] as a string when the Text holds it without making
// it: a line normalisation left as it was (valid UTF-8, no rune changed) is
// its own normalised string, and a plain text has made them all. ok is
// false when the string would have to be made.
func (t *Text) NormString(i int) (s string, ok bool) {
	if i < len(t.changed) && !t.changed[i] {
		return t.Lines[i], true
	}
	if i < len(t.normStr) && (t.normStr[i] != "" || len(t.Norm[i]) == 0) {
		return t.normStr[i], true
	}
	return "", len(t.Norm[i]) == 0
}

// Changed reports whether normalisation changed some rune of line i (0-based).
func (t *Text) Changed(i int) bool {
	return i < len(t.changed) && t.changed[i]
}

// IsTableRow reports a line rendered from a real table row.
func (t *Text) IsTableRow(i int) bool {
	return i < len(t.tableRow) && t.tableRow[i]
}

// Marks are the characters whose presence Keys records.
func (t *Text) Marks() *Marks { return t.marks }

// Keys is which of Marks' characters line i holds, a bit each.
func (t *Text) Keys(i int) uint16 {
	if i < len(t.keys) {
		return t.keys[i]
	}
	return 0
}

// HasText reports whether any line holds something other than spaces and
// table pipes.
func (t *Text) HasText() bool {
	for _, l := range t.Norm {
		for _, r := range l {
			if r != ' ' && r != '|' {
				return true
			}
		}
	}
	return false
}

// Format is the kind of file a report arrived as, told by its content.
type Format int

const (
	FormatText Format = iota // plain text, markdown
	FormatHTML
	FormatDOCX
	FormatPDF
)

func (f Format) String() string {
	return [...]string{"text", "html", "docx", "pdf"}[f]
}

// Location is where a person finds a place in the original file. Which
// fields are set depends on the format: Line and Col for text and HTML (the
// line and column an editor shows), Page and Line for PDF (the line counted
// on the page of the extracted text), Para or Table/Row/Cell for DOCX, with
// Col the character in that paragraph or cell.
type Location struct {
	Line, Col        int
	Page             int
	Para             int
	Table, Row, Cell int
}

// Known reports a location that says where something is (the zero
// Location says nothing).
func (l Location) Known() bool {
	return l.Line > 0 || l.Page > 0 || l.Para > 0 || l.Table > 0
}

// String writes the location as it follows the file name in a finding:
// "12:5" for a text or HTML file, a page, paragraph or table cell
// reference in words otherwise.
func (l Location) String(en bool) string {
	switch {
	case l.Page > 0 && en:
		return fmt.Sprintf("page %d line %d", l.Page, l.Line)
	case l.Page > 0:
		return fmt.Sprintf("第%d页第%d行", l.Page, l.Line)
	case l.Table > 0 && en:
		return fmt.Sprintf("table %d row %d cell %d", l.Table, l.Row, l.Cell)
	case l.Table > 0:
		return fmt.Sprintf("表%d第%d行第%d格", l.Table, l.Row, l.Cell)
	case l.Para > 0 && en:
		return fmt.Sprintf("paragraph %d char %d", l.Para, l.Col)
	case l.Para > 0:
		return fmt.Sprintf("第%d段第%d字", l.Para, l.Col)
	}
	return fmt.Sprintf("%d:%d", l.Line, l.Col)
}

// A Segment says that the runes of a rendered line from column Start() on
// come, one for one, from the original file at Loc() onwards (its Col
// advancing). A place in a file is one of four kinds, each of at most four
// numbers: a line and column (text, HTML), a page, line and column (PDF),
// a paragraph and character (DOCX), or a table, row, cell and character
// (DOCX). A segment holds the kind in the top two bits of its column and
// the numbers in 32 bits each: a rendered text comes from a file of at
// most 64 MB (what decode accepts), so no column reaches 1<<30, and a page
// of table cells has a segment for every cell (20 bytes, where the seven
// numbers of a Location took 36: a crafted page of 13 million cells).
type Segment struct {
	start      uint32 // the column, and the kind of place (segKindShift)
	a, b, c, d int32
}

// The kinds of place a segment holds.
const (
	segLineCol = iota // a, b: Line, Col
	segPage           // a, b, c: Page, Line, Col
	segPara           // a, b: Para, Col
	segCell           // a, b, c, d: Table, Row, Cell, Col

	segKindShift = 30
	segColumn    = 1<<segKindShift - 1
)

// NewSegment says that the runes from column start on come from l onwards.
func NewSegment(start int, l Location) Segment {
	col := uint32(start) & segColumn
	switch {
	case l.Table > 0:
		return Segment{start: col | segCell<<segKindShift, a: int32(l.Table), b: int32(l.Row), c: int32(l.Cell), d: int32(l.Col)}
	case l.Para > 0:
		return Segment{start: col | segPara<<segKindShift, a: int32(l.Para), b: int32(l.Col)}
	case l.Page > 0:
		return Segment{start: col | segPage<<segKindShift, a: int32(l.Page), b: int32(l.Line), c: int32(l.Col)}
	}
	return Segment{start: col | segLineCol<<segKindShift, a: int32(l.Line), b: int32(l.Col)}
}

// Loc is where the segment's first rune comes from.
func (s Segment) Loc() Location {
	switch s.start >> segKindShift {
	case segCell:
		return Location{Table: int(s.a), Row: int(s.b), Cell: int(s.c), Col: int(s.d)}
	case segPara:
		return Location{Para: int(s.a), Col: int(s.b)}
	case segPage:
		return Location{Page: int(s.a), Line: int(s.b), Col: int(s.c)}
	}
	return Location{Line: int(s.a), Col: int(s.b)}
}

// Start is the column of the rendered line, counted from 0, where the
// segment's runes begin.
func (s Segment) Start() int { return int(s.start & segColumn) }

// origin maps the lines of a rendered text (HTML, DOCX, PDF) back to the
// original file; plain text needs none.
type origin struct {
	lines [][]Segment
}

// Locate returns where the position p of the decoded text is in the
// original file.
func (t *Text) Locate(p Pos) Location {
	if t.origin == nil || p.Line < 1 || p.Line > len(t.origin.lines) {
		return Location{Line: p.Line, Col: p.Col}
	}
	segs := t.origin.lines[p.Line-1]
	if len(segs) == 0 {
		return Location{Line: p.Line, Col: p.Col}
	}
	col := p.Col - 1
	i := sort.Search(len(segs), func(i int) bool { return segs[i].Start() > col }) - 1
	if i < 0 {
		i = 0
	}
	loc := segs[i].Loc()
	if d := col - segs[i].Start(); d > 0 {
		loc.Col += d
	}
	return loc
}
