package parse

import (
	"strings"
	"unicode/utf8"
)

// readApplications finds and reads 表三 in the token stream. It returns nil
// when the report has no such table.
func readApplications(s *tokStream) (*Table, int) {
	toks := s.toks
	start := -1
	for i := 0; s.has(i); i++ {
		if t := &toks[i]; t.kind == tokText && isApplicationsStart(t.label()) {
			start = i
			break
		}
	}
	if start < 0 {
		return nil, 0
	}
	t := &Table{Kind: TableApplications, Title: "收到和处理政府信息公开申请情况", Columns: applicationColumns}
	r := &appReader{table: t, s: s, toks: toks, defIdx: -1}
	end := r.read(start)
	t.Span = Span{toks[start].span().Start, toks[end-1].span().End}
	assignApplicationColumns(t, &r.cells)
	if t.Status == TableUnchecked && len(r.glued) > 0 {
		t.Doubts = []Doubt{{Kind: DoubtGluedLabel, Example: r.glued[0].printed()}}
	}
	r.settlePipes(t)
	return t, end
}

// isApplicationsStart matches the label of 表三's first row,
// 一、本年新收政府信息公开申请数量, and not prose that uses the same words. c is
// the label compacted without its numbering.
func isApplicationsStart(c string) bool {
	return strings.HasPrefix(c, "本年新收") && strings.Contains(c, "申请") && len([]rune(c)) <= 40
}

type appReader struct {
	table *Table
	// s is the stream read, toks its tokens: a step to a token not yet
	// seen asks s.has
	s      *tokStream
	toks   []token
	defIdx int // index in applicationRows of the current row
	row    *Row
	glued  []token // labels with digits run into them (flattened copies)
	cells  cellSlab

	// pipe: the table is written as pipe rows (markdown), each row one
	// row of the table (see pipes.go); read by readPipe
	pipe bool
	// pending are rows of numbers with no label, in order, waiting for
	// the next labelled row: the template rows between the last row read
	// and that one are theirs, when there are as many (placeBare)
	pending []bareRow
	// above is the text outside the rows since the last pipe row
	above strings.Builder
	// unplaced counts the rows of numbers that could not be given a row
	unplaced int
	// lost are cells a pipe row left empty at its end, read as missing
	lost []lostCell
}

// bareRow is a pipe row of numbers whose label the converter wrote
// elsewhere; fragment is the compact text of a label cell it kept that
// names no row by itself (行政机关不再处理其政府信息公), or ""; above is
// the text on the lines just above it, outside the rows.
type bareRow struct {
	cells    []Cell
	fragment string
	above    string
}

type lostCell struct {
	row *Row
	col int
}

// read walks the tokens from start and returns the index after the table.
func (r *appReader) read(start int) int {
	if r.pipe = pipeRowsFrom(r.s, start); r.pipe {
		return r.readPipes(start)
	}
	i := start
	for ; r.s.has(i); i++ {
		t := r.toks[i]
		switch t.kind {
		case tokValue, tokBlank:
			if r.row == nil {
				continue
			}
			r.row.Read = append(r.row.Read, cellOf(t))
			continue
		}
		if d := r.matchRow(t); d >= 0 {
			r.startRow(d, t)
			continue
		}
		if r.isTextCell(i) {
			r.row.Read = append(r.row.Read, cellOf(t))
			continue
		}
		if r.endsTable(t) {
			break
		}
	}
	if i == start {
		i = start + 1
	}
	return i
}

// matchRow returns the template row the label names, searching forward from
// the current row so that rows keep their template order.
func (r *appReader) matchRow(t token) int {
	if utf8.RuneCountInString(t.c) > 60 {
		return -1 // prose, not a label
	}
	for d := r.defIdx + 1; d < len(applicationRows); d++ {
		def := applicationRows[d]
		if def.after != "" && (r.row == nil || r.row.Key != def.after) && !r.pendingReach(def.after) {
			continue
		}
		if def.matchesCompact(t.label()) {
			return d
		}
	}
	return r.matchDamaged(t.text)
}

