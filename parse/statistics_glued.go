package parse

import (
	"strings"
	"unicode/utf8"
)

// Crawler copies of the pre-2019 reports run the statistics table into one
// line: 「指标名称计量单位2011年度历年累计主动公开信息数条4251516其中：1.网站公开条
// 41815092.政府公报公开条77…」. Each row is its words, its unit and its
// cells' digits run together (425|1516: this year, all years). readGlued
// cuts the line into rows; assign then splits each row's digits with the
// solver (solve.go), under the row's own relation between its columns and
// the table's complete breakdowns.

// readGlued reads the rows of a statistics table from the line of g, the
// text where its first glued row was seen, and returns the header words
// that stood before the first row.
func (r *statReader) readGlued(g token) string {
	toks := flatTokens(g.src, int(g.line), maxTokens)
	from := gluedTableStart(toks, int(g.col))
	if from < 0 {
		return "" // no header words: prose that names rows, not a table
	}
	r.gluedRead = true
	var header strings.Builder
	for _, tk := range toks[from:] {
		if tk.kind != tokText {
			if r.row != nil {
				r.row.Read = append(r.row.Read, cellOf(tk))
			}
			continue
		}
		c := compact(tk.text)
		if len(r.table.Rows) == 0 {
			k := firstRowWord(c)
			if k < 0 {
				header.WriteString(c)
				continue
			}
			header.WriteString(c[:k])
			tk = labelTail(tk, c[k:])
		}
		tk.c = compact(tk.text)
		if strings.TrimRight(tk.c, ":") == "其中" {
			continue // the lead-in of the parts that follow, cut off by their list number
		}
		if d := r.match(tk); d != nil {
			r.start(d, tk)
			continue
		}
		if isChromeOrProse(tk.c) {
			break
		}
		// an unknown label after a row's digits: its own row, whose
		// digits must not be taken for the last row's
		if r.row != nil && len(r.row.Read) > 0 {
			r.unknownRow(tk)
			r.row = nil
		}
	}
	return header.String()
}

// gluedTableStart returns the index of the token holding the table's
// header words (指标名称, 统计指标) that ends after column col: the table starts
// there. A whole report copied onto one line holds prose before it whose
// words and numbers look like rows (全区主动公开政府信息2069条).
func gluedTableStart(toks []token, col int) int {
	for i, tk := range toks {
		if int(tk.end) > col && tk.kind == tokText {
			if c := compact(tk.text); strings.Contains(c, "指标名称") || strings.Contains(c, "统计指标") {
				return i
			}
		}
	}
	return -1
}

// firstRowWord returns where in c, a compacted text, the first word of a
// statistics row stands, or -1.
func firstRowWord(c string) int {
	first := -1
	for _, w := range gluedWords {
		if k := strings.Index(c, w); k >= 0 && (first < 0 || k < first) {
			first = k
		}
	}
	return first
}

// labelTail is the token of the last characters of tk, the label that
// follows the header words in one text ("年度历年累计" + "主动公开信息数条").
func labelTail(tk token, label string) token {
	tk.text = label
	tk.col = max(tk.col, tk.end-int32(utf8.RuneCountInString(label)))
	return tk
}

// assignGlued gives the rows read by readGlued their cells: the one split
// of each row's digits that the table's relations leave.
func (r *statReader) assignGlued() {
	t := r.table
	n := len(t.Columns)
	if n < 2 {
		// the header named no second column (历年累计, 上年累计): a run of
		// digits may be one number or several, and the table cannot say
		r.gluedUnknownColumns()
		return
	}
	var readings []*rowReading
	certain, short := 0, 0
	for _, row := range t.Rows {
		row.Cells = r.cells.row(n)
		switch {
		case anyGlued(row.Read):
			readings = append(readings, &rowReading{row: row, glued: true})
		case len(row.Read) == n:
			copy(row.Cells, row.Read)
			readings = append(readings, &rowReading{row: row, cands: [][]Cell{row.Read}})
			certain++
		default:
			short++
		}
	}
	g := solveGluedRows(t, readings, statisticsSums(t), n, func(row *Row) func([]Cell) bool { return statRowRelation(t, row) })
	if len(t.Rows) == 0 {
		t.Status = TableUnchecked
		t.doubt(Doubt{Kind: DoubtStatNoRows})
		return
	}
	g.status(t, certain, short)
}

// gluedUnknownColumns leaves a run-together table whose columns the header
// does not give unread, as before the solver: read as one column, 425|1516
// would be taken for 4251516.
func (r *statReader) gluedUnknownColumns() {
	t := r.table
	example := ""
	for _, row := range t.Rows {
		row.Cells = make([]Cell, len(t.Columns))
		if example == "" && anyGlued(row.Read) {
			example = gluedDigits(row.Read)
		}
	}
	t.Status = TableUnchecked
	t.doubt(Doubt{Kind: DoubtGluedLabel, Example: example})
}

// statisticsSums are the complete breakdowns of a statistics table, for the
// joint step: a parent equals the sum of its parts in every column. One
// among whose parts stands a row the reader could not name decides
// nothing; one filers fill loosely only picks among readings.
func statisticsSums(t *Table) []columnSum {
	parts := map[string][]string{}
	for _, row := range t.Rows {
		if row.Part == PartComplete {
			parts[row.Parent] = append(parts[row.Parent], row.Key)
		}
	}
	var sums []columnSum
	for _, row := range t.Rows {
		if p := parts[row.Key]; len(p) > 0 && !row.PartsUnsure {
			sums = append(sums, columnSum{left: []string{row.Key}, right: p, loose: row.Loose})
		}
	}
	return sums
}

// statRowRelation is what a row's own cells must satisfy: a flow's
// 上年累计 + 本年度 = 累计, or its 本年度 no more than its 历年累计. Other rows
// (stocks, a one-column form) have no relation of their own.
func statRowRelation(t *Table, row *Row) func([]Cell) bool {
	if row.Measure != MeasureFlow {
		return nil
	}
	switch {
	case sameColumns(t.Columns, statColsJiangsu):
		return sumAt(3)
	case sameColumns(t.Columns, statColsYearCum):
		return func(prefix []Cell) bool {
			if len(prefix) != 2 || !prefix[0].IsNumber() || !prefix[1].IsNumber() {
				return true
			}
			return prefix[0].Number.Value <= prefix[1].Number.Value
		}
	}
	return nil
}

func sameColumns(a, b []Column) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Key != b[i].Key {
			return false
		}
	}
	return true
}
