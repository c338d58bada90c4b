package parse

import (
	"math"
	"strings"
	"unicode/utf8"
)

// tokKind is what a piece of table text is.
type tokKind uint8

const (
	tokText  tokKind = iota // a label or a fragment of one
	tokValue                // something that stands in a number cell: a number, -, /, 无
	tokBlank                // an empty cell between pipes
)

// token is one piece of a table as the text shows it, whatever its shape:
// one cell per line, pipe rows, space-aligned columns or space-separated
// cells all become the same stream.
type token struct {
	text string // normalised
	// c is compact(text), made once for text tokens: the readers compare
	// it many times (label, compact(stripNumbering(text)), is its end)
	c string
	// src is the text the token is from: its printed form (printed) is
	// made only for the tokens a table keeps, most are never asked
	src *Text
	// the positions are 32-bit, and the kinds and marks bytes: a large
	// report has millions of tokens, and their size was most of the
	// parser's memory (TestTokenSize); a decoded text comes from a file of
	// at most 64 MB, so no line or column reaches 1<<31
	line int32 // 0-based
	col  int32 // 0-based rune index of the first character
	end  int32 // rune index just after the last character
	// label (compact(stripNumbering(text))) is c[labelAt:labelEnd]: it is
	// compact of a part of the text, so a part of c, mostly its end
	labelAt, labelEnd int32
	kind              tokKind
	// cell is the CellKind the token reads as, once read (its number is
	// read again for the cells a table keeps: most tokens are never
	// asked, and a Number would make every token larger)
	cell uint8
	// flags are the token's marks, a bit each (tokPipe …): one byte for
	// four, which keeps a token at 64 bytes
	flags tokFlags
}

// tokFlags are a token's marks.
type tokFlags uint8

const (
	// tokPipe: the token is a cell of a pipe row
	tokPipe tokFlags = 1 << iota
	// tokHeader: a cell of a pipe row of labels only, a table's header row
	// (markdown repeats it before each chunk of a table): its words name
	// columns, never rows
	tokHeader
	// tokNoRaw: prose, whose printed form is never asked for
	tokNoRaw
	// tokGlued: a run of digits from a flattened table, maybe several cells
	tokGlued
)

func (t *token) pipe() bool   { return t.flags&tokPipe != 0 }
func (t *token) header() bool { return t.flags&tokHeader != 0 }
func (t *token) noRaw() bool  { return t.flags&tokNoRaw != 0 }
func (t *token) glued() bool  { return t.flags&tokGlued != 0 }

// set sets or clears the marks f.
func (t *token) set(f tokFlags, on bool) {
	if on {
		t.flags |= f
	} else {
		t.flags &^= f
	}
}

// label is compact(stripNumbering(text)) for a text token: the end of c,
// past a list number's characters.
func (t *token) label() string { return t.c[t.labelAt:t.labelEnd] }

// setLabel makes label l, which is a part of c, as it is for every text
// (stripNumbering only cuts a list number and spaces from the ends of the
// normalised text, and compact drops or keeps each character alone).
func (t *token) setLabel(l string) {
	i := len(t.c) - len(l)
	if !strings.HasSuffix(t.c, l) {
		i = strings.Index(t.c, l)
	}
	if i < 0 {
		panic("parse: a label that is not part of its compact form")
	}
	t.labelAt, t.labelEnd = int32(i), int32(i+len(l))
}

// cellKind is the CellKind the token reads as (CellMissing: not read).
func (t *token) cellKind() CellKind { return CellKind(t.cell) }

// compact is compact(t.text): the form tokenize made, except for a long
// text token (prose), which tokenize leaves as it is and whose compact
// form is made here once per report (the statistics reader asks for it
// several times).
func (t *token) compact() string {
	switch {
	case t.kind == tokText && t.end-t.col <= 120:
		return t.c
	case t.kind != tokText:
		return compact(t.text)
	}
	k := [3]int{int(t.line), int(t.col), int(t.end)}
	if c, ok := t.src.longCompact[k]; ok && len(c) > 0 {
		return c
	}
	c := compact(t.text)
	if t.src.longCompact == nil {
		t.src.longCompact = map[[3]int]string{}
	}
	t.src.longCompact[k] = c
	return c
}

// printed is the token as the file prints it; a text token of more than
// 200 characters (prose) has none.
func (t *token) printed() string {
	if t.noRaw() {
		return ""
	}
	return t.src.printed(int(t.line), int(t.col), int(t.end))
}

