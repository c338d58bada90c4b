package parse

import (
	"strings"
)

// Crawler copies of web pages often run a whole table into one line with
// no separator between its cells: 「本年新收政府信息公开申请数量640020470二、上年
// 结转政府信息公开申请数量0000000三、本年度办理结果（一）予以公开270020130…」. The
// labels can still be found; the cells cannot always. flatTokens cuts such
// a line into labels and runs of digits. A run of several digits may be
// several cells (640020470 is 64|0|0|2|0|4|70, or 6|4|0|0|2|0|4|7|0…): it
// is marked glued, and the table readers split it only where one split is
// certain: where the table's own identities leave one (see solve.go).

// isFlattened recognises a line holding a flattened 表三: long, and with the
// digits of the first row right after its label.
func isFlattened(s string) bool {
	i := strings.Index(s, "申请数量")
	for i >= 0 {
		rest := strings.TrimLeft(s[i+len("申请数量"):], " ")
		if rest != "" && rest[0] >= '0' && rest[0] <= '9' && strings.Contains(s[:i], "本年新收") {
			return true
		}
		j := strings.Index(s[i+1:], "申请数量")
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// flatTokens cuts a flattened line into tokens: runs of digits (values,
// glued when longer than one digit) and the text between them, which is
// cut again before each list number (一、 （二） 3.) so that every row label
// stands alone, and before the header words of 表四. The line is cut no
// further once limit tokens are cut.
func flatTokens(txt *Text, ln, limit int) []token {
	rs := txt.Norm[ln]
	toks := splitReviewHeaders(cutFlat(rs, ln, limit), rs)
	// the tokens stand in order on the line: their texts are cut from the
	// line's string, found by walking it once, rather than copied
	w := runeWalker{s: txt.normLine(ln), rs: rs}
	for i := range toks {
		t := &toks[i]
		a := w.byteAt(int(t.col))
		t.src, t.text = txt, w.s[a:w.byteAt(int(t.end))]
		if t.kind == tokValue {
			t.set(tokGlued, t.end-t.col > 1)
			t.readCell()
		}
	}
	return toks
}

// cutFlat finds the tokens' places on a flattened line; flatTokens makes
// their strings once the places are known, so that a long run of joined
// words is not copied again at every join.
func cutFlat(rs []rune, ln, limit int) []token {
	var toks []token
	add := func(kind tokKind, a, b int) {
		if a >= b {
			return
		}
		// text on either side of a space joins, as in spaceTokens, unless
		// it opens with a list number
		if n := len(toks); kind == tokText && n > 0 && toks[n-1].kind == tokText && !startsWithListNumber(rs[a:b]) {
			toks[n-1].end = int32(b)
			return
		}
		toks = append(toks, token{kind: kind, line: int32(ln), col: int32(a), end: int32(b)})
	}
	textStart := 0
	i := 0
	for i < len(rs) && len(toks) < limit {
		switch {
		case rs[i] == ' ':
			i++
		case isDigit(rs[i]):
			j := digitRunEnd(rs, i)
			next := j
			if listNumberAt(rs, j) {
				// 「…00000002.其他法律…」: the last digit numbers the next label
				j--
				next = j + 1
			}
			if j > i || j < next {
				addText(add, rs, textStart, i)
				add(tokValue, i, j)
				textStart = j
			}
			i = next
		default:
			if i > textStart && opensListNumber(rs, i) {
				addText(add, rs, textStart, i)
				textStart = i
			}
			i++
		}
	}
	addText(add, rs, textStart, min(i, len(rs))) // i is the line's end, unless the limit came first
	return toks
}

// addText adds the text between a and b, without its outer spaces.
func addText(add func(tokKind, int, int), rs []rune, a, b int) {
	for a < b && rs[a] == ' ' {
		a++
	}
	for b > a && rs[b-1] == ' ' {
		b--
	}
	add(tokText, a, b)
}

// digitRunEnd returns the end of the digits starting at i, a decimal point
// or thousands comma between digits included.
func digitRunEnd(rs []rune, i int) int {
	j := i
	for j < len(rs) {
		switch {
		case isDigit(rs[j]):
			j++
		case (rs[j] == '.' || rs[j] == ',') && j+1 < len(rs) && isDigit(rs[j+1]) && j > i:
			j++
		default:
			return j
		}
	}
	return j
}

// listNumberAt reports a list number's mark at j: the 、 or . after the
// digit before j, followed by a label (not a digit).
func listNumberAt(rs []rune, j int) bool {
	return j < len(rs) && (rs[j] == '.' || rs[j] == '、') && j+1 < len(rs) && !isDigit(rs[j+1]) && rs[j+1] != ' '
}

// opensListNumber reports a Chinese list number starting at i: 三、 or （二）.
func opensListNumber(rs []rune, i int) bool {
	switch {
	case isChineseNumeral(rs[i]):
		return i+1 < len(rs) && rs[i+1] == '、' && (i == 0 || !isChineseNumeral(rs[i-1]))
	case rs[i] == '(':
		return i+2 < len(rs) && isChineseNumeral(rs[i+1]) && rs[i+2] == ')'
	}
	return false
}

func isChineseNumeral(r rune) bool {
	switch r {
	case '一', '二', '三', '四', '五', '六', '七', '八', '九', '十':
		return true
	}
	return false
}

// splitReviewHeaders cuts 表四's header words off the text before them
// (「…行政诉讼情况行政复议行政诉讼结果维持…总计」), so that the header is a
// token of its own.
func splitReviewHeaders(toks []token, line []rune) []token {
	// where each token splits (0: it does not); most lines have no 表四
	// header, and then the tokens are returned as they are
	var cuts map[int]int
	for i := range toks {
		if k := reviewHeaderCut(&toks[i], line); k > 0 {
			if cuts == nil {
				cuts = map[int]int{}
			}
			cuts[i] = k
		}
	}
	if cuts == nil {
		return toks
	}
	out := make([]token, 0, len(toks)+len(cuts))
	for i, t := range toks {
		k, ok := cuts[i]
		if !ok {
			out = append(out, t)
			continue
		}
		head, tail := t, t
		head.end, tail.col = t.col+int32(k), t.col+int32(k)
		out = append(out, head, tail)
	}
	return out
}

// reviewHeaderCut is where in a text token 表四's header words begin, when
// they end it after some other text; 0 when they do not.
func reviewHeaderCut(t *token, line []rune) int {
	if t.kind != tokText {
		return 0
	}
	rs := line[t.col:t.end]
	k := len(rs)
	for k > 0 && (isReviewHeaderRune(rs[k-1]) || rs[k-1] == ' ') {
		k--
	}
	h := runeIndex(rs[k:], reviewWord)
	if h < 0 || len(rs)-k < 12 {
		return 0
	}
	return k + h
}

var reviewWord = []rune("行政复议")

// runeIndex returns the index of the first w in rs, or -1.
func runeIndex(rs, w []rune) int {
	for i := 0; i+len(w) <= len(rs); i++ {
		if rs[i] == w[0] && equalRunes(rs[i:i+len(w)], w) {
			return i
		}
	}
	return -1
}

// anyGlued reports cells read from a run of digits that may be several.
func anyGlued(cells []Cell) bool {
	for _, c := range cells {
		if c.glued {
			return true
		}
	}
	return false
}