// matchDamaged tries the next data row of the template (and the group
// labels before it) against a wrapped or damaged label; it never looks
// further, so that a damaged label cannot skip rows.
func (r *appReader) matchDamaged(label string) int {
	l := damagedLabelOf(label)
	if l.num == "" {
		return -1 // no list number: nothing to match a damaged label by
	}
	for d := r.defIdx + 1; d < len(applicationRows); d++ {
		def := applicationRows[d]
		if def.matchesDamagedLabel(l) {
			return d
		}
		if !def.group && !def.maybeGroup {
			break
		}
	}
	return -1
}

func (r *appReader) startRow(d int, t token) {
	def := applicationRows[d]
	r.defIdx = d
	r.row = &Row{Key: def.key, Label: t.printed(), Short: def.short, En: def.en, Span: t.span(), Group: def.group, Read: r.cells.take(8)}
	r.table.Rows = append(r.table.Rows, r.row)
	if endsInDigits(t.text) {
		r.glued = append(r.glued, t)
	}
}

// isTextCell tells a cell holding text (撤销, 不详) from a label fragment: it
// is short and stands between cells of the current row.
func (r *appReader) isTextCell(i int) bool {
	t := r.toks[i]
	if r.row == nil || !isTextCellText(t) {
		return false
	}
	if t.pipe() && int(t.line) == r.row.Span.Start.Line-1 {
		return true
	}
	prevIsCell := i > 0 && r.toks[i-1].kind == tokValue && len(r.row.Read) > 0
	nextIsCell := r.s.has(i+1) && r.toks[i+1].kind == tokValue
	return prevIsCell && nextIsCell
}

// isTextCellText reports text that may be a cell's (撤销, 不详): short, no
// header word, no list number.
func isTextCellText(t token) bool {
	return utf8.RuneCountInString(t.text) <= 6 && !isReviewHeaderCompact(t.c) && stripNumbering(t.text) == strings.TrimSpace(t.text)
}

// endsTable reports the first text after the last row that is no part of
// 表三: the next heading, the 表四 header, or prose.
func (r *appReader) endsTable(t token) bool {
	c := t.c
	if strings.Contains(c, "行政复议") || strings.Contains(c, "行政诉讼") {
		return true
	}
	if r.row != nil && r.row.Key == "apply.forward" && len(r.row.Read) > 0 {
		return true
	}
	return len([]rune(c)) > 60
}

func endsInDigits(s string) bool {
	rs := []rune(s)
	n := 0
	for i := len(rs) - 1; i >= 0 && isDigit(rs[i]); i-- {
		n++
	}
	return n >= 3 && n < len(rs)
}

// assignApplicationColumns decides which cells belong to which column. A
// row with exactly seven cells is certain. Rows with fewer cells lost their
// empty cells in the copy; their columns are unknown, except that when every
// such row's last number is the sum of the others, the last one is taken to
// be 总计 (marked inferred, so that rules soften what they say).
func assignApplicationColumns(t *Table, cells *cellSlab) {
	n := len(t.Columns)
	certain, short, over := 0, 0, 0
	var overRow *Row
	var readings []*rowReading
	for _, row := range t.Rows {
		row.Cells = cells.row(n)
		if row.Group && len(row.Read) == 0 {
			continue
		}
		if anyGlued(row.Read) {
			readings = append(readings, &rowReading{row: row, glued: true})
			continue
		}
		switch {
		case len(row.Read) == n:
			copy(row.Cells, row.Read)
			readings = append(readings, &rowReading{row: row, cands: [][]Cell{row.Read}})
			certain++
		case len(row.Read) > n:
			over++
			overRow = row
		case len(row.Read) > 0:
			short++
		}
	}
	markGroups(t)
	t.Variant = applicationVariant(t)
	var glued gluedSolve
	if over == 0 {
		rowTotal := sumAt(n)
		glued = solveGluedRows(t, readings, applicationSums(t.Variant), n, func(*Row) func([]Cell) bool { return rowTotal })
	}
	switch {
	case glued.any():
		glued.status(t, certain, short)
	case over > 0:
		for _, row := range t.Rows {
			row.Cells = make([]Cell, n)
		}
		t.Status = TableUnchecked
		t.doubt(Doubt{Kind: DoubtOutOfOrder, Row: overRow, Got: len(overRow.Read), Want: n})
	case short == 0 && certain > 0:
		t.Status = TableRead
	case certain == 0 && short > 0 && inferTotals(t):
		t.Status = TablePartial
		t.doubt(Doubt{Kind: DoubtLostBlanksTotals})
	case certain > 0:
		t.Status = TablePartial
		t.doubt(Doubt{Kind: DoubtShortRows, Rows: short, Want: n})
	default:
		t.Status = TableUnchecked
		t.doubt(Doubt{Kind: DoubtNoRows})
	}
}

