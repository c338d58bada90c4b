package parse

import (
	"strings"
)

// readItems reads the blocks of the 第二十条 table (表二) that stand in
// toks, one Table per block: the stream before 表三, or a whole stream
// whose every token the search for 表三 asked for (window.go).
func readItems(toks []token) []*Table {
	limit := len(toks)
	var tables []*Table
	var read [][2]int // the tokens each block read
	for i := 0; i < limit; i++ {
		blk, ok := itemBlockAt(toks[i])
		if !ok {
			continue
		}
		t, next := readItemBlock(toks, i, i+1, limit, blk)
		tables = append(tables, t)
		read = append(read, [2]int{i, next})
		i = next - 1
	}
	for k, t := range tables {
		if len(t.Rows) == 0 {
			blk, _ := itemBlockAt(toks[read[k][0]])
			if moved := movedItemBlock(toks, read, read[k][0], limit, blk); moved != nil {
				tables[k] = moved
			}
		}
	}
	return tables
}

// movedItemBlock reads the table of a block whose title has no rows under
// it from where a converter moved it: a pipe table, outside every block,
// whose header names the block's columns and whose rows its rows (202.md
// prints the 第二十条第（一）项 title, then the other blocks, then the
// table of （一） as markdown). It returns nil when there is none.
func movedItemBlock(toks []token, read [][2]int, title, limit int, blk itemBlock) *Table {
	inBlock := func(i int) bool {
		for _, r := range read {
			if i >= r[0] && i < r[1] {
				return true
			}
		}
		return false
	}
	for i := 0; i < limit; i++ {
		tk := toks[i]
		if inBlock(i) || tk.kind != tokText || !tk.isMarkdownPipe() || tk.header() || !blk.namesRow(tk.label()) {
			continue
		}
		// the header row over it, with nothing but header rows and short
		// headings between
		h := -1
		for j := i - 1; j >= 0 && !inBlock(j) && toks[j].kind == tokText && len([]rune(toks[j].text)) <= 30; j-- {
			if toks[j].header() {
				h = j
			}
		}
		if h < 0 {
			return nil
		}
		t, _ := readItemBlock(toks, title, h, limit, blk)
		if t.Columns == nil || len(t.Rows) == 0 {
			return nil
		}
		return t
	}
	return nil
}

// namesRow reports a label that names one of the block's rows.
func (b itemBlock) namesRow(label string) bool {
	for _, d := range b.rows {
		if d.matchesCompact(label) {
			return true
		}
	}
	return false
}

// itemBlockAt recognises a block title such as 第二十条第（一）项.
func itemBlockAt(t token) (itemBlock, bool) {
	if t.kind != tokText {
		return itemBlock{}, false
	}
	c := t.c
	if !strings.HasPrefix(c, "第二十条第") || len([]rune(c)) > 12 {
		return itemBlock{}, false
	}
	for _, b := range itemBlocks {
		if strings.HasPrefix(c, "第二十条第"+b.item+"项") {
			return b, true
		}
	}
	return itemBlock{}, false
}

// readItemBlock reads the block titled at toks[title] from toks[from] on.
func readItemBlock(toks []token, title, from, limit int, blk itemBlock) (*Table, int) {
	t := &Table{Kind: TableItems, Title: toks[title].printed(), Span: toks[title].span()}
	var header strings.Builder
	var row *Row
	i := from
loop:
	for ; i < limit; i++ {
		tk := toks[i]
		if tk.kind != tokText {
			if row != nil {
				row.Read = append(row.Read, cellOf(tk))
			}
			continue
		}
		if _, ok := itemBlockAt(tk); ok {
			break
		}
		for _, d := range blk.rows {
			if d.matchesCompact(tk.label()) && t.Row(d.key) == nil {
				row = &Row{Key: d.key, Label: tk.printed(), Short: d.short, En: d.en, Span: tk.span(), Read: make([]Cell, 0, 4)}
				t.Rows = append(t.Rows, row)
				continue loop
			}
		}
		switch {
		case row == nil && len([]rune(tk.text)) <= 30:
			header.WriteString(tk.text)
		case row != nil && isShortCompact(tk.c) && i+1 < limit && toks[i+1].kind == tokValue:
			row.Read = append(row.Read, cellOf(tk))
		case row != nil && isItemsTitle(tk):
			// the table's title, repeated where a page broke it
		case row != nil:
			break loop // prose or the next heading
		}
	}
	t.Variant, t.Columns = itemColumns(blk, compact(header.String()))
	assignItemColumns(t)
	if n := len(t.Rows); n > 0 {
		last := t.Rows[n-1]
		t.Span.End = last.Span.End
		if k := len(last.Read); k > 0 {
			t.Span.End = last.Read[k-1].Span.End
		}
	}
	return t, i
}

// isItemsTitle reports a line that is the title of 表二, as a converted
// copy repeats it over each page's part of the table (## 表二：主动公开政府信息情况).
func isItemsTitle(t token) bool {
	c, ok := strings.CutSuffix(t.c, "主动公开政府信息情况")
	if !ok || int(t.col) != firstTextCol(t.src.Norm[t.line]) {
		return false
	}
	return c == "" || c == "表二"
}

// itemColumns picks the block's columns from its header words: the 2019 and
// 2021 templates name them differently (DOMAIN.md §3.3).
func itemColumns(blk itemBlock, header string) (Era, []Column) {
	switch {
	case blk.cols2021 == nil:
		return Era2019, blk.cols2019
	case strings.Contains(header, "制发") || strings.Contains(header, "本年处理决定") || strings.Contains(header, "收费金额"):
		return Era2021, blk.cols2021
	case strings.Contains(header, "新制作") || strings.Contains(header, "上一年项目") || strings.Contains(header, "增/减") || strings.Contains(header, "增减"):
		return Era2019, blk.cols2019
	}
	return EraUnknown, nil
}

func assignItemColumns(t *Table) {
	if t.Columns == nil {
		t.Status = TableUnchecked
		t.doubt(Doubt{Kind: DoubtUnknownHeader})
		return
	}
	n := len(t.Columns)
	short := 0
	for _, row := range t.Rows {
		row.Cells = make([]Cell, n)
		if len(row.Read) == n {
			copy(row.Cells, row.Read)
		} else {
			short++
		}
	}
	switch {
	case len(t.Rows) == 0:
		t.Status = TableUnchecked
		t.doubt(Doubt{Kind: DoubtNoRows})
	case short > 0:
		t.Status = TablePartial
		t.doubt(Doubt{Kind: DoubtItemRowsShort, Rows: short, Want: n})
	default:
		t.Status = TableRead
	}
}
