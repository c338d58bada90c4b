package parse

import (
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
var wideScopeWords = []string{"全市", "全区", "全县", "全省", "全州", "全盟", "全旗", "全镇", "全乡", "全街", "全系统", "各区", "各县", "各市", "各镇", "各乡", "各街道", "各级", "各部门", "各单位", "市直", "区直", "县直", "所属", "下属", "汇总", "系统内"}

// narrowWords name a part of the requests: one kind of applicant, one
// channel, one subject or one part of the body.
var narrowWords = []string{"自然人", "法人", "企业", "组织", "网上", "网络", "当面", "信函", "邮寄", "传真", "邮件", "涉及", "关于", "本级", "部门", "乡镇", "街道", "分别"}

// comparisonWords: a change on last year, not the year's figure.
var comparisonWords = []string{"较", "同比", "比上年", "比去年", "增加", "减少", "增长", "下降", "上升", "回落", "去年", "前年"}

// requestWords: the requests for information are spoken of.
var requestWords = []string{"信息公开申请", "政府信息公开", "依申请"}

// asideOf reads what the words around a count say against its being the
// body's own count of the report year: the clause and the words after the
// number, its sentence (back over line breaks), and the sentences back to
// where the requests are counted (受理, 收到).
func asideOf(r *Report, pos Pos, clause, after string) Aside {
	var a Aside
	if negatedClause(clause) {
		a |= AsideNegated
	}
	words := clause + afterIfBare(clause, after)
	if containsAny(words, comparisonWords...) {
		a |= AsideChange
	}
	if containsAny(words, "上年", "上一年") {
		a |= AsideLastYear
	}
	before := textBefore(r, pos, 400)
	sentence := afterLastSentenceEnd(before)
	if containsAny(sentence, narrowWords...) {
		a |= AsidePart
	}
	a |= yearsAside(sentence+clause+after, r.Year)
	// the window where the requests are counted: the sentence of the
	// last 受理 or 收到 before the count, on to the count
	window := sentence
	if i := lastIndexAny(before, "受理", "收到"); i >= 0 {
		window = afterLastSentenceEnd(before[:i]) + before[i:]
	}
	if containsAny(window, wideScopeWords...) {
		a |= AsideOtherBody
	}
	if !containsAny(window+clause+after, requestWords...) {
		a |= AsideNotRequests
	}
	return a
}

// afterLastSentenceEnd is the text after the last 。!?！？ (all of it
// when there is none).
func afterLastSentenceEnd(s string) string {
	if i := strings.LastIndexAny(s, "。!?！？"); i >= 0 {
		_, size := utf8.DecodeRuneInString(s[i:])
		return s[i+size:]
	}
	return s
}

// negatedClause: 未, 没有, 无 deny the count, but not in the names 无法提供,
// 尚未审结, 未审结, 无正当理由.
func negatedClause(clause string) bool {
	for _, w := range []string{"无法提供", "尚未审结", "未审结", "无正当理由"} {
		clause = strings.ReplaceAll(clause, w, "")
	}
	return containsAny(clause, "未", "没有", "无")
}

func lastIndexAny(s string, words ...string) int {
	best := -1
	for _, w := range words {
		if i := strings.LastIndex(s, w); i > best {
			best = i
		}
	}
	return best
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

// textBefore returns up to n runes of the report's text before pos,
// spaces taken out, going back over line breaks (a PDF copy breaks its
// sentences at the ends of lines) to a blank line, a table or the body's
// start. The pieces of the lines are kept as they are and the string is
// built once: it is read for every count of requests.
func textBefore(r *Report, pos Pos, n int) string {
	var buf [4][]rune
	pieces := buf[:0] // the lines' pieces, nearest first
	total := 0
	line := pos.Line - 1
	col := pos.Col - 1
	for line >= r.BodyStart && line < len(r.Text.Norm) && total < n {
		rs := r.Text.Norm[line]
		col = min(col, len(rs))
		piece, kept := lastKept(rs[max(0, col-2*(n-total)):col], n-total) // spaces are taken out: read some more
		pieces = append(pieces, piece)
		total += kept
		line--
		if line < r.BodyStart || line < 0 || line+1 == r.TitleSpan.Start.Line || allSpace(r.Text.Norm[line]) ||
			opensWithHeadingNumber(r.Text.Norm[line]) || lineTouchesTable(r, line+1) {
			break
		}
		col = len(r.Text.Norm[line])
	}
	var b strings.Builder
	b.Grow(3 * total)
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
// spaces, and how many it holds.
func lastKept(rs []rune, m int) ([]rune, int) {
	kept, from := 0, len(rs)
	for from > 0 && kept < m {
		from--
		if !isCompactedSpace(rs[from]) {
			kept++
		}
	}
	return rs[from:], kept
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
	s := textBefore(r, pos, 80)
	if i := strings.LastIndexAny(s, ",;:、。!?，；：！？"); i >= 0 {
		_, size := utf8.DecodeRuneInString(s[i:])
		s = s[i+size:]
	}
	for _, w := range []string{"其中", "分别为", "分别是", "约", "共计", "总计", "合计", "共", "达"} {
		s = strings.ReplaceAll(s, w, "")
	}
	return strings.TrimLeft(s, "(（")
}