// markGroups settles （六）其他处理: a group in 2021 (its three reasons follow
// it), a data row in 2019.
func markGroups(t *Table) {
	other := t.Row("apply.result.other")
	if other == nil {
		return
	}
	for _, row := range t.Rows {
		if strings.HasPrefix(row.Key, "apply.result.other.") {
			other.Group = true
			return
		}
	}
}

func applicationVariant(t *Table) Era {
	other := t.Row("apply.result.other")
	switch {
	case other != nil && other.Group:
		return Era2021
	case other != nil:
		return Era2019
	}
	// the group label may stand apart from its rows (a heading of a
	// converted copy, （六）其他): its three rows are 2021's alone
	for _, row := range t.Rows {
		if isOtherSubRow(row.Key) {
			return Era2021
		}
	}
	return EraUnknown
}

// inferTotals applies the 总计 inference described at
// assignApplicationColumns; it reports whether it held. The shape is taken
// when every row with numbers has at least two, and all of them but a few
// end in the sum of the numbers before them, some with a total above zero:
// a copy that lost blank cells. A row that does not add up is still read
// so (its last number is a printed total, or the total was left blank:
// either way the row is wrong as printed), and ReadSumDiffers marks it for
// the row-total rule.
func inferTotals(t *Table) bool {
	seen, adds, nonzero := 0, 0, 0
	for _, row := range t.Rows {
		if len(row.Read) == 0 {
			continue
		}
		if len(row.Read) < 2 || !allWhole(row.Read) {
			return false
		}
		seen++
		if lastIsSum(row.Read) {
			adds++
			if row.Read[len(row.Read)-1].Number.Value > 0 {
				nonzero++
			}
		}
	}
	if seen == 0 || nonzero < 2 || seen-adds > max(1, seen/10) || !oddRowsLikeOthers(t) {
		return false
	}
	last := len(t.Columns) - 1
	for _, row := range t.Rows {
		if len(row.Read) == 0 {
			continue
		}
		c := row.Read[len(row.Read)-1]
		c.Inferred = true
		row.Cells[last] = c
		row.InferredColumns = true
		row.ReadSumDiffers = !lastIsSum(row.Read)
	}
	return true
}

// oddRowsLikeOthers reports that every row that does not add up has as
// many numbers as some row that does: a row holding more is more likely two
// rows run together under one label (a label lost in the copy) than a
// wrong total, and then the inference is not taken.
func oddRowsLikeOthers(t *Table) bool {
	counts := map[int]bool{}
	for _, row := range t.Rows {
		if len(row.Read) > 0 && lastIsSum(row.Read) {
			counts[len(row.Read)] = true
		}
	}
	for _, row := range t.Rows {
		if len(row.Read) > 0 && !lastIsSum(row.Read) && !counts[len(row.Read)] {
			return false
		}
	}
	return true
}

// allWhole reports cells that all hold whole numbers.
func allWhole(cells []Cell) bool {
	for _, c := range cells {
		if !c.IsNumber() || !c.Number.IsInt {
			return false
		}
	}
	return true
}

func lastIsSum(cells []Cell) bool {
	var sum float64
	for i, c := range cells {
		if !c.IsNumber() || !c.Number.IsInt {
			return false
		}
		if i < len(cells)-1 {
			sum += c.Number.Value
		}
	}
	return sum == cells[len(cells)-1].Number.Value
}
