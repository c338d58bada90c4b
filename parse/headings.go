package parse

import "strings"

// findHeadings gathers every line that reads as a top-level heading (一、…
// 十、 on a short line of its own, outside the tables unless it is one of the
// template's headings), whatever its number:
// unlike Sections, which follow the numbers in sequence, Headings keep a
// number missed, repeated or out of order, for the rules on the template's
// structure. A markdown heading's # and emphasis are read through. The
// numbered rows of 表三 printed as text (一、本年新收…, 三、本年度办理结果,
// 四、结转下年度继续办理) are rows, not headings, and are left out.
func findHeadings(r *Report) {
	for i := r.BodyStart; i < r.BodyEnd; i++ {
		rs := trimMarkup(r.Text.Norm[i])
		if !looksNumberedHeading(rs) || !compactAtMost(rs, 42) || containsRune(rs, '|') {
			continue
		}
		s := string(rs)
		m := sectionHeading(s)
		if m == nil {
			continue
		}
		title := strings.TrimSpace(strings.TrimRight(m[2], "*# "))
		c := compact(title)
		n := chineseNumber(m[1])
		if n == 0 || c == "" || len([]rune(c)) > 40 || isApplicationRow(c) {
			continue
		}
		kind := sectionKind(title)
		if kind == SectionOther && inTable(r, i) {
			// a numbered line inside a table's lines is a row, unless it
			// is one of the template's headings (a table read too far)
			continue
		}
		line := r.Text.Norm[i]
		col := indexRunes(line, []rune(m[1]))
		h := Section{Number: n, Title: title, Kind: kind}
		h.Span = Span{Pos{Line: i + 1, Col: col + 1}, Pos{Line: i + 1, Col: len(line) + 1}}
		if k := len(r.Headings); k > 0 {
			r.Headings[k-1].EndLine = i
		}
		r.Headings = append(r.Headings, h)
	}
	if k := len(r.Headings); k > 0 {
		r.Headings[k-1].EndLine = r.BodyEnd
	}
}

// trimMarkup drops what may stand around a heading on its line: spaces, a
// markdown heading's #, emphasis.
func trimMarkup(rs []rune) []rune {
	i, j := 0, len(rs)
	for i < j && (rs[i] == ' ' || rs[i] == '#' || rs[i] == '*') {
		i++
	}
	for j > i && (rs[j-1] == ' ' || rs[j-1] == '*') {
		j--
	}
	return rs[i:j]
}

// isApplicationRow reports the labels of 表三's numbered rows (compact).
func isApplicationRow(c string) bool {
	for _, p := range []string{"本年新收", "上年结转", "本年度办理", "本年办理结果", "结转下年"} {
		if strings.HasPrefix(c, p) {
			return true
		}
	}
	return strings.Contains(c, "申请数量")
}

func indexRunes(s, sub []rune) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if string(s[i:i+len(sub)]) == string(sub) {
			return i
		}
	}
	return 0
}

func containsAny(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// KindOfHeading is the template section a heading's title names, matched by
// keywords; SectionOther for none, and for the labels of 表三's numbered
// rows (本年新收…, 本年度办理结果).
func KindOfHeading(title string) SectionKind {
	if isApplicationRow(compact(title)) {
		return SectionOther
	}
	return sectionKind(title)
}