// printed returns the runes [a, b) of line ln as the file prints them: a
// part of the normalised line's string where normalisation changed
// nothing on it, else of the line as read.
func (t *Text) printed(ln, a, b int) string {
	unchanged := !t.Changed(ln)
	s := t.Lines[ln]
	if unchanged {
		s = t.normLine(ln)
	}
	if t.pStr != s || t.pLine != ln || t.pAt > a {
		t.pLine, t.pStr, t.pAt, t.pOff = ln, s, 0, 0
	}
	from := t.printedOffset(a, unchanged)
	out := s[from:t.printedOffset(b, unchanged)]
	if !unchanged && !utf8.ValidString(out) {
		return string([]rune(out)) // as []rune(line) would read the bad bytes
	}
	return out
}

// printedOffset moves printed's place on to rune index col.
func (t *Text) printedOffset(col int, norm bool) int {
	for ; t.pAt < col; t.pAt++ {
		if norm {
			t.pOff += runeBytes(t.Norm[t.pLine][t.pAt])
		} else {
			t.pOff += runeSizeAt(t.pStr, t.pOff)
		}
	}
	return t.pOff
}

// runeSizeAt is the size of the rune at byte i of s as
// utf8.DecodeRuneInString reads it (1 for a bad byte), with the ASCII
// characters and the three-byte CJK characters and punctuation of a report
// read without the call.
func runeSizeAt(s string, i int) int {
	c := s[i]
	if c < utf8.RuneSelf {
		return 1
	}
	// lead bytes E1-EC and EE-EF followed by two continuation bytes are
	// always a valid three-byte rune (E0 and ED restrict the second byte)
	if c-0xE1 <= 0xEF-0xE1 && c != 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
		return 3
	}
	_, n := utf8.DecodeRuneInString(s[i:])
	return n
}

func (t token) span() Span {
	return Span{Pos{Line: int(t.line) + 1, Col: int(t.col) + 1}, Pos{Line: int(t.line) + 1, Col: int(t.end) + 1}}
}

var applyCountKeys = wordsOf("申请数量")

// tokenize turns lines [from, to) into a token stream, appended to toks. With merge,
// neighbouring words of text on a line join into one label token ("商业 企业");
// without it, every space separates (crawler text that runs a whole table
// into one line, "主动公开信息数 条 739 4359 其中：1、网站公开 条 …").
func tokenize(toks []token, txt *Text, from, to int, merge bool) []token {
	toks, _ = tokenizeUpTo(toks, txt, from, to, merge, math.MaxInt)
	return toks
}

// tokenizeUpTo is tokenize that stops when the stream holds limit tokens,
// within a line if it must (one line of a crafted file may hold millions);
// full says it stopped there, before line to.
func tokenizeUpTo(toks []token, txt *Text, from, to int, merge bool, limit int) ([]token, bool) {
	to = min(to, len(txt.Norm))
	left := 0 // the runes of the lines not yet tokenized
	for ln := from; ln < to; ln++ {
		left += len(txt.Norm[ln])
	}
	done := 0 // and of those tokenized
	full := false
	for ln := from; ln < to; ln++ {
		if len(toks) >= limit {
			full = true
			break
		}
		rs := txt.Norm[ln]
		left -= len(rs)
		done += len(rs)
		if cap(toks)-len(toks) < tokenRoom {
			toks = growTokens(toks, done, left, to-ln)
		}
		if isPageNumber(rs) {
			continue
		}
		// each reader appends the line's tokens to the stream: tokens are
		// large, and copying them was much of the parser's time
		switch {
		case merge && len(rs) >= 200 && txt.has(ln, applyCountKeys) && isFlattened(txt.normLine(ln)):
			toks = append(toks, flatTokens(txt, ln, limit-len(toks))...)
		case containsRune(rs, '|'):
			toks = pipeTokens(toks, txt, ln, limit)
		default:
			toks = spaceTokens(toks, txt, ln, merge, limit)
		}
	}
	full = full || len(toks) >= limit
	for i := range toks {
		t := &toks[i]
		if t.kind != tokText {
			continue
		}
		rs := txt.Norm[t.line][t.col:t.end]
		if len(rs) > 120 {
			// prose: only its length and a few words are ever asked of it,
			// the longest label (表四's header run together) is shorter
			t.c = t.text
			t.labelAt, t.labelEnd = 0, int32(len(t.c))
			continue
		}
		// most labels have nothing compact drops and no list number:
		// then the text serves as both
		t.c = t.text
		if hasCompactDrop(rs) {
			t.c = compactOf(rs, t.text)
		}
		t.labelAt, t.labelEnd = 0, int32(len(t.c))
		if (len(t.c) <= 60 || utf8.RuneCountInString(t.c) <= 60) && mayOpenWithNumber(rs) {
			if stripped := stripNumberingRunes(rs); len(stripped) != len(trimSpaceRunes(rs)) {
				// the list number stood before the rest: the label is the
				// end of the compact form, past the number's characters
				t.labelAt = int32(compactBytes(rs[:cap(rs)-cap(stripped)]))
			}
		}
	}
	return toks, full
}

