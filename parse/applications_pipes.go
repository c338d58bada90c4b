package parse

import (
	"slices"
	"strings"
)

// 表三 written as pipe rows (markdown made from a PDF, see pipes.go): each
// pipe row is one row, so that its numbers never run into the row before.
// A row whose label the converter wrote elsewhere is a row of numbers with
// no label; such rows keep their order, and the template rows between the
// labelled rows around them are theirs when there are as many of them.

// pipeRowsFrom reports a table whose numbers stand in pipe rows written in
// the text: the first value from start on is a cell of one.
func pipeRowsFrom(s *tokStream, start int) bool {
	for i := start; s.has(i); i++ {
		if s.toks[i].kind == tokValue {
			return s.toks[i].isMarkdownPipe()
		}
	}
	return false
}

// readPipes is read for a table of pipe rows.
func (r *appReader) readPipes(start int) int {
	// the label of the first row may be split over cells (| 一、 | 本年新收… |)
	for start > 0 && r.toks[start].isMarkdownPipe() && r.toks[start-1].pipe() && r.toks[start-1].line == r.toks[start].line {
		start--
	}
	i := start
	for r.s.has(i) {
		next, end := r.readPipe(i)
		if end {
			break
		}
		i = next
	}
	r.placeBare(len(applicationRows))
	if i == start {
		i = start + 1
	}
	return i
}

// readPipe reads the pipe row, or the token outside any, at toks[i]; it
// returns the index after it, and end when the table ended before it.
func (r *appReader) readPipe(i int) (next int, end bool) {
	t := r.toks[i]
	if r.row != nil && r.row.Key == "apply.forward" && len(r.row.Read) > 0 {
		return i, true // the template's last row is read
	}
	if !t.isMarkdownPipe() {
		// text outside the rows: headings, a label the converter wrote
		// above or away from its row, a stray number; numbers belong
		// where the rows say, the text above a row of bare numbers at
		// most confirms it
		if t.kind == tokText {
			if r.endsTable(t) {
				return i, true
			}
			r.above.WriteString(t.c)
		}
		return i + 1, false
	}
	j := pipeRowEnd(r.toks, i)
	row := r.toks[i:j]
	above := r.above.String()
	r.above.Reset()
	if t.header() {
		if isReviewHeaderRow(row) {
			return i, true // 表四's header
		}
		return j, false // a header row, repeated before each chunk
	}
	k := pipeLabelCells(row)
	if k > 0 {
		if c, ok := r.pipeLabels(row[:k]); ok {
			r.row.Read = append(r.row.Read, r.pipeCells(row, c)...)
			return j, false
		}
		if k == len(row) {
			if r.endsTable(joinedLabel(row)) {
				return i, true
			}
			return j, false // a fragment of a label
		}
	}
	read := r.pipeCells(row, k)
	if k == 0 && len(r.pending) == 0 && r.row != nil && len(r.row.Read) == 0 && !r.row.Group && !applicationRows[r.defIdx].maybeGroup {
		if named := namedIn(above); named < 0 || named == r.defIdx {
			// a row of its own label stands over its numbers
			r.row.Read = append(r.row.Read, read...)
			return j, false
		}
	}
	b := bareRow{cells: read, above: above}
	if k > 0 {
		b.fragment = row[k-1].label()
	}
	r.pending = append(r.pending, b)
	return j, false
}

// pipeLabels reads a pipe row's label cells, from the left: a group label
// spanning rows (三、本年度办理结果 | （一）予以公开), then the row's own.
// A cell no row is named by is a fragment: the row's label may then be
// the last cell, or the cells from it on joined (a label split over two
// cells, （三）不 | 4.保护第三方合法权益). It starts the rows named and
// returns how many of the row's tokens are label (those after a data row's
// label are its text cells), or false when it names no row.
func (r *appReader) pipeLabels(labels []token) (int, bool) {
	for k := 0; k < len(labels); k++ {
		d, label := r.matchRow(labels[k]), labels[k]
		if d < 0 && k < len(labels)-1 {
			if d, label = r.matchRow(labels[len(labels)-1]), labels[len(labels)-1]; d < 0 {
				label = joinedLabel(labels[k:])
				d = r.matchRow(label)
			}
			k = len(labels) - 1
		}
		if d < 0 {
			return 0, false
		}
		r.placeBare(d)
		r.startRow(d, label)
		if def := applicationRows[d]; !def.group && !def.maybeGroup {
			return k + 1, true
		}
	}
	// group labels only: numbers after them are theirs, as they are in
	// text of any other shape
	return len(labels), true
}

