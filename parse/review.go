package parse

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

const reviewCells = 15

// readReview finds 表四 from token index from on: its header words, then its
// fifteen cells in template order (DOMAIN.md §2.4). Cells are mapped by
// count, never by the damaged header text.
func readReview(toks []token, from int) *Table {
	h := findReviewHeader(toks, from)
	if h < 0 {
		return nil
	}
	t := &Table{Kind: TableReview, Title: "政府信息公开行政复议、行政诉讼情况", Columns: reviewColumns}
	i := h
	for i < len(toks) && toks[i].kind == tokText && isReviewHeaderCompact(toks[i].c) {
		i++
	}
	var cells []Cell
	var last token
	interleaved := false
	var between []token // header words since the last cell
	for ; i < len(toks) && len(cells) < reviewCells; i++ {
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
			for i+1 < len(toks) && toks[i+1].line == tk.line {
				i++
			}
			continue
		case isShortCompact(tk.c) && (tk.pipe || len(cells) > 0):
		default:
			i = len(toks) // prose or a heading: the cells ended
			continue
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
	var glued *gluedReview
	if anyGlued(cells) {
		glued = &gluedReview{example: firstGlued(cells)}
		if split := splitGlued(cells, reviewCells); split != nil && reviewBlocksAdd(split) {
			cells, glued.recovered = split, true
		}
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
	extra := i < len(toks) && toks[i].kind == tokValue && toks[i].line == last.line
	switch {
	case glued != nil && glued.recovered:
		t.Status = TablePartial
		t.InferNote = "单元格的数字连在一起，按每格一位数拆分"
		t.InferNoteEn = "the cells' digits ran together and were split one digit a cell"
		t.Reason = "单元格的数字连在一起；数字个数与单元格数相同、各块总计相符，按每格一位数读取后核对"
		t.ReasonEn = "the cells' digits run together; there is one digit a cell and each block's total matches, so they were checked so"
	case glued != nil:
		for _, row := range t.Rows {
			row.Cells = make([]Cell, len(reviewColumns))
			row.Read = nil
		}
		t.Status = TableUnchecked
		t.Reason = fmt.Sprintf("单元格的数字连在一起（「%s」），拆分不唯一，未核对", glued.example)
		t.ReasonEn = fmt.Sprintf("the cells' digits run together (%q) and cannot be split with certainty; not checked", glued.example)
	case interleaved:
		t.Status = TableUnchecked
		t.Reason = "表头文字与数字交错（PDF 转出的文字顺序），无法确定各数所属的列"
		t.ReasonEn = "header words are mixed in among the numbers (PDF text order); columns cannot be assigned"
	case len(cells) == reviewCells && !extra:
		t.Status = TableRead
	case extra:
		t.Status = TableUnchecked
		t.Reason = fmt.Sprintf("数据行多于 %d 个单元格，无法确定各数所属的列", reviewCells)
		t.ReasonEn = fmt.Sprintf("the data row has more than %d cells; columns cannot be assigned", reviewCells)
	default:
		t.Status = TableUnchecked
		t.Reason = fmt.Sprintf("只读到 %d 个单元格（应为 %d 个），复制时可能丢失了空白单元格，无法确定各数所属的列", len(cells), reviewCells)
		t.ReasonEn = fmt.Sprintf("only %d of %d cells were read (empty cells were probably lost in the copy); columns cannot be assigned", len(cells), reviewCells)
	}
	return t
}

// findReviewHeader returns the index of the token that opens 表四's header:
// a short 行政复议 followed by more header words.
func findReviewHeader(toks []token, from int) int {
	for i := from; i < len(toks); i++ {
		t := toks[i]
		if t.kind != tokText || !isReviewHeaderCompact(t.c) || !strings.HasPrefix(t.c, "行政复议") {
			continue
		}
		// the header goes on with more header words (结果维持, 总计, …), in
		// this token (a flattened copy) or the next ones
		more := utf8.RuneCountInString(t.c) - len([]rune("行政复议"))
		for j := i + 1; j < len(toks) && j < i+12; j++ {
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
	return t.kind == tokText && t.col == firstTextCol(t.src.Norm[t.line]) && (strings.HasPrefix(t.text, "注:") || strings.HasPrefix(t.text, "注："))
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

type gluedReview struct {
	example   string
	recovered bool
}

func firstGlued(cells []Cell) string {
	for _, c := range cells {
		if c.glued {
			return c.Raw
		}
	}
	return ""
}

// reviewBlocksAdd reports that in each block of 表四 the 总计 cell is the
// sum of the four before it: the check a split of glued digits must pass
// to be taken.
func reviewBlocksAdd(cells []Cell) bool {
	for b := 0; b+5 <= len(cells); b += 5 {
		if !lastIsSum(cells[b : b+5]) {
			return false
		}
	}
	return true
}
