package parse

import (
	"fmt"
	"slices"
	"sort"
	"sync"
	"unicode/utf8"
)

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

// segment says that the runes of a rendered line from column start on come,
// one for one, from the original file at loc() onwards (its Col
// advancing). The numbers are 32-bit: a rendered text comes from a file of
// at most MaxInputBytes, and a saved page has a segment for every run of
// text (half the size of one with a Location in it).
type segment struct {
	start                                   int32
	line, col, page, para, table, row, cell int32
}

func newSegment(start int, l Location) segment {
	return segment{start: int32(start), line: int32(l.Line), col: int32(l.Col), page: int32(l.Page),
		para: int32(l.Para), table: int32(l.Table), row: int32(l.Row), cell: int32(l.Cell)}
}

// loc is where the segment's first rune comes from.
func (s segment) loc() Location {
	return Location{Line: int(s.line), Col: int(s.col), Page: int(s.page), Para: int(s.para),
		Table: int(s.table), Row: int(s.row), Cell: int(s.cell)}
}

// origin maps the lines of a rendered text (HTML, DOCX, PDF) back to the
// original file; plain text needs none.
type origin struct {
	lines [][]segment
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
	i := sort.Search(len(segs), func(i int) bool { return int(segs[i].start) > col }) - 1
	if i < 0 {
		i = 0
	}
	loc := segs[i].loc()
	if d := col - int(segs[i].start); d > 0 {
		loc.Col += d
	}
	return loc
}

// runs is rendered text with the origin of its characters.
type runs struct {
	rs   []rune
	segs []segment
}

// add appends runes that come from the original file at loc onwards.
func (r *runs) add(rs []rune, loc Location) {
	if len(rs) == 0 {
		return
	}
	if n := len(r.segs); n == 0 || !continues(r.segs[n-1], len(r.rs), loc) {
		r.segs = append(r.segs, newSegment(len(r.rs), loc))
	}
	r.rs = append(r.rs, rs...)
}

// addBytes appends the characters of UTF-8 text that come from the original
// file at loc onwards, and returns how many there were.
func (r *runs) addBytes(b []byte, loc Location) int {
	if len(b) == 0 {
		return 0
	}
	if n := len(r.segs); n == 0 || !continues(r.segs[n-1], len(r.rs), loc) {
		r.segs = append(r.segs, newSegment(len(r.rs), loc))
	}
	n := len(r.rs)
	if free := cap(r.rs) - n; free < len(b) {
		// room for a character a byte at most, which ASCII needs
		r.rs = slices.Grow(r.rs, len(b))
	}
	for i := 0; i < len(b); {
		if c := b[i]; c < utf8.RuneSelf {
			r.rs = append(r.rs, rune(c))
			i++
			continue
		}
		c, size := utf8.DecodeRune(b[i:])
		r.rs = append(r.rs, c)
		i += size
	}
	return len(r.rs) - n
}

// addRuns appends other rendered text.
func (r *runs) addRuns(o runs) {
	for i, s := range o.segs {
		end := len(o.rs)
		if i+1 < len(o.segs) {
			end = int(o.segs[i+1].start)
		}
		r.add(o.rs[s.start:end], s.loc())
	}
}

// continues reports whether loc is where the segment's run would be at
// column col anyway, so that no new segment is needed.
func continues(s segment, col int, loc Location) bool {
	want := s.loc()
	want.Col += col - int(s.start)
	return want == loc
}

// renderer builds a Text line by line from a structured source (HTML,
// DOCX), keeping where each run of characters came from. Each line is
// normalised from its runes as it ends, which spares decoding it again.
// The lines' bytes, normalised runes and segments go into one slice each,
// taken from a pool, and are copied out at their exact size when the text
// is finished: growing them leaves no garbage.
type renderer struct {
	buf      []byte    // the UTF-8 bytes of the lines
	norm     []rune    // their normalised runes
	segs     []segment // their segments
	ends     []lineEnd // where each line ends in them
	changed  []bool
	keys     []uint16
	tableRow []bool
	cur      runs
}

// lineEnd is where a rendered line ends in the renderer's slices.
type lineEnd struct {
	buf, norm, segs int
}

// renderSlices are a renderer's slices, kept for the next one.
type renderSlices struct {
	buf  []byte
	norm []rune
	segs []segment
	ends []lineEnd
}

var renderPool = sync.Pool{New: func() any { return new(renderSlices) }}

// line is where line i starts and ends in the renderer's slices.
func (b *renderer) line(i int) (start, end lineEnd) {
	if i > 0 {
		start = b.ends[i-1]
	}
	return start, b.ends[i]
}

