package parse

import (
	"strings"
	"unicode/utf8"
)

// tokKind is what a piece of table text is.
type tokKind int

const (
	tokText  tokKind = iota // a label or a fragment of one
	tokValue                // something that stands in a number cell: a number, -, /, 无
	tokBlank                // an empty cell between pipes
)

// token is one piece of a table as the text shows it, whatever its shape:
// one cell per line, pipe rows, space-aligned columns or space-separated
// cells all become the same stream.
type token struct {
	kind tokKind
	text string // normalised
	txt  *Text  // for raw(): the line as in the file, made into runes on demand
	line int    // 0-based
	col  int    // 0-based rune index of the first character
	end  int    // rune index just after the last character
	pipe bool   // the token is a cell of a pipe row
}

// raw is the token as the file prints it.
func (t token) raw() string {
	if t.txt == nil {
		return t.text
	}
	return string((*t.txt.origRunes(t.line))[t.col:t.end])
}

func (t token) span() Span {
	return Span{Pos{t.line + 1, t.col + 1}, Pos{t.line + 1, t.end + 1}}
}

// tokenize turns lines [from, to) into a token stream. With merge,
// neighbouring words of text on a line join into one label token ("商业 企业");
// without it, every space separates (crawler text that runs a whole table
// into one line, "主动公开信息数 条 739 4359 其中：1、网站公开 条 …").
func tokenize(txt *Text, from, to int, merge bool) []token {
	var toks []token
	for ln := from; ln < to && ln < len(txt.Norm); ln++ {
		rs := txt.Norm[ln]
		if isPageNumber(rs) {
			continue
		}
		if containsRune(rs, '|') {
			toks = append(toks, pipeTokens(txt, ln)...)
		} else {
			toks = append(toks, spaceTokens(txt, ln, merge)...)
		}
	}
	return toks
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
	if len(rs) > 16 {
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
// after a value is kept as a blank cell.
func pipeTokens(txt *Text, ln int) []token {
	rs := txt.Norm[ln]
	var toks []token
	start := 0
	for i := 0; i <= len(rs); i++ {
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
		t := token{line: ln, col: a, end: b, pipe: true, text: string(rs[a:b]), txt: txt}
		switch {
		case a == b:
			t.kind = tokBlank
		case isMarkdownRule(t.text):
			start = i + 1
			continue
		case isValueText(t.text):
			t.kind = tokValue
		default:
			t.kind = tokText
		}
		toks = append(toks, t)
		start = i + 1
	}
	return trimBlanks(toks)
}

func isMarkdownRule(s string) bool {
	return strings.Trim(s, "-: ") == "" && strings.Contains(s, "---")
}

// trimBlanks keeps a blank cell only between a value before it and a
// non-blank cell after it on the same row.
func trimBlanks(toks []token) []token {
	out := toks[:0]
	seenValue := false
	for i, t := range toks {
		if t.kind == tokBlank {
			if !seenValue || !nonBlankAfter(toks[i+1:]) {
				continue
			}
		}
		if t.kind == tokValue {
			seenValue = true
		}
		out = append(out, t)
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

// spaceTokens splits a line on white space. With merge, neighbouring words
// that are not values join into one text token, so that "商业 企业" or a
// label broken by spaces stays one label (its text keeps the spaces, which
// every comparison drops).
func spaceTokens(txt *Text, ln int, merge bool) []token {
	rs := txt.Norm[ln]
	ns := txt.NormStr[ln]
	var toks []token
	// rune and byte offsets walk together, so that a token's text is a
	// slice of the line's string, not a new one
	textFrom, textFromB := -1, 0
	flush := func(end, endB int) {
		if textFrom >= 0 {
			toks = append(toks, token{kind: tokText, line: ln, col: textFrom, end: end, text: ns[textFromB:endB], txt: txt})
			textFrom = -1
		}
	}
	lastEnd, lastEndB := 0, 0
	i, b := 0, 0
	for i < len(rs) {
		for i < len(rs) && rs[i] == ' ' {
			b += utf8.RuneLen(rs[i])
			i++
		}
		if i >= len(rs) {
			break
		}
		j, e := i, b
		for j < len(rs) && rs[j] != ' ' {
			e += utf8.RuneLen(rs[j])
			j++
		}
		w := ns[b:e]
		isValue := startsLikeValue(rs[i]) && isValueText(w)
		switch {
		case isValue:
			flush(lastEnd, lastEndB)
			toks = append(toks, token{kind: tokValue, line: ln, col: i, end: j, text: w, txt: txt})
		case !merge:
			toks = append(toks, token{kind: tokText, line: ln, col: i, end: j, text: w, txt: txt})
		case textFrom < 0:
			textFrom, textFromB = i, b
		}
		lastEnd, lastEndB = j, e
		i, b = j, e
	}
	flush(lastEnd, lastEndB)
	return toks
}

// isValueText reports text that stands where a number belongs: a number
// (with sign or unit) or a placeholder.
func isValueText(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	if !startsLikeValue(r) {
		return false
	}
	k, _ := ParseCell(s)
	switch k {
	case CellNumber, CellDash, CellSlash, CellNone:
		return true
	}
	return false
}

// startsLikeValue: most words are text; only a word that starts like a
// number or a placeholder can be a value.
func startsLikeValue(r rune) bool {
	return isDigit(normRune(r)) || strings.ContainsRune("+-—–一/／\\无增减－", r)
}

// cellOf turns a token into a cell.
func cellOf(t token) Cell {
	k, n := ParseCell(t.text)
	if t.kind == tokBlank {
		k = CellBlank
	}
	return Cell{Raw: t.raw(), Kind: k, Number: n, Span: t.span()}
}
