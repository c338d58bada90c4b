package parse

import (
	"strings"
	"unicode/utf8"
)

const reviewCells = 15

// readReview finds 表四 from token index from on: its header words, then its
// fifteen cells in template order (DOMAIN.md §2.4). Cells are mapped by
// count, never by the damaged header text.
func readReview(s *tokStream, from int) *Table {
	toks := s.toks
	h := findReviewHeader(s, from)
	if h < 0 {
		return nil
	}
	t := &Table{Kind: TableReview, Title: "政府信息公开行政复议、行政诉讼情况", Columns: reviewColumns}
	i := h
	for s.has(i) && toks[i].kind == tokText && isReviewHeaderCompact(toks[i].c) {
		i++
	}
	var cells []Cell
	var last token
	interleaved := false
	var between []token // header words since the last cell
cells:
	for ; len(cells) < reviewCells && s.has(i); i++ {
		tk := toks[i]
		switch {
		case tk.kind == tokValue || tk.kind == tokBlank:
		case isReviewHeaderCompact(tk.c):
			if len(cells) > 0 {
				between = append(between, tk)
			}
			continue
		case len(cells) == 0 && isNote(tk):
			// a note under the header (注：行政复议、行政诉讼数量含上年度结转
			// 数量。) holds no cell: its line is passed over
			for s.has(i+1) && toks[i+1].line == tk.line {
				i++
			}
			continue
		case isShortCompact(tk.c) && (tk.pipe() || len(cells) > 0):
		default:
			break cells // prose or a heading: the cells ended
		}
		if len(between) > 0 && !isBlockHeader(between, len(cells)) {
			// header words among the cells: the copy (PDF text in reading
			// order) mixed the header into the data, so the order of the
			// numbers is not the order of the columns
			interleaved = true
		}
		between = between[:0]
		cells = append(cells, cellOf(tk))
		last = tk
	}
	if len(between) > 0 {
		interleaved = true
	}
	glued := solveGluedReview(cells)
	if glued != nil && glued.cells != nil {
		cells = glued.cells
	}
	t.Span = Span{toks[h].span().Start, toks[h].span().End}
	if len(cells) > 0 {
		t.Span.End = last.span().End
	}
	for b, def := range reviewRows {
		row := &Row{Key: def.key, Label: def.short, Short: def.short, En: def.en, Span: toks[h].span(), Cells: make([]Cell, len(reviewColumns))}
		if len(cells) == reviewCells && !interleaved {
			copy(row.Cells, cells[b*5:b*5+5])
			row.Read = row.Cells
			row.Span = row.Cells[0].Span
		}
		t.Rows = append(t.Rows, row)
	}
	extra := s.has(i) && toks[i].kind == tokValue && toks[i].line == last.line
	switch {
	case glued != nil:
		glued.status(t)
	case interleaved:
		t.Status = TableUnchecked
		t.doubt(Doubt{Kind: DoubtInterleaved})
	case len(cells) == reviewCells && !extra:
		t.Status = TableRead
	case extra:
		t.Status = TableUnchecked
		t.doubt(Doubt{Kind: DoubtExtraCells, Want: reviewCells})
	default:
		t.Status = TableUnchecked
		t.doubt(Doubt{Kind: DoubtFewCells, Got: len(cells), Want: reviewCells})
	}
	return t
}

// findReviewHeader returns the index of the token that opens 表四's header:
// a short 行政复议 followed by more header words.
func findReviewHeader(s *tokStream, from int) int {
	toks := s.toks
	for i := from; s.has(i); i++ {
		t := toks[i]
		if t.kind != tokText || !isReviewHeaderCompact(t.c) || !strings.HasPrefix(t.c, "行政复议") {
			continue
		}
		// the header goes on with more header words (结果维持, 总计, …), in
		// this token (a flattened copy) or the next ones
		more := utf8.RuneCountInString(t.c) - len([]rune("行政复议"))
		for j := i + 1; j < i+12 && s.has(j); j++ {
			if toks[j].kind == tokText && isReviewHeaderCompact(toks[j].c) {
				more += utf8.RuneCountInString(toks[j].c)
			}
		}
		if more >= 8 {
			return i
		}
	}
	return -1
}

