package parse

import (
	"strings"
	"unicode/utf8"
)

func containsStr(s, sub string) bool { return strings.Contains(s, sub) }

// statTitleWords open a pre-2019 statistics table.
var statTitleWords = []string{"统计表", "统计报表", "指标名称", "统计指标"}

// statTitleKeys are statTitleWords for Text.has: 统 and 指 are key runes.
var statTitleKeys = wordsOf(statTitleWords...)

// statOrIndex are the key bits of 统 and 指: a token on a line with
// neither holds no 统计 or 指标.
var statOrIndex = keyRune('统') | keyRune('指')

// statUnits are unit cells (单位 column) that stand before a row's numbers.
var statUnits = map[string]bool{"条": true, "件": true, "个": true, "人": true, "次": true, "人次": true, "万元": true, "元": true, "篇": true, "项": true}

// readStatistics reads a pre-2019 statistics table: rows recognised by their
// words (statDefs), columns from the header (上年累计/本年度/累计, 年度/历年累计,
// or one value). It returns nil when the report has none.
func readStatistics(s *tokStream) *Table {
	toks := s.toks
	start := findStatTitle(s)
	if start < 0 {
		return nil
	}
	t := &Table{Kind: TableStatistics, Title: toks[start].printed(), Span: toks[start].span()}
	r := &statReader{table: t, used: map[string]bool{}}
	if gluedStatRow(toks[start].compact()) {
		r.glued = append(r.glued, toks[start])
	}
	var header strings.Builder
	for i := start + 1; len(r.glued) == 0 && s.has(i); i++ {
		tk := toks[i]
		if tk.kind != tokText {
			if r.row != nil {
				r.row.Read = append(r.row.Read, cellOf(tk))
			}
			continue
		}
		if d := r.match(tk); d != nil {
			r.start(d, tk)
			continue
		}
		if len(t.Rows) == 0 && gluedStatRow(tk.compact()) {
			r.glued = append(r.glued, tk)
			break
		}
		if r.row == nil {
			header.WriteString(tk.compact())
			continue
		}
		if statUnits[tk.compact()] {
			continue
		}
		if isChromeOrProse(tk.compact()) {
			if len(t.Rows) == 0 && gluedStatRow(tk.compact()) {
				r.glued = append(r.glued, tk)
			}
			break
		}
		// an unknown label: before the row's numbers it continues the
		// label ("（不同渠道和方式公开相同信息计1条）"); after them it is a row
		// of its own whose numbers must not be taken for the last row's
		if len(r.row.Read) > 0 {
			r.unknownRow(tk)
			r.row = nil
		}
	}
	if len(r.glued) > 0 && len(t.Rows) == 0 {
		header.WriteString(r.readGlued(r.glued[0]))
	}
	t.Columns = statColumns(header.String())
	r.assign()
	if n := len(t.Rows); n > 0 {
		last := t.Rows[n-1]
		t.Span.End = last.Span.End
		if k := len(last.Read); k > 0 {
			t.Span.End = last.Read[k-1].Span.End
		}
	}
	return t
}

func findStatTitle(s *tokStream) int {
	for i := 0; s.has(i); i++ {
		t := &s.toks[i]
		if t.kind != tokText || int(t.line) < len(t.src.keys) && t.src.keys[t.line]&statOrIndex == 0 {
			continue
		}
		if !containsWord(t.text, "统计") && !containsWord(t.text, "指标") {
			continue
		}
		if t.end-t.col > 40 && !strings.Contains(t.text, "名") && compactLen(t.src.Norm[t.line][t.col:t.end]) > 40 {
			// a sentence: too long for a title, and without 名 it cannot
			// hold 指标名称 (counted without making its compact form)
			continue
		}
		// a title, not a sentence that mentions the table or a list of
		// contents that names it (附表：…统计报表)
		c := t.compact()
		if strings.Contains(c, "统计表指标名称") || strings.HasPrefix(c, "指标名称") {
			return i // crawler text that ran the title into the table
		}
		if len([]rune(c)) > 40 || strings.Contains(t.text, "。") || strings.HasPrefix(c, "附表") {
			continue
		}
		for _, w := range statTitleWords {
			if strings.Contains(c, w) {
				return i
			}
		}
	}
	return -1
}

// isChromeOrProse reports text after the table that is no part of it: a
// long sentence or the filling note.
// c is the text compacted.
func isChromeOrProse(c string) bool {
	return utf8.RuneCountInString(c) > 40 || strings.HasPrefix(c, "填表说明") || strings.HasPrefix(c, "注")
}

type statReader struct {
	table   *Table
	row     *Row
	section string // the last row without a parent: the context of ambiguous rows
	used    map[string]bool
	glued   []token
	// gluedRead: the rows were read from crawler text that ran the table
	// into one line, their digits run together (readGlued)
	gluedRead bool
	cells     cellSlab
}