// pipeCells reads the cells of a pipe row, those after its label. The
// empty cells that end the row are padding, except where the row has fewer
// cells than the table has columns: there the row's last columns are
// empty, and read as missing (an empty cell of a converted copy may be a
// number the converter lost, so it is never reported as empty).
func (r *appReader) pipeCells(row []token, k int) []Cell {
	out := make([]Cell, 0, len(applicationColumns))
	labels := pipeLabelCells(row)
	for i := k; i < len(row); i++ {
		if t := row[i]; i >= labels || isTextCellText(t) {
			out = append(out, cellOf(t))
		}
		// else more of the label, after the words that named the row
		// (缴纳费用、 | 行政机关不再处理其政 | 0 | …)
	}
	if len(out) == 0 || len(out) >= len(applicationColumns) {
		return out
	}
	for _, sp := range trailingEmptyCells(row[len(row)-1]) {
		if len(out) == len(applicationColumns) {
			break
		}
		out = append(out, Cell{Kind: CellMissing, Span: sp})
	}
	return out
}

// pendingReach reports rows of numbers waiting for rows up to and
// including the row key: a row that must follow that one (3.其他 after
// 2.缴纳费用) may then be read.
func (r *appReader) pendingReach(key string) bool {
	if !r.pipe || len(r.pending) == 0 {
		return false
	}
	for d := r.defIdx + 1; d < len(applicationRows); d++ {
		if applicationRows[d].key == key {
			return true
		}
	}
	return false
}

// placeBare gives the rows of numbers waiting to the template rows between
// the last row read and row d, in order, when there are as many of them;
// else to the rows the text just above each names, when each names one.
// The label fragments they kept and the text above them must agree; when
// they do not, or no reading holds, the numbers are left unread.
func (r *appReader) placeBare(d int) {
	if len(r.pending) == 0 {
		return
	}
	defer func() { r.pending = r.pending[:0] }()
	y2019, y2021, all := r.gapRows(d)
	var rows []int
	switch n := len(r.pending); {
	case len(y2021) == n:
		rows = y2021
	case len(y2019) == n:
		rows = y2019
	}
	if rows == nil || !r.bareAgree(rows) {
		rows = r.namedAbove(all)
	}
	if rows == nil {
		r.unplaced += len(r.pending)
		return
	}
	for k, di := range rows {
		b := r.pending[k]
		if di == r.defIdx && r.row != nil {
			r.row.Read = append(r.row.Read, b.cells...) // （六）其他处理 of 2019, labelled above
			continue
		}
		def := applicationRows[di]
		r.defIdx = di
		sp := Span{b.cells[0].Span.Start, b.cells[len(b.cells)-1].Span.End}
		r.row = &Row{Key: def.key, Label: def.full, Short: def.short, En: def.en, Span: sp, Read: append(r.cells.take(8), b.cells...)}
		r.table.Rows = append(r.table.Rows, r.row)
	}
}

// gapRows returns the template data rows between the last row read and row
// d: as 2019's template has them, as 2021's has them, and all of them.
// （六）其他处理 is a data row in 2019 and a group over three rows in 2021;
// once one of the three is read, only 2021's reading is left.
func (r *appReader) gapRows(d int) (y2019, y2021, all []int) {
	from := r.defIdx + 1
	if r.row != nil && len(r.row.Read) == 0 && applicationRows[r.defIdx].maybeGroup {
		from = r.defIdx // （六）其他处理 read with no numbers: a data row of 2019?
	}
	for k := from; k < d; k++ {
		def := applicationRows[k]
		switch {
		case def.group:
			continue
		case def.maybeGroup:
			y2019 = append(y2019, k)
		case isOtherSubRow(def.key):
			y2021 = append(y2021, k)
		default:
			y2019 = append(y2019, k)
			y2021 = append(y2021, k)
		}
		all = append(all, k)
	}
	if r.seen2021(d) {
		y2019 = nil
	}
	return y2019, y2021, all
}

// bareAgree reports that the waiting rows of numbers may be rows: no label
// fragment one kept, and no text just above one, names another row.
func (r *appReader) bareAgree(rows []int) bool {
	for k, di := range rows {
		b := r.pending[k]
		if !fragmentOf(b.fragment, di) {
			return false
		}
		if named := namedIn(b.above); named >= 0 && named != di {
			return false
		}
	}
	return true
}