// tokenRoom is the room for tokens growTokens leaves at least: more than
// most lines make (a line that makes more grows the stream as append does).
const tokenRoom = 256

// growTokens makes room in the stream for the tokens of the lines still
// to read, done runes read and left to read in lines lines: as many as the
// lines read so far made for their runes, and a little more. append would
// grow the stream by a quarter at a time, holding the old stream and the
// new, 2.25 times the tokens, at each step; for a large report, grown once
// or twice to its size, the stream's peak is little more than its tokens.
func growTokens(toks []token, done, left, lines int) []token {
	n := len(toks)
	want := n + n/4 + tokenRoom // as append would
	if n >= 4*tokenRoom && done > 0 {
		guess := n + int(int64(n)*int64(left)/int64(done)) + n/16 + tokenRoom
		// bounded by what the rest could make at most (a token per rune
		// and one more per line), and by eight times the tokens read, so
		// that a dense start does not reserve room for a sparse rest
		// beyond what the stream holds already
		guess = min(guess, n+left+lines+tokenRoom, 8*n)
		want = max(want, guess)
	}
	grown := make([]token, n, want)
	copy(grown, toks)
	return grown
}

// mayOpenWithNumber: the first character after spaces could begin a list
// number (stripNumberingRunes has something to strip only then).
func mayOpenWithNumber(rs []rune) bool {
	for _, r := range rs {
		if r != ' ' {
			return r == '(' || isNumeralRune(r)
		}
	}
	return false
}

// compactBytes is len(compactRunes(rs)), counted without making it.
func compactBytes(rs []rune) int {
	n := 0
	for _, r := range rs {
		if !dropsInCompact(r) {
			n += runeBytes(r)
		}
	}
	return n
}

// runeBytes is the length of r in a string made from runes (an invalid
// rune is written as U+FFFD).
func runeBytes(r rune) int {
	// utf8.RuneLen, without the call, with its -1 (a surrogate or no rune
	// at all) as the 3 bytes of U+FFFD
	switch {
	case uint32(r) < 0x80:
		return 1
	case uint32(r) < 0x800:
		return 2
	case uint32(r) < 0x10000, uint32(r) > utf8.MaxRune:
		return 3
	}
	return 4
}

func hasCompactDrop(rs []rune) bool {
	for _, r := range rs {
		if dropsInCompact(r) {
			return true
		}
	}
	return false
}

func containsRune(rs []rune, r rune) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

// isPageNumber matches the page numbers PDF text keeps: -3-, - 3 -, — 3 —.
func isPageNumber(rs []rune) bool {
	if len(rs) > 40 || !containsRune(rs, '-') && !containsRune(rs, '—') && !containsRune(rs, '–') {
		return false
	}
	s := strings.TrimSpace(string(rs))
	if s == "" {
		return false
	}
	t := strings.Trim(s, "-—– ")
	if len(t) == len(s) || t == "" {
		return false
	}
	return allDigits(t) && len(t) <= 3
}