// endLine closes the current line; isRow marks a table row rendered from
// real cells.
func (b *renderer) endLine(isRow bool) {
	if b.ends == nil {
		p := renderPool.Get().(*renderSlices)
		b.buf, b.norm, b.segs, b.ends = p.buf[:0], p.norm[:0], p.segs[:0], p.ends[:0]
	}
	rs := b.cur.rs
	n := len(b.norm)
	b.norm = slices.Grow(b.norm, len(rs))[:n+len(rs)]
	b.buf = slices.Grow(b.buf, len(rs))
	var same bool
	var keys uint16
	b.buf, same, keys = renderRunes(b.buf, b.norm[n:], rs)
	b.segs = append(b.segs, b.cur.segs...)
	b.ends = append(b.ends, lineEnd{buf: len(b.buf), norm: len(b.norm), segs: len(b.segs)})
	b.changed = append(b.changed, !same)
	b.keys = append(b.keys, keys)
	b.tableRow = append(b.tableRow, isRow)
	// the runes and segments were copied: their room serves the next line
	b.cur = runs{rs: rs[:0], segs: b.cur.segs[:0]}
}

// renderRunes appends the runes of a line to buf in UTF-8, as string(rs)
// writes them, and their normalised form to norm, which has room for them
// (normalizeRunes in one pass with the encoding).
func renderRunes(buf []byte, norm, rs []rune) ([]byte, bool, uint16) {
	same := true
	var keys uint16
	norm = norm[:len(rs)]
	for i, r := range rs {
		n := r
		switch {
		case uint32(r) < utf8.RuneSelf:
			buf = append(buf, byte(r))
			if r == '\t' {
				n, same = ' ', false
			}
		case r >= 0x4E00 && r <= 0x9FFF:
			// CJK ideographs stay as they are; the key characters are some
			buf = append(buf, 0xE0|byte(r>>12), 0x80|byte(r>>6)&0x3F, 0x80|byte(r)&0x3F)
			keys |= keyOf(r)
		default:
			if uint32(r)-0xD800 < 0x800 || uint32(r) > utf8.MaxRune {
				r = utf8.RuneError // as string(rs) writes it
			}
			buf = utf8.AppendRune(buf, r)
			if n = normRune(r); n != r {
				same = false
			}
		}
		norm[i] = n
	}
	return buf, same, keys
}

// breakLine ends the current line unless it is empty.
func (b *renderer) breakLine() {
	if len(b.cur.rs) > 0 {
		b.endLine(false)
	}
}

// row renders table cells as one pipe row, "| a | b |", each separator
// placed at the cell that follows it.
func (b *renderer) row(cells []runs, locs []Location) {
	b.breakLine()
	// the row's room made at once: a separator, the cell and a space each
	nseg, nrs := 1, 1
	for _, c := range cells {
		nseg += 2 + len(c.segs)
		nrs += 3 + len(c.rs)
	}
	b.cur.segs = slices.Grow(b.cur.segs, nseg)
	b.cur.rs = slices.Grow(b.cur.rs, nrs)
	for i, c := range cells {
		b.cur.add([]rune("| "), locs[i])
		b.cur.addRuns(withoutPipes(c))
		b.cur.add([]rune(" "), locs[i])
	}
	if len(cells) > 0 {
		b.cur.add([]rune("|"), locs[len(locs)-1])
	}
	b.endLine(true)
}

// withoutPipes turns a pipe inside a cell, which would split the cell in
// the rendered row, into a slash.
func withoutPipes(c runs) runs {
	for i, r := range c.rs {
		if r == '|' || r == '｜' || r == '│' {
			rs := append([]rune(nil), c.rs...)
			for j := i; j < len(rs); j++ {
				if rs[j] == '|' || rs[j] == '｜' || rs[j] == '│' {
					rs[j] = '/'
				}
			}
			return runs{rs: rs, segs: c.segs}
		}
	}
	return c
}

// text finishes the rendering.
func (b *renderer) text(name, enc string, f Format) *Text {
	b.breakLine()
	n := len(b.ends)
	t := &Text{Name: name, Encoding: enc, Format: f, changed: b.changed, keys: b.keys, tableRow: b.tableRow, origin: &origin{}}
	if n == 0 {
		// as Text.normalize leaves a text of no lines
		t.Norm, t.changed, t.keys = [][]rune{}, []bool{}, []uint16{}
		return t
	}
	t.Lines, t.Norm, t.origin.lines = make([]string, n), make([][]rune, n), make([][]segment, n)
	all, norm, segs := string(b.buf), slices.Clone(b.norm), slices.Clone(b.segs)
	if norm == nil {
		norm = []rune{} // an empty line's runes are empty, not nil
	}
	var start lineEnd
	for i, end := range b.ends {
		t.Lines[i] = all[start.buf:end.buf]
		t.Norm[i] = norm[start.norm:end.norm:end.norm]
		if end.segs > start.segs {
			t.origin.lines[i] = segs[start.segs:end.segs:end.segs]
		}
		start = end
	}
	renderPool.Put(&renderSlices{buf: b.buf, norm: b.norm, segs: b.segs, ends: b.ends})
	b.buf, b.norm, b.segs, b.ends = nil, nil, nil, nil
	return t
}
