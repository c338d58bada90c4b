package parse

import "strings"

// Pipe rows as PDF-to-markdown converters write them: a pipe row is one
// row of the table, its leading text cells the row's label (a label the
// converter split over two cells, | （三）不 | 4.保护第三方合法权益 |, is
// one label), its other cells the row's cells. The converters break a
// table into chunks at page breaks, repeat the header row before each,
// pad rows with empty cells at the end, and write a label they could not
// fit in a cell on the lines above its row, or away from it, leaving a
// row of numbers with no label.

// isMarkdownPipe reports a token of a pipe row written in the text (a
// markdown or typed table), not one rendered from a real HTML or DOCX
// table, whose rows are whole.
func (t *token) isMarkdownPipe() bool {
	return t.pipe() && !t.src.IsTableRow(int(t.line))
}

// pipeRowEnd returns the index just after the tokens of the pipe row that
// toks[i] opens: the tokens of its line.
func pipeRowEnd(toks []token, i int) int {
	j := i + 1
	for j < len(toks) && toks[j].pipe() && toks[j].line == toks[i].line {
		j++
	}
	return j
}

// pipeLabelCells returns how many of the row's tokens, from the first,
// are its label: the text cells before its first value or empty cell.
func pipeLabelCells(row []token) int {
	k := 0
	for k < len(row) && row[k].kind == tokText {
		k++
	}
	return k
}

// joinedLabel is one text token made of a row's label cells, for a label
// the converter split over two cells.
func joinedLabel(cells []token) token {
	t := cells[0]
	var b strings.Builder
	for _, c := range cells {
		b.WriteString(c.text)
	}
	t.text, t.end = b.String(), cells[len(cells)-1].end
	t.c = compact(t.text)
	t.setLabel(compact(stripNumbering(t.text)))
	return t
}

// trailingEmptyCells returns the spans of the empty cells that end a pipe
// row after its token last (tokenize drops them as padding): | 0 |  |
// has one.
func trailingEmptyCells(last token) []Span {
	rs := last.src.Norm[last.line]
	lastEnd, lastLine := int(last.end), int(last.line)
	end := len(rs)
	for end > lastEnd && rs[end-1] == ' ' {
		end--
	}
	if end > lastEnd && rs[end-1] == '|' {
		end-- // the row's closing border
	}
	var out []Span
	start := -1
	for k := lastEnd; k < end; k++ {
		if rs[k] != '|' {
			continue
		}
		if start >= 0 {
			out = append(out, emptyCellSpan(lastLine, start))
		}
		start = k + 1
	}
	if start >= 0 && end > lastEnd && start <= end {
		out = append(out, emptyCellSpan(lastLine, start))
	}
	return out
}

// emptyCellSpan locates an empty cell at its place, just after the pipe
// that opens it, as an empty cell of a rendered row is.
func emptyCellSpan(line, col int) Span {
	p := Pos{Line: line + 1, Col: col + 1}
	return Span{Start: p, End: p}
}

// firstTextCol is the column of a line's first character that is not a
// space.
func firstTextCol(rs []rune) int {
	for k, r := range rs {
		if r != ' ' {
			return k
		}
	}
	return len(rs)
}