// pipeTokens splits a pipe row. Leading and trailing empty cells are padding
// (merged cells, markdown borders) and dropped; an empty cell that stands
// after a value is kept as a blank cell. The row's cells past the stream's
// limit-th token are not read.
func pipeTokens(toks []token, txt *Text, ln, limit int) []token {
	first := len(toks) // the line's tokens are toks[first:]
	rs := txt.Norm[ln]
	structured := txt.IsTableRow(ln)
	w := runeWalker{s: txt.normLine(ln), rs: txt.Norm[ln]} // the cells' texts are cut from the line's string
	start := 0
	for i := 0; i <= len(rs) && len(toks) < limit; i++ {
		if i < len(rs) && rs[i] != '|' {
			continue
		}
		a, b := start, i
		for a < b && rs[a] == ' ' {
			a++
		}
		for b > a && rs[b-1] == ' ' {
			b--
		}
		if a == b && structured {
			// an empty cell of a rendered row is located at its cell, not at
			// the separator after it
			a, b = start, start
		}
		ba := w.byteAt(a)
		t := token{src: txt, line: int32(ln), col: int32(a), end: int32(b), flags: tokPipe, text: w.s[ba:w.byteAt(b)]}
		if structured && (start == 0 || i == len(rs)) {
			// the outer borders of a rendered row, not cells
			start = i + 1
			continue
		}
		switch {
		case a == b:
			t.kind = tokBlank
		case isMarkdownRule(t.text):
			start = i + 1
			continue
		case t.readCell():
			t.kind = tokValue
		default:
			t.kind = tokText
		}
		toks = append(toks, t)
		start = i + 1
	}
	// the line's tokens are trimmed in place
	if structured {
		return toks[:first+len(trimStructuredBlanks(toks[first:]))]
	}
	toks = toks[:first+len(trimBlanks(toks[first:]))]
	if isHeaderRow(toks[first:], txt, ln) {
		for k := first; k < len(toks); k++ {
			toks[k].flags |= tokHeader
		}
	}
	return toks
}

// isHeaderRow reports a pipe row that is a table's header: labels only, no
// value, and either three labels or more, or two over a markdown rule
// (| 信息内容 | 本年处理决定数量 | over |---|---|). A row of one or two
// labels is a row label whose numbers the copy put elsewhere.
func isHeaderRow(toks []token, txt *Text, ln int) bool {
	texts := 0
	for _, t := range toks {
		switch t.kind {
		case tokValue:
			return false
		case tokText:
			texts++
		}
	}
	return texts >= 3 || texts == 2 && ln+1 < len(txt.Norm) && isRuleLine(txt.Norm[ln+1])
}

// isRuleLine reports a markdown table's rule line, |---|:--:|.
func isRuleLine(rs []rune) bool {
	dash, bar := false, false
	for _, r := range rs {
		switch r {
		case '-':
			dash = true
		case '|':
			bar = true
		case ':', ' ':
		default:
			return false
		}
	}
	return dash && bar
}

// trimStructuredBlanks keeps the empty cells of a row rendered from a real
// table, which are real cells, except those before its first non-empty
// cell (corners, cells under a label) and those of a header row (labels
// only, more than two of them).
func trimStructuredBlanks(toks []token) []token {
	values, texts := false, 0
	for _, t := range toks {
		switch t.kind {
		case tokValue:
			values = true
		case tokText:
			texts++
		}
	}
	// a row of one or two labels and nothing but empty cells is a data row
	// left empty (201.html's （六）其他处理), not a header
	keep := values || texts <= 2
	out := toks[:0]
	seen := false
	for i := range toks {
		if toks[i].kind == tokBlank && (!seen || !keep) {
			continue
		}
		seen = true
		out = keepToken(out, toks, i)
	}
	return out
}

// keepToken appends toks[i] to out, a prefix of toks being filtered in
// place; a token already in its place is not copied (tokens are large).
func keepToken(out, toks []token, i int) []token {
	if len(out) == i {
		return toks[:i+1]
	}
	return append(out, toks[i])
}

func isMarkdownRule(s string) bool {
	return strings.Trim(s, "-: ") == "" && strings.Contains(s, "---")
}

// trimBlanks keeps a blank cell only between a value before it and a
// non-blank cell after it on the same row.
func trimBlanks(toks []token) []token {
	out := toks[:0]
	seenValue := false
	for i := range toks {
		switch toks[i].kind {
		case tokBlank:
			if !seenValue || !nonBlankAfter(toks[i+1:]) {
				continue
			}
		case tokValue:
			seenValue = true
		}
		out = keepToken(out, toks, i)
	}
	return out
}

func nonBlankAfter(toks []token) bool {
	for _, t := range toks {
		if t.kind != tokBlank {
			return true
		}
	}
	return false
}