// isNote reports the text of a note, 注： or 注:, opening a line.
func isNote(t token) bool {
	return t.kind == tokText && int(t.col) == firstTextCol(t.src.Norm[t.line]) && (strings.HasPrefix(t.text, "注:") || strings.HasPrefix(t.text, "注："))
}

// reviewBlockColumns are the five column words of each block of 表四 run
// together, as a table split into its three blocks repeats them over each
// (a converted copy: 行政复议 / 结果维持 | 结果纠正 | … | 总计 / 27 | 10 | …).
const reviewBlockColumns = "结果维持结果纠正其他结果尚未审结总计"

// isBlockHeader reports header words that stand between the cells of 表四
// where a block ends (after n cells) and that open the next block: its
// name and the five column words in template order. The numbers then keep
// the template's order, and the words are no sign of a mixed-up copy.
func isBlockHeader(words []token, n int) bool {
	var b strings.Builder
	for _, w := range words {
		b.WriteString(w.c)
	}
	c, ok := strings.CutSuffix(b.String(), reviewBlockColumns)
	if !ok {
		return false
	}
	c = strings.TrimPrefix(c, "行政诉讼")
	switch n {
	case 5:
		return c == "未经复议直接起诉"
	case 10:
		return c == "复议后起诉"
	}
	return false
}

func isShortText(s string) bool { return isShortCompact(compact(s)) }

func isShortCompact(c string) bool { return utf8.RuneCountInString(c) <= 6 }

// gluedReview is what the solver made of 表四's cells when digits ran
// together: the one split under which every block's 总计 adds up, or how
// many there are.
type gluedReview struct {
	cells    []Cell // the one reading, nil when there is not one
	readings int
	tooMany  bool
	example  string
	unbal    *Unbalanced
}

// solveGluedReview splits 表四's glued cells into its fifteen cells, keeping
// the splits under which each block's 总计 is the sum of its four results.
// It returns nil when no cell is glued.
func solveGluedReview(cells []Cell) *gluedReview {
	if !anyGlued(cells) {
		return nil
	}
	g := &gluedReview{example: gluedDigits(cells)}
	steps := 0
	cands, over := splitRow(cells, reviewCells, sumAt(5), readingLimit+1, &steps)
	switch {
	case over || len(cands) > readingLimit:
		g.tooMany = true
	case len(cands) == 1:
		g.cells = cands[0]
	case len(cands) == 0 && canSplit(cells, reviewCells):
		g.unbal = &Unbalanced{Digits: []string{g.example}, Examples: exampleSplits(cells, reviewCells, 5, 2),
			Span: Span{cells[0].Span.Start, cells[len(cells)-1].Span.End}}
	default:
		g.readings = len(cands)
	}
	return g
}

// status says what was read of a glued 表四.
func (g *gluedReview) status(t *Table) {
	switch {
	case g.cells != nil:
		t.Status = TableRead
		t.Inference = InferGluedBlocks
		return
	case g.unbal != nil:
		g.unbal.Rows = t.Rows
		t.Unbalanced = append(t.Unbalanced, *g.unbal)
		t.doubt(Doubt{Kind: DoubtReviewUnbalanced, Example: g.example})
	case g.tooMany:
		t.doubt(Doubt{Kind: DoubtReviewTooMany, Example: g.example})
	case g.readings > 1:
		t.doubt(Doubt{Kind: DoubtReviewReadings, Example: g.example, Got: g.readings})
	default:
		t.doubt(Doubt{Kind: DoubtReviewFewDigits, Example: g.example})
	}
	t.Status = TableUnchecked
	for _, row := range t.Rows {
		row.Cells = make([]Cell, len(reviewColumns))
		row.Read = nil
	}
}
