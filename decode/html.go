package decode

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/reportlint/reportlint/decode/source"
)

// decodeHTML renders an HTML page or fragment as text: one line a block
// (paragraph, heading, list item), one pipe row a table row built from the
// real <td> and <th> cells, rowspan and colspan resolved so that a merged
// cell appears once. Every character keeps its line and column in the HTML
// file. data is the file; s and enc its text as Decode guessed it, which a
// declared charset overrides when the bytes are not UTF-8.
func decodeHTML(name string, data, s []byte, enc string, m *source.Marks) (*source.Text, error) {
	// Decode found UTF-8 text valid already; other bytes are checked here
	if utf8Enc := enc == "UTF-8" || enc == "UTF-8 BOM"; !utf8Enc && !utf8.Valid(data) {
		// Decode already read GB18030 text; another declared charset (Big5)
		// overrides that. gb2312 and GBK pages are decoded as GB18030, their
		// superset, as browsers do.
		if label := declaredCharset(data); label != "" {
			if e, err := htmlindex.Get(label); err == nil && e != simplifiedchinese.GBK {
				if out, err := e.NewDecoder().Bytes(data); err == nil && utf8.Valid(out) {
					s, enc = out, strings.ToUpper(label)
				}
			}
		}
	}
	w := newHTMLWalker(s)
	w.out.marks = m
	w.walk()
	t := w.out.text(name, enc, source.FormatHTML)
	if !t.HasText() {
		return nil, ErrNoText
	}
	return t, nil
}