// spaceTokens splits a line on white space. Neighbouring words that are not
// values join into one text token, so that "商业 企业" or a label broken by
// spaces stays one label; a word that opens with a list number (1. （三）)
// starts a label of its own, as in PDF text that prints a group label and
// its first row on one line: "（四）无法提供   1.本机关不掌握相关政府信息".
func spaceTokens(toks []token, txt *Text, ln int, merge bool, limit int) []token {
	rs := txt.Norm[ln]
	// the tokens' texts are cut from the line's string (made once per line
	// for the whole parse), except a label joined from several words, whose
	// runes are gathered in words
	w := runeWalker{s: txt.normLine(ln), rs: txt.Norm[ln]}
	var words []rune
	textStart, textEnd := -1, -1 // runes of the text token being joined
	textFrom, textTo := 0, 0     // its bytes, while it is one word
	multi := false
	flush := func() {
		if textStart < 0 {
			return
		}
		t := token{kind: tokText, src: txt, line: int32(ln), col: int32(textStart), end: int32(textEnd)}
		if multi {
			t.text = string(words)
			t.set(tokNoRaw, len(words) > 200)
		} else {
			t.text = w.s[textFrom:textTo]
			t.set(tokNoRaw, textEnd-textStart > 200)
		}
		toks = append(toks, t)
		words, textStart, multi = words[:0], -1, false
	}
	i := 0
	for i < len(rs) && len(toks) < limit {
		for i < len(rs) && rs[i] == ' ' {
			i++
		}
		if i >= len(rs) {
			break
		}
		j := i
		for j < len(rs) && rs[j] != ' ' {
			j++
		}
		bi, bj := w.byteAt(i), w.byteAt(j)
		if !plainTextRunes(rs[i:j]) {
			t := token{src: txt, line: int32(ln), col: int32(i), end: int32(j), text: w.s[bi:bj]}
			if t.readCell() {
				flush()
				t.kind = tokValue
				toks = append(toks, t)
				i = j
				continue
			}
		}
		if textStart >= 0 && (!merge || startsWithListNumber(rs[i:j])) {
			flush()
		}
		switch {
		case textStart < 0:
			textStart, textFrom = i, bi
		case !multi:
			words = append(words[:0], rs[textStart:textEnd]...)
			multi = true
		}
		if multi {
			words = append(words, rs[i:j]...)
		}
		textEnd, textTo = j, bj
		i = j
	}
	flush()
	return toks
}

// runeWalker turns rune indexes of a line into byte offsets of its string,
// walking the line once for indexes that never decrease.
type runeWalker struct {
	s       string // string(rs)
	rs      []rune
	at, off int // rune index and its byte offset
}

func (w *runeWalker) byteAt(col int) int {
	if col == len(w.rs) {
		// the end of the line, asked of every line's last token
		w.at, w.off = col, len(w.s)
		return w.off
	}
	for ; w.at < col; w.at++ {
		w.off += runeBytes(w.rs[w.at])
	}
	return w.off
}

// readCell reads the token's text as a cell and reports text that stands
// where a number belongs: a number (with sign or unit) or a placeholder.
func (t *token) readCell() bool {
	k, _ := ParseCell(t.text)
	t.cell = uint8(k)
	switch k {
	case CellNumber, CellDash, CellSlash, CellNone:
		return true
	}
	return false
}

// cellOf turns a token into a cell.
func cellOf(t token) Cell {
	k, n := t.cellKind(), Number{}
	switch {
	case t.kind == tokBlank:
		k = CellBlank
	case k == CellMissing && t.kind == tokText:
		// a text token whose cell was not read (joined or split text)
		k, n = ParseCell(t.text)
	case k != CellMissing:
		_, n = ParseCell(t.text)
	}
	return Cell{Raw: t.printed(), Kind: k, Number: n, Span: t.span(), glued: t.glued()}
}

// startsWithListNumber reports normalised text that opens with a list
// number: 1. 2、 （三） 三、.
func startsWithListNumber(rs []rune) bool {
	if len(rs) >= 3 && rs[0] == '(' {
		for k := 1; k < len(rs) && k <= 4; k++ {
			if rs[k] == ')' {
				return k > 1
			}
			if !isNumeralRune(rs[k]) {
				return false
			}
		}
		return false
	}
	k := 0
	for k < len(rs) && k < 3 && isNumeralRune(rs[k]) {
		k++
	}
	return k > 0 && k < len(rs) && (rs[k] == '.' || rs[k] == '、')
}