// namedAbove returns the rows the text just above each waiting row of
// numbers names, one each, among the rows it may be (gap), in template
// order, agreeing with the fragments they kept and with one template; nil
// when one names none or several.
func (r *appReader) namedAbove(gap []int) []int {
	rows := make([]int, 0, len(r.pending))
	y2019, y2021 := false, r.seen2021(-1)
	for k, b := range r.pending {
		di := namedIn(b.above)
		if di < 0 || !slices.Contains(gap, di) || k > 0 && di <= rows[k-1] || !fragmentOf(b.fragment, di) {
			return nil
		}
		y2019 = y2019 || applicationRows[di].maybeGroup
		y2021 = y2021 || isOtherSubRow(applicationRows[di].key)
		rows = append(rows, di)
	}
	if y2019 && y2021 {
		return nil
	}
	return rows
}

// namedIn returns the one data row of the template whose words the text
// holds, or -1 when it holds none or several (the labels of two rows run
// together). A group label is no row of numbers, and a generic label
// (3.其他) is never looked for in running text.
func namedIn(text string) int {
	if text == "" {
		return -1
	}
	c := compact(stripNumbering(text))
	found := -1
	for d, def := range applicationRows {
		if def.group || def.exact != "" || !def.matchesCompact(c) {
			continue
		}
		if found >= 0 {
			return -1
		}
		found = d
	}
	return found
}

// fragmentOf reports a label fragment that is part of row d's label (or
// no fragment).
func fragmentOf(fragment string, d int) bool {
	return fragment == "" || strings.Contains(compact(stripNumbering(applicationRows[d].full)), fragment)
}

// seen2021 reports a row of the 2021 template's three （六） rows among the
// rows read or at d.
func (r *appReader) seen2021(d int) bool {
	if d >= 0 && d < len(applicationRows) && isOtherSubRow(applicationRows[d].key) {
		return true
	}
	for _, row := range r.table.Rows {
		if isOtherSubRow(row.Key) {
			return true
		}
	}
	return false
}

func isOtherSubRow(key string) bool { return strings.HasPrefix(key, "apply.result.other.") }

// settlePipes says what a table of pipe rows left unread: rows of numbers
// that could not be given a row, the template's rows not read, cells left
// empty at the end of a row.
func (r *appReader) settlePipes(t *Table) {
	if !r.pipe || t.Status == TableUnchecked {
		return
	}
	var doubts []Doubt
	if r.unplaced > 0 {
		doubts = append(doubts, Doubt{Kind: DoubtUnplaced, Rows: r.unplaced})
	}
	if missing := missingApplicationRows(t); len(missing) > 0 {
		doubts = append(doubts, Doubt{Kind: DoubtRowsMissing, Rows: len(missing), Short: missing[0].short, En: missing[0].en})
	}
	for _, row := range t.Rows {
		if len(row.Read) != len(t.Columns) {
			continue
		}
		for c, cell := range row.Read {
			if cell.Kind == CellMissing {
				doubts = append(doubts, Doubt{Kind: DoubtEmptyCell, Row: row, Column: &t.Columns[c]})
			}
		}
	}
	if len(doubts) == 0 {
		return
	}
	if t.Status != TablePartial {
		t.Doubts = nil
	}
	t.Doubts = append(append(t.Doubts, doubts...), Doubt{Kind: DoubtSkipped})
	t.Status = TablePartial
}

// missingApplicationRows returns the data rows of the table's template
// that it lacks or read no number of.
func missingApplicationRows(t *Table) []rowDef {
	var out []rowDef
	for _, def := range applicationRows {
		switch {
		case def.group:
			continue
		case def.maybeGroup && t.Variant == Era2021, isOtherSubRow(def.key) && t.Variant != Era2021:
			continue
		}
		if row := t.Row(def.key); row == nil || len(row.Read) == 0 && !row.Group {
			out = append(out, def)
		}
	}
	return out
}

// isReviewHeaderRow reports a header row of 表四 (| 维持 | 纠正 | 结果 | 审结 |):
// header words only, naming what only 表四 has.
func isReviewHeaderRow(row []token) bool {
	var b strings.Builder
	for _, t := range row {
		if t.kind == tokText && !isReviewHeaderCompact(t.c) {
			return false
		}
		b.WriteString(t.c)
	}
	c := b.String()
	for _, w := range []string{"维持", "纠正", "审结", "复议", "诉讼"} {
		if strings.Contains(c, w) {
			return true
		}
	}
	return false
}
