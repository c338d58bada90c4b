package decode

import (
	"slices"
	"sync"
	"unicode/utf8"
	"unsafe"

	"github.com/reportlint/reportlint/decode/source"
)

// Location and Segment are source's: short names for the readers.
type (
	Location = source.Location
	segment  = source.Segment
)

// noMarks marks nothing.
var noMarks, _ = source.NewMarks("")

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
		r.segs = append(r.segs, source.NewSegment(len(r.rs), loc))
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
		r.segs = append(r.segs, source.NewSegment(len(r.rs), loc))
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
			end = o.segs[i+1].Start()
		}
		r.add(o.rs[s.Start():end], s.Loc())
	}
}

// continues reports whether loc is where the segment's run would be at
// column col anyway, so that no new segment is needed.
func continues(s segment, col int, loc Location) bool {
	want := s.Loc()
	want.Col += col - s.Start()
	return want == loc
}

// renderer builds a Text line by line from a structured source (HTML,
// DOCX), keeping where each run of characters came from. Each line is
// normalised from its runes as it ends, which spares decoding it again.
// The lines' bytes, normalised runes and segments go into one slice each,
// taken from a pool, and are copied out at their exact size when the text
// is finished: growing them leaves no garbage. A large page's lines go
// into parts of a few megabytes instead, each kept as it is: growing one
// slice to the size of 13 million table cells copied it again and again,
// and held the old copy beside the new at each step.
type renderer struct {
	buf      []byte         // the UTF-8 bytes of the lines
	norm     []rune         // their normalised runes
	segs     []segment      // their segments
	ends     []lineEnd      // where each line ends in them
	done     []renderSlices // the parts filled before these, of a large page
	changed  []bool
	keys     []uint16
	tableRow []bool
	cur      runs
	marks    *source.Marks // nil: none
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

// The size at which the slices being filled become a part of their own
// and new ones are started (4 MB of runes, of bytes, 5 MB of segments).
const (
	partRunes = 1 << 20
	partBytes = 4 << 20
	partSegs  = 1 << 18
)

// sealPart keeps the slices being filled as a part when they have reached
// a part's size, and starts new ones.
func (b *renderer) sealPart() {
	if len(b.norm) < partRunes && len(b.buf) < partBytes && len(b.segs) < partSegs {
		return
	}
	b.done = append(b.done, renderSlices{buf: b.buf, norm: b.norm, segs: b.segs, ends: b.ends})
	b.buf, b.norm, b.segs, b.ends = nil, nil, nil, []lineEnd{}
}

// endLine closes the current line; isRow marks a table row rendered from
// real cells.
func (b *renderer) endLine(isRow bool) {
	if b.ends == nil {
		p := renderPool.Get().(*renderSlices)
		b.buf, b.norm, b.segs, b.ends = p.buf[:0], p.norm[:0], p.segs[:0], p.ends[:0]
	}
	b.sealPart()
	rs := b.cur.rs
	n := len(b.norm)
	b.norm = slices.Grow(b.norm, len(rs))[:n+len(rs)]
	b.buf = slices.Grow(b.buf, len(rs))
	var same bool
	var keys uint16
	b.buf, same, keys = renderRunes(b.buf, b.norm[n:], rs, b.marks)
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
func renderRunes(buf []byte, norm, rs []rune, m *source.Marks) ([]byte, bool, uint16) {
	if m == nil {
		m = noMarks
	}
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
			keys |= m.Of(r)
		default:
			if uint32(r)-0xD800 < 0x800 || uint32(r) > utf8.MaxRune {
				r = utf8.RuneError // as string(rs) writes it
			}
			buf = utf8.AppendRune(buf, r)
			if n = source.NormRune(r); n != r {
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
		nseg += 1 + len(c.segs)
		nrs += 3 + len(c.rs)
	}
	b.cur.segs = slices.Grow(b.cur.segs, nseg)
	b.cur.rs = slices.Grow(b.cur.rs, nrs)
	for i, c := range cells {
		b.cur.add([]rune("| "), locs[i])
		b.cur.addRuns(withoutPipes(c))
		// the space after the cell's text goes on from it: a segment of
		// its own was a third of a table's segments (36 bytes each, a
		// crafted page of 13 million cells held over a gigabyte of them)
		b.cur.rs = append(b.cur.rs, ' ')
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
func (b *renderer) text(name, enc string, f source.Format) *source.Text {
	b.breakLine()
	parts := append(b.done, renderSlices{buf: b.buf, norm: b.norm, segs: b.segs, ends: b.ends})
	n := 0
	for _, p := range parts {
		n += len(p.ends)
	}
	r := source.Rendered{Name: name, Encoding: enc, Format: f, Changed: b.changed, Keys: b.keys, TableRow: b.tableRow, Marks: b.marks}
	if n == 0 {
		// as a plain text of no lines
		r.Norm, r.Changed, r.Keys = [][]rune{}, []bool{}, []uint16{}
		return source.FromRendered(r)
	}
	r.Lines, r.Norm, r.Segments = make([]string, n), make([][]rune, n), make([][]segment, n)
	// a text of ordinary size is copied out at its exact size and the
	// slices go back to the pool for the next; a large one (a crafted page
	// of a million cells) keeps its parts, slack and all (at most a
	// quarter of a part, append's growth): copying them held the text
	// twice, and pooling them kept hundreds of megabytes alive after the
	// file was done
	pooled := len(parts) == 1 && renderBytes(b) <= maxPooledRender
	i := 0
	for _, p := range parts {
		all, norm, segs := unsafe.String(unsafe.SliceData(p.buf), len(p.buf)), p.norm, p.segs
		if pooled {
			all, norm, segs = string(p.buf), slices.Clone(p.norm), slices.Clone(p.segs)
		}
		if norm == nil {
			norm = []rune{} // an empty line's runes are empty, not nil
		}
		var start lineEnd
		for _, end := range p.ends {
			r.Lines[i] = all[start.buf:end.buf]
			r.Norm[i] = norm[start.norm:end.norm:end.norm]
			if end.segs > start.segs {
				r.Segments[i] = segs[start.segs:end.segs:end.segs]
			}
			start = end
			i++
		}
	}
	if pooled {
		renderPool.Put(&renderSlices{buf: b.buf, norm: b.norm, segs: b.segs, ends: b.ends})
	}
	b.buf, b.norm, b.segs, b.ends, b.done = nil, nil, nil, nil, nil
	return source.FromRendered(r)
}

// maxPooledRender is the most a renderer's slices may hold to be copied
// out and kept in the pool: far more than a report's page, far less than
// the largest file decode reads.
const maxPooledRender = 8 << 20

// renderBytes is the memory a renderer's slices hold.
func renderBytes(b *renderer) int {
	return cap(b.buf) + cap(b.norm)*int(unsafe.Sizeof(rune(0))) + cap(b.segs)*int(unsafe.Sizeof(segment{})) + cap(b.ends)*int(unsafe.Sizeof(lineEnd{}))
}
