package parse

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The words around a count of requests: the clause before it read across
// line breaks (a PDF copy breaks its sentences at the ends of lines), and
// what the sentences before it say of whose count it is and of which year.

// wideScopeWords name another scope than the reporting body: a city's,
// district's or county's whole government, its departments or its lower
// levels (a 市政府办公厅 report's prose about 全市 requests).
var wideScopeWords = newWordList("全市", "全区", "全县", "全省", "全州", "全盟", "全旗", "全镇", "全乡", "全街", "全系统", "各区", "各县", "各市", "各镇", "各乡", "各街道", "各级", "各部门", "各单位", "市直", "区直", "县直", "所属", "下属", "汇总", "系统内")

// narrowWords name a part of the requests: one kind of applicant, one
// channel, one subject or one part of the body.
var narrowWords = newWordList("自然人", "法人", "企业", "组织", "网上", "网络", "当面", "信函", "邮寄", "传真", "邮件", "涉及", "关于", "本级", "部门", "乡镇", "街道", "分别")

// comparisonWords: a change on last year, not the year's figure.
var comparisonWords = newWordList("较", "同比", "比上年", "比去年", "增加", "减少", "增长", "下降", "上升", "回落", "去年", "前年")

// requestWords: the requests for information are spoken of.
var requestWords = newWordList("信息公开申请", "政府信息公开", "依申请")

// asideOf reads what the words around a count say against its being the
// body's own count of the report year: the clause and the words after the
// number, its sentence (back over line breaks), and the sentences back to
// where the requests are counted (受理, 收到).
func asideOf(r *Report, pos Pos, w *clauseWords, scratch []rune) (Aside, []rune) {
	var a Aside
	clause, after := w.clause, w.after
	if negatedClause(clause) {
		a |= AsideNegated
	}
	if comparisonWords.in(w.withBare) {
		a |= AsideChange
	}
	if containsAny(w.withBare, "上年", "上一年") {
		a |= AsideLastYear
	}
	// the 400 runes before the count, as runes: only the sentence and
	// the window are made strings
	var buf [8][]rune
	before := compactedRunes(piecesBefore(r, pos, 400, false, buf[:0]), scratch[:0])
	sentence := string(before[afterSentenceEnd(before):])
	if narrowWords.in(sentence) {
		a |= AsidePart
	}
	a |= yearsAside(sentence+clause+after, r.Year)
	// the window where the requests are counted: the sentence of the
	// last 受理 or 收到 before the count, on to the count
	window := sentence
	if i := lastIndexOfPair(before, '受', '理', '收', '到'); i >= 0 {
		window = string(before[afterSentenceEnd(before[:i]):])
	}
	if wideScopeWords.in(window) {
		a |= AsideOtherBody
	}
	if !requestWords.in(window + clause + after) {
		a |= AsideNotRequests
	}
	return a, before
}

// compactedRunes appends to out the pieces given nearest first, spaces
// taken out.
func compactedRunes(pieces [][]rune, out []rune) []rune {
	for i := len(pieces) - 1; i >= 0; i-- {
		for _, c := range pieces[i] {
			if !isCompactedSpace(c) {
				out = append(out, c)
			}
		}
	}
	return out
}

// afterSentenceEnd is the index after the last 。!?！？ in rs (0 when
// there is none).
func afterSentenceEnd(rs []rune) int {
	for i := len(rs) - 1; i >= 0; i-- {
		switch rs[i] {
		case '。', '!', '?', '！', '？':
			return i + 1
		}
	}
	return 0
}

// lastIndexOfPair is the index of the last of the two-rune words a1a2 and
// b1b2 in rs, or -1.
func lastIndexOfPair(rs []rune, a1, a2, b1, b2 rune) int {
	for i := len(rs) - 2; i >= 0; i-- {
		if rs[i] == a1 && rs[i+1] == a2 || rs[i] == b1 && rs[i+1] == b2 {
			return i
		}
	}
	return -1
}

// wordList finds any of its words in one pass over a string: a word can
// begin only where one of their first characters stands (a search per
// word would go over the whole text for each).
type wordList struct {
	words  []string
	firsts []rune
}

func newWordList(words ...string) wordList {
	l := wordList{words: words}
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); !slices.Contains(l.firsts, r) {
			l.firsts = append(l.firsts, r)
		}
	}
	return l
}

// in reports whether s holds one of the words.
func (l wordList) in(s string) bool {
	for i, c := range s {
		if !slices.Contains(l.firsts, c) {
			continue
		}
		for _, w := range l.words {
			if strings.HasPrefix(s[i:], w) {
				return true
			}
		}
	}
	return false
}

// negatedClause: 未, 没有, 无 deny the count, but not in the names 无法提供,
// 尚未审结, 未审结, 无正当理由.
func negatedClause(clause string) bool {
	for _, w := range []string{"无法提供", "尚未审结", "未审结", "无正当理由"} {
		clause = strings.ReplaceAll(clause, w, "")
	}
	return containsAny(clause, "未", "没有", "无")
}