// unknownRow notes a row the reader cannot name after the current row. A
// numbered one (3、不予公开答复数, 其中：…) is a part of the breakdown the
// current row belongs to, which then cannot be summed: the parser does not
// know its numbers.
func (r *statReader) unknownRow(t token) {
	if !startsWithListNumber(trimSpaceRunes(t.src.Norm[t.line][t.col:t.end])) && !strings.HasPrefix(t.c, "其中") {
		return
	}
	owner := r.row.Parent
	if owner == "" {
		owner = r.row.Key
	}
	for _, row := range r.table.Rows {
		if row.Key == owner {
			row.PartsUnsure = true
		}
	}
}

func (r *statReader) match(t token) *statDef {
	if len(t.text) > 80 && utf8.RuneCountInString(t.text) > 80 {
		return nil
	}
	c := t.c // compact(t.text), made by tokenize
	if len(c) > 60 && utf8.RuneCountInString(c) > 60 {
		return nil
	}
	hits := statHitsIn(c)
	for i := range statDefs {
		d := &statDefs[i]
		if !hits.has(i) || r.used[d.key] || (d.underParent && d.parent != r.section) {
			continue
		}
		if !d.excluded(c) {
			return d
		}
	}
	return nil
}

func (r *statReader) start(d *statDef, t token) {
	r.used[d.key] = true
	if d.parent == "" {
		r.section = d.key
	}
	r.row = &Row{Key: d.key, Label: t.printed(), Short: d.short, En: d.en, Span: t.span(),
		Parent: d.parent, Part: d.part, Measure: d.measure, Loose: d.loose, Read: r.cells.take(3)}
	r.table.Rows = append(r.table.Rows, r.row)
	if endsInDigits(t.text) {
		r.glued = append(r.glued, t)
	}
}

// statColumns picks the columns from the header words.
func statColumns(header string) []Column {
	switch {
	case strings.Contains(header, "上年累计"):
		return statColsJiangsu
	case strings.Contains(header, "历年累计"):
		return statColsYearCum
	}
	return statColsSingle
}

// assign gives each row's cells their columns: only a row with exactly one
// cell per column is certain. In a one-value form, a row with no number at
// all is an empty cell (the copy keeps the label and nothing after it).
func (r *statReader) assign() {
	if r.gluedRead {
		r.assignGlued()
		return
	}
	t := r.table
	n := len(t.Columns)
	short := 0
	for _, row := range t.Rows {
		row.Cells = r.cells.row(n)
		switch {
		case len(row.Read) == n:
			copy(row.Cells, row.Read)
		case len(row.Read) == 0 && n == 1 && len(r.glued) == 0:
			row.Cells[0] = Cell{Kind: CellBlank, Span: Span{row.Span.End, row.Span.End}}
		default:
			short++
		}
	}
	switch {
	case len(r.glued) > 0:
		for _, row := range t.Rows {
			row.Cells = make([]Cell, n)
		}
		// the excerpt starts at the row whose digits ran on, or at the
		// text's start when only its end is digits (a label ending in a
		// number: found by fuzzing)
		gc := r.glued[0].compact()
		c := []rune(gc)
		g := excerpt(string(c[max(gluedAt(gc), 0):]), 24)
		t.Status = TableUnchecked
		t.doubt(Doubt{Kind: DoubtGluedLabel, Example: g})
	case len(t.Rows) == 0 && len(r.glued) == 0:
		t.Status = TableUnchecked
		t.doubt(Doubt{Kind: DoubtStatNoRows})
	case short > 0:
		t.Status = TablePartial
		t.doubt(Doubt{Kind: DoubtStatShortRows, Rows: short, Want: n})
	default:
		t.Status = TableRead
	}
}

// gluedStatRow reports crawler text that ran a table's labels and numbers
// together ("主动公开信息数条4251516"): a row's words followed by digits.
// c is the text compacted.
func gluedStatRow(c string) bool { return gluedAt(c) >= 0 }

// gluedAt returns where in c, a compacted text, a glued row starts, or -1.
func gluedAt(c string) int {
	if !hasDigitRun(c, 4) {
		return -1 // the common case, and the cheap one
	}
	for _, w := range gluedWords {
		k := strings.Index(c, w)
		if k < 0 {
			continue
		}
		rest := c[k+len(w):]
		if r, n := utf8.DecodeRuneInString(rest); n > 0 && statUnits[string(r)] {
			rest = rest[n:]
		}
		if hasDigitRun(rest[:min(len(rest), 4)], 4) {
			return utf8.RuneCountInString(c[:k])
		}
	}
	return -1
}

// gluedWords are the statistics rows' words, compacted once.
var gluedWords = func() []string {
	var ws []string
	for i := range statDefs {
		for _, w := range statDefs[i].any {
			ws = append(ws, compact(w))
		}
	}
	return ws
}()

// hasDigitRun reports n ASCII digits in a row somewhere in s.
func hasDigitRun(s string, n int) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			run++
			if run >= n {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// excerpt shortens s to about n characters around its start.
func excerpt(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n]) + "…"
}