var metaCharsetRe = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_\-]+)`)

// declaredCharset finds the charset a page declares in its first bytes.
func declaredCharset(data []byte) string {
	h := data
	if len(h) > 4096 {
		h = h[:4096]
	}
	if m := metaCharsetRe.FindSubmatch(h); m != nil {
		return strings.ToLower(string(m[1]))
	}
	return ""
}

// htmlCell is one <td> or <th> being read.
type htmlCell struct {
	text runs
	loc  Location // the start tag
	col  int      // first grid column
}

type htmlTable struct {
	rows  [][]*htmlCell
	row   []*htmlCell
	inRow bool
	cell  *htmlCell
	col   int
	// spanEnd is per grid column the first row (counted in rows) no longer
	// covered by a rowspan above: a row does not count every column down
	spanEnd []int
	nrows   int // rows ended, empty ones too (rows keeps only the others)
}

// htmlWalker turns the token stream into rendered lines.
type htmlWalker struct {
	z   *html.Tokenizer
	out renderer

	line, col int // position of the next byte of input, 1-based
	lastCR    bool

	tables []*htmlTable
	// flat counts the tables open past maxTableDepth: read as text of the
	// cell they stand in, their rows and cells as spaces
	flat   int
	inHead bool
	// links counts open <a href> elements; plain records that the current
	// line has a character outside them. A line of nothing but links is
	// navigation (menus, breadcrumbs, lists of other pages) and is dropped.
	links   int
	plain   bool
	skip    atom.Atom // inside <select>: its options are page chrome
	space   bool      // collapsed white space waiting before the next character
	spaceAt Location
	cells   []runs     // closeTable's rows, made again for each
	locs    []Location // and where their cells are
	// pre counts open <pre> elements: their line breaks and spaces are the
	// text's own (a report pasted into a page as preformatted text)
	pre int
}

func newHTMLWalker(s []byte) *htmlWalker {
	return &htmlWalker{z: html.NewTokenizer(bytes.NewReader(s)), line: 1, col: 1}
}

// blockTags end a line before and after them; inside a table cell they are
// a space.
func blockTags(a atom.Atom) bool {
	switch a {
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Body, atom.Center, atom.Dd,
		atom.Details, atom.Dialog, atom.Dir, atom.Div, atom.Dl, atom.Dt, atom.Fieldset, atom.Figcaption,
		atom.Figure, atom.Footer, atom.Form, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Header, atom.Hgroup, atom.Hr, atom.Li, atom.Main, atom.Menu, atom.Nav, atom.Ol, atom.P,
		atom.Pre, atom.Section, atom.Summary, atom.Ul, atom.Br, atom.Html, atom.Caption, atom.Option:
		return true
	}
	return false
}

// skipText are elements whose text is never report text.
func skipText(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Title, atom.Textarea, atom.Noscript, atom.Template, atom.Xmp,
		atom.Iframe, atom.Noframes, atom.Object:
		return true
	}
	return false
}

func (w *htmlWalker) walk() {
	var raw atom.Atom // inside a raw-text element whose text is skipped
	for {
		tt := w.z.Next()
		if tt == html.ErrorToken {
			break
		}
		rawBytes := w.z.Raw()
		start := Location{Line: w.line, Col: w.col}
		switch tt {
		case html.TextToken:
			if raw == 0 && !w.inHead && w.skip == 0 {
				w.text(rawBytes)
				continue
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			// the name read from the raw tag, as the tokenizer read it:
			// TagName would copy it
			a, rest := rawTagAtom(rawBytes[1:])
			var attrs tagAttrs
			if a == atom.Td || a == atom.Th || a == atom.A {
				// the only attributes read: colspan, rowspan, href; Word's
				// cells carry long styles, so they are looked up in the raw
				// tag rather than copied out one by one
				attrs = readTagAttrs(rest)
			}
			if skipText(a) && tt == html.StartTagToken {
				raw = a
			}
			w.startTag(a, attrs, start)
		case html.EndTagToken:
			a, _ := rawTagAtom(rawBytes[2:])
			if a == raw {
				raw = 0
			}
			w.endTag(a)
		}
		w.advance(rawBytes)
	}
	for len(w.tables) > 0 {
		w.closeTable()
	}
	w.endLine()
}

// rawTagAtom reads the tag name at the start of b, the raw tag after its
// "<" or "</", and returns its atom and the rest of the tag. The name ends
// where the tokenizer ends it (white space, '/' or '>') and is matched
// lowercase, as TagName returns it.
func rawTagAtom(b []byte) (atom.Atom, []byte) {
	n := 0
	for n < len(b) {
		c := b[n]
		if c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '/' || c == '>' {
			break
		}
		n++
	}
	var buf [32]byte
	if n > len(buf) {
		return 0, b[n:] // longer than any atom
	}
	for i, c := range b[:n] {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return atom.Lookup(buf[:n]), b[n:]
}

// tagAttrs are the attributes the walker reads: colspan and rowspan of
// cells, href of links.
type tagAttrs struct {
	colspan, rowspan string
	href             bool
}

// readTagAttrs reads colspan, rowspan and href (matched in any case) from
// the attributes of a raw start tag in one pass, without copying the
// others.
func readTagAttrs(b []byte) tagAttrs {
	var m tagAttrs
	var seenCol, seenRow bool
	k := 0
	for k < len(b) {
		for k < len(b) && (isHTMLSpace(b[k]) || b[k] == '/') {
			k++
		}
		if k >= len(b) || b[k] == '>' {
			break
		}
		n := k
		for k < len(b) && !isHTMLSpace(b[k]) && b[k] != '=' && b[k] != '>' && b[k] != '/' {
			k++
		}
		name := b[n:k]
		for k < len(b) && isHTMLSpace(b[k]) {
			k++
		}
		var val []byte
		if k < len(b) && b[k] == '=' {
			k++
			for k < len(b) && isHTMLSpace(b[k]) {
				k++
			}
			switch {
			case k < len(b) && (b[k] == '"' || b[k] == '\''):
				q := b[k]
				e := bytes.IndexByte(b[k+1:], q)
				if e < 0 {
					e = len(b) - k - 1
				}
				val = b[k+1 : k+1+e]
				k += e + 2
			default:
				v := k
				for k < len(b) && !isHTMLSpace(b[k]) && b[k] != '>' {
					k++
				}
				val = b[v:k]
			}
		}
		// the first one of a name counts, as in browsers
		switch {
		case len(name) == 0:
			k++ // a stray character; move on
		case len(name) == 4 && bytes.EqualFold(name, []byte("href")):
			m.href = true
		case len(name) == 7 && !seenCol && bytes.EqualFold(name, []byte("colspan")):
			m.colspan, seenCol = attrValue(val), true
		case len(name) == 7 && !seenRow && bytes.EqualFold(name, []byte("rowspan")):
			m.rowspan, seenRow = attrValue(val), true
		}
	}
	return m
}

// attrValue is an attribute's value, its character references resolved.
func attrValue(v []byte) string {
	if bytes.IndexByte(v, '&') < 0 {
		return string(v)
	}
	return html.UnescapeString(string(v))
}

func isHTMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// advance moves the position over input bytes, counting lines as editors
// do (LF, CRLF, lone CR) and columns in characters.
func (w *htmlWalker) advance(b []byte) {
	// counted in bulk, as step would count rune by rune: CR LF, a lone CR
	// and a lone LF each end a line (pages saved on Windows have CR LF)
	if w.lastCR && len(b) > 0 && b[0] == '\n' {
		b = b[1:] // the LF of a CR LF split between tokens
	}
	if len(b) == 0 {
		w.lastCR = false
		return
	}
	n := bytes.Count(b, []byte{'\n'})
	if cr := bytes.Count(b, []byte{'\r'}); cr > 0 {
		n += cr - bytes.Count(b, []byte("\r\n"))
	}
	if n > 0 {
		w.line += n
		w.col = 1 + runeCountValid(b[bytes.LastIndexAny(b, "\r\n")+1:])
	} else {
		w.col += runeCountValid(b)
	}
	w.lastCR = b[len(b)-1] == '\r'
}

// runeCountValid is utf8.RuneCount for valid UTF-8, which the walker's
// input is (Decode made it so): the bytes that are not continuation bytes
// (10xxxxxx), counted eight at a time. Most of a saved page is markup, and
// its columns are counted for every byte of it.
func runeCountValid(b []byte) int {
	const hi = 0x8080808080808080
	n := len(b)
	for len(b) >= 8 {
		x := binary.LittleEndian.Uint64(b)
		// a continuation byte has bit 7 set and bit 6 clear
		n -= bits.OnesCount64(x & hi & (^x << 1) & hi)
		b = b[8:]
	}
	for _, c := range b {
		if c&0xC0 == 0x80 {
			n--
		}
	}
	return n
}

func (w *htmlWalker) step(r rune) {
	switch {
	case r == '\n' && w.lastCR:
		w.lastCR = false
	case r == '\n' || r == '\r':
		w.line++
		w.col = 1
		w.lastCR = r == '\r'
	default:
		w.col++
		w.lastCR = false
	}
}

func (w *htmlWalker) table() *htmlTable {
	if n := len(w.tables); n > 0 {
		return w.tables[n-1]
	}
	return nil
}

// sink is where text goes now: the open cell, or the current line.
func (w *htmlWalker) sink() *runs {
	if t := w.table(); t != nil && t.cell != nil {
		return &t.cell.text
	}
	return &w.out.cur
}

// text adds the characters of a text token, resolving character
// references and collapsing white space as a browser shows it.
func (w *htmlWalker) text(b []byte) {
	t := w.table()
	stray := t != nil && t.cell == nil
	for len(b) > 0 {
		at := Location{Line: w.line, Col: w.col}
		if b[0] == '&' {
			if n, rs := entity(b); n > 0 {
				w.emit(rs, at, stray)
				for _, c := range b[:n] {
					w.step(rune(c))
				}
				b = b[n:]
				continue
			}
		}
		if isHTMLSpace(b[0]) && w.pre > 0 && t == nil {
			// preformatted: a line break ends the line, a space is kept
			c := b[0]
			w.step(rune(c))
			b = b[1:]
			switch c {
			case '\n':
				w.lineBreak()
			case '\r', '\f':
			default:
				w.emit([]rune{' '}, at, stray)
			}
			continue
		}
		if isHTMLSpace(b[0]) {
			w.step(rune(b[0]))
			b = b[1:]
			if len(w.sink().rs) > 0 && !w.space {
				w.space, w.spaceAt = true, at
			}
			continue
		}
		// a run of characters on one line, no space or reference in it,
		// added at once
		// (a lone & that starts no reference is a character of the run)
		n := 1
		for n < len(b) && !endsTextRun[b[n]] {
			n++
		}
		w.col += w.emitBytes(b[:n], at, stray)
		w.lastCR = false
		b = b[n:]
	}
}

// emit adds characters at a location, after the collapsed space before
// them.
func (w *htmlWalker) emit(rs []rune, at Location, stray bool) {
	w.target(stray).add(rs, at)
}

// emitBytes is emit for UTF-8 text; it returns how many characters it
// added.
func (w *htmlWalker) emitBytes(b []byte, at Location, stray bool) int {
	return w.target(stray).addBytes(b, at)
}

// endsTextRun are the bytes that end a run of text added at once: white
// space and the & of a character reference.
var endsTextRun = [256]bool{' ': true, '\t': true, '\n': true, '\r': true, '\f': true, '&': true}

// target is where the next characters go, the collapsed space before them
// already added. Text standing in a table outside any cell is shown by
// browsers before the table; it goes to the lines.
func (w *htmlWalker) target(stray bool) *runs {
	if stray {
		w.plain = true
		return &w.out.cur
	}
	s := w.sink()
	if s == &w.out.cur && w.links == 0 {
		w.plain = true
	}
	if w.space && len(s.rs) > 0 {
		s.add([]rune{' '}, w.spaceAt)
	}
	w.space = false
	return s
}

// entity decodes a character reference at the start of b: &nbsp; &#12288;
// &amp and the like. It returns how many bytes it used, 0 for a lone &.
func entity(b []byte) (int, []rune) {
	n := 1
	for n < len(b) && n < 33 && (isAlnum(b[n]) || (n == 1 && b[n] == '#')) {
		n++
	}
	if n < len(b) && b[n] == ';' {
		n++
	}
	if n == 1 {
		return 0, nil
	}
	chunk := string(b[:n])
	un := html.UnescapeString(chunk)
	if un == chunk {
		return 0, nil
	}
	// a legacy reference without ';' may have consumed only part of the
	// word (&copy2021): keep the rest as text
	if rest := strings.TrimPrefix(chunk, "&"); !strings.HasSuffix(chunk, ";") {
		for k := len(rest); k > 0; k-- {
			if u := html.UnescapeString("&" + rest[:k]); u != "&"+rest[:k] {
				return k + 1, []rune(u)
			}
		}
	}
	return n, []rune(un)
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func (w *htmlWalker) startTag(a atom.Atom, attrs tagAttrs, at Location) {
	switch a {
	case atom.Head:
		w.inHead = true
		return
	case atom.Body:
		w.inHead = false
	case atom.Select:
		w.skip = a
		return
	case atom.A:
		if attrs.href {
			w.links++
		}
		return
	case atom.Table:
		w.lineBreak()
		if len(w.tables) >= maxTableDepth {
			w.flat++
			return
		}
		w.tables = append(w.tables, &htmlTable{})
		return
	case atom.Tr, atom.Td, atom.Th:
		if w.flat > 0 {
			w.lineBreak()
			return
		}
	}
	switch a {
	case atom.Tr:
		t := w.ensureTable()
		w.endRow(t)
		t.inRow = true
		t.col = 0
		return
	case atom.Td, atom.Th:
		t := w.ensureTable()
		if !t.inRow {
			t.inRow = true
			t.col = 0
		}
		if t.col >= maxGridColumns && (t.cell != nil || len(t.row) > 0) {
			// past the grid's last column: no new cell, the text joins the
			// row's last one, so that a row is at most maxGridColumns cells
			// however many a page writes (each is a pipe, two spaces and
			// their segments in the rendered row)
			if t.cell == nil {
				t.cell, t.row = t.row[len(t.row)-1], t.row[:len(t.row)-1]
			}
			if len(t.cell.text.rs) > 0 {
				w.space, w.spaceAt = true, at
			}
			return
		}
		w.endCell(t)
		w.space = false
		c := &htmlCell{loc: at}
		for t.col < len(t.spanEnd) && t.spanEnd[t.col] > t.nrows {
			t.col++
		}
		c.col = t.col
		colspan, rowspan := spanAttr(attrs.colspan), spanAttr(attrs.rowspan)
		// the grid is at most maxGridColumns wide: a page cannot make each
		// cell cost more than that, nor each row's count-down
		colspan = max(0, min(colspan, maxGridColumns-t.col))
		if rowspan > 1 && colspan > 0 {
			for len(t.spanEnd) < t.col+colspan {
				t.spanEnd = append(t.spanEnd, 0)
			}
			for k := t.col; k < t.col+colspan; k++ {
				t.spanEnd[k] = t.nrows + rowspan
			}
		}
		t.col += colspan
		t.cell = c
		return
	}
	if w.inHead && a != 0 && !headTags(a) {
		// a page without </head> begins its body with the first tag that
		// cannot stand in a head
		w.inHead = false
	}
	if blockTags(a) || a == atom.Img {
		w.lineBreak()
	}
	if a == atom.Pre {
		w.pre++
	}
}

// headTags may stand in <head>; any other tag there begins the body.
func headTags(a atom.Atom) bool {
	switch a {
	case atom.Meta, atom.Link, atom.Title, atom.Style, atom.Script, atom.Base, atom.Noscript, atom.Template:
		return true
	}
	return false
}

func (w *htmlWalker) endTag(a atom.Atom) {
	if a == atom.Pre && w.pre > 0 {
		w.pre--
	}
	switch a {
	case atom.Head:
		w.inHead = false
	case atom.Select:
		w.skip = 0
	case atom.A:
		if w.links > 0 {
			w.links--
		}
	case atom.Table:
		switch {
		case w.flat > 0:
			w.flat--
			w.lineBreak()
		case len(w.tables) > 0:
			w.closeTable()
		}
	case atom.Tr:
		if t := w.table(); t != nil && w.flat == 0 {
			w.endRow(t)
		}
	case atom.Td, atom.Th:
		if t := w.table(); t != nil && w.flat == 0 {
			w.endCell(t)
		}
	default:
		if blockTags(a) {
			w.lineBreak()
		}
	}
}

// lineBreak ends the current line, or, inside a cell, leaves a space.
func (w *htmlWalker) lineBreak() {
	if t := w.table(); t != nil && t.cell != nil {
		if len(t.cell.text.rs) > 0 {
			w.space = true
			w.spaceAt = Location{Line: w.line, Col: w.col}
		}
		return
	}
	w.space = false
	w.endLine()
}

// endLine ends the current line, dropping it when it was links only. An
// unclosed <a> is forgotten at the line's end, so that it cannot hide the
// rest of the page.
func (w *htmlWalker) endLine() {
	if !w.plain {
		// dropped: its runes and segments are no line's, and their room is
		// kept for the next line
		w.out.cur = runs{rs: w.out.cur.rs[:0], segs: w.out.cur.segs[:0]}
	}
	w.out.breakLine()
	w.plain = false
	w.links = 0
}

func spanAttr(v string) int {
	if v == "" {
		return 1 // the usual case: no attribute (Atoi would make an error)
	}
	n, err := strconv.Atoi(strings.TrimSpace(v))
	switch {
	case err != nil || n < 1:
		return 1
	case n > 1000:
		// browsers cap spans too; a huge one is an error in the page
		return 1000
	}
	return n
}

func (w *htmlWalker) ensureTable() *htmlTable {
	if t := w.table(); t != nil {
		return t
	}
	w.lineBreak()
	t := &htmlTable{}
	w.tables = append(w.tables, t)
	return t
}

func (w *htmlWalker) endCell(t *htmlTable) {
	if t.cell == nil {
		return
	}
	t.row = append(t.row, t.cell)
	t.cell = nil
	w.space = false
}

func (w *htmlWalker) endRow(t *htmlTable) {
	w.endCell(t)
	if !t.inRow {
		return
	}
	if len(t.row) > 0 {
		t.rows = append(t.rows, t.row)
	}
	t.row = nil
	t.inRow = false
	t.nrows++
}

// maxTableDepth is how many tables may stand one inside another: a table's
// text is copied into the cell around it at each level, and real pages nest
// layout tables a few deep. Deeper tables are read as their cell's text.
const maxTableDepth = 8

// maxGridColumns bounds a table's width in grid columns (colspan counted):
// real tables are a few dozen wide.
const maxGridColumns = 512

// closeTable renders the innermost table: as pipe rows, or, when it stands
// inside a cell of another table, as text of that cell.
func (w *htmlWalker) closeTable() {
	t := w.table()
	w.endRow(t)
	w.tables = w.tables[:len(w.tables)-1]
	if outer := w.table(); outer != nil && outer.cell != nil {
		for _, row := range t.rows {
			for _, c := range row {
				if len(c.text.rs) == 0 {
					continue
				}
				if len(outer.cell.text.rs) > 0 {
					outer.cell.text.add([]rune{' '}, c.loc)
				}
				outer.cell.text.addRuns(c.text)
			}
		}
		return
	}
	w.endLine()
	for _, row := range t.rows {
		if len(row) == 0 {
			continue
		}
		// the row copies the cells' text: one pair of slices serves all rows
		w.cells = slices.Grow(w.cells[:0], len(row))[:len(row)]
		w.locs = slices.Grow(w.locs[:0], len(row))[:len(row)]
		cells, locs := w.cells, w.locs
		for i, c := range row {
			cells[i] = trimRuns(c.text)
			locs[i] = c.loc
			if len(c.text.segs) > 0 {
				locs[i] = c.text.segs[0].Loc()
			}
		}
		w.out.row(cells, locs)
	}
}

// trimRuns drops the collapsed space a cell may end with.
func trimRuns(r runs) runs {
	n := len(r.rs)
	for n > 0 && r.rs[n-1] == ' ' {
		n--
	}
	if n == len(r.rs) {
		return r
	}
	out := runs{rs: r.rs[:n]}
	for _, s := range r.segs {
		if s.Start() < n {
			out.segs = append(out.segs, s)
		}
	}
	return out
}