// yearsAside: the words name a year other than the report's and the next
// (AsideOtherYear), or the next (AsideNextYear, the year requests are
// carried to).
func yearsAside(s string, year int) Aside {
	var a Aside
	rs := []rune(s)
	for i := 0; i+4 < len(rs); i++ {
		if rs[i+4] != '年' || (i > 0 && isDigit(rs[i-1])) {
			continue
		}
		y := 0
		ok := true
		for _, d := range rs[i : i+4] {
			if !isDigit(d) {
				ok = false
				break
			}
			y = y*10 + int(d-'0')
		}
		switch {
		case !ok || y < 1990 || y > 2100 || y == year:
		case y == year+1:
			a |= AsideNextYear
		default:
			a |= AsideOtherYear
		}
	}
	return a
}

// compactString takes the spaces out of s.
func compactString(s string) string {
	if !strings.ContainsAny(s, " \t\u3000") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isCompactedSpace(r) {
			return -1
		}
		return r
	}, s)
}

// isCompactedSpace: the spaces compactString takes out.
func isCompactedSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\u3000' }

// piecesBefore returns the text before pos, up to n runes other than
// spaces, going back over line breaks (a PDF copy breaks its sentences at
// the ends of lines) to a blank line, a heading, a table or the body's
// start. The lines' pieces are returned nearest first, as they are, so
// that a string is built once, of what is wanted (the text is read for
// every count of requests). With toDelim it stops after the last clause
// delimiter: the pieces hold only the clause that ends at pos.
func piecesBefore(r *Report, pos Pos, n int, toDelim bool, pieces [][]rune) [][]rune {
	total := 0
	line := pos.Line - 1
	col := pos.Col - 1
	for line >= r.BodyStart && line < len(r.Text.Norm) && total < n {
		rs := r.Text.Norm[line]
		col = min(col, len(rs))
		// spaces are taken out: read some more
		piece, kept, delim := lastKept(rs[max(0, col-2*(n-total)):col], n-total, toDelim)
		pieces = append(pieces, piece)
		total += kept
		line--
		if delim || line < r.BodyStart || line < 0 || line+1 == r.TitleSpan.Start.Line || allSpace(r.Text.Norm[line]) ||
			opensWithHeadingNumber(r.Text.Norm[line]) || lineTouchesTable(r, line+1) {
			break
		}
		col = len(r.Text.Norm[line])
	}
	return pieces
}

// joinCompacted joins pieces given nearest first, spaces taken out.
func joinCompacted(pieces [][]rune) string {
	size := 0
	for _, p := range pieces {
		size += len(p)
	}
	var b strings.Builder
	b.Grow(3 * size)
	for i := len(pieces) - 1; i >= 0; i-- {
		for _, c := range pieces[i] {
			if !isCompactedSpace(c) {
				b.WriteRune(c)
			}
		}
	}
	return b.String()
}

// lastKept returns the end of rs that holds its last m runes other than
// spaces, and how many it holds; with toDelim, only those after the last
// clause delimiter, and whether there was one.
func lastKept(rs []rune, m int, toDelim bool) ([]rune, int, bool) {
	kept, from := 0, len(rs)
	for from > 0 && kept < m {
		c := rs[from-1]
		if toDelim && isClauseAcrossDelim(c) {
			return rs[from:], kept, true
		}
		from--
		if !isCompactedSpace(c) {
			kept++
		}
	}
	return rs[from:], kept, false
}

// isClauseAcrossDelim: the punctuation that ends the clause clauseAcross
// reads.
func isClauseAcrossDelim(c rune) bool {
	switch c {
	case ',', ';', ':', '、', '。', '!', '?', '，', '；', '：', '！', '？':
		return true
	}
	return false
}

// allSpace: a line of white space only (or none).
func allSpace(rs []rune) bool {
	for _, c := range rs {
		if !unicode.IsSpace(c) {
			return false
		}
	}
	return true
}

// opensWithHeadingNumber: a line that opens with a heading's number (三、,
// （二）): the sentence before it is not the one after.
func opensWithHeadingNumber(rs []rune) bool {
	i := 0
	for i < len(rs) && (rs[i] == ' ' || rs[i] == '\u3000') {
		i++
	}
	open := i < len(rs) && (rs[i] == '(' || rs[i] == '（')
	if open {
		i++
	}
	j := i
	for j < len(rs) && strings.ContainsRune("一二三四五六七八九十", rs[j]) {
		j++
	}
	if j == i || j >= len(rs) {
		return false
	}
	if open {
		return rs[j] == ')' || rs[j] == '）'
	}
	return rs[j] == '、'
}

// lineTouchesTable reports a line (1-based) that a table's span touches.
func lineTouchesTable(r *Report, line int) bool {
	for _, t := range r.Tables {
		if line >= t.Span.Start.Line && line <= t.Span.End.Line {
			return true
		}
	}
	return false
}

// clauseAcross is the clause before a number, read across line breaks,
// without subjectOf's fillers.
func clauseAcross(r *Report, pos Pos) string {
	var buf [4][]rune
	s := joinCompacted(piecesBefore(r, pos, 80, true, buf[:0]))
	if strings.IndexFunc(s, isFillerStart) < 0 { // most clauses: no filler
		return strings.TrimLeft(s, "(（")
	}
	for _, w := range []string{"其中", "分别为", "分别是", "约", "共计", "总计", "合计", "共", "达"} {
		s = strings.ReplaceAll(s, w, "")
	}
	return strings.TrimLeft(s, "(（")
}
