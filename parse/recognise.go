package parse

import "strings"

// A text is recognised as an annual report by its body, not by a title
// string: a crawl often keeps a report's body without its title, and a
// README, a list of reports' titles or a blank template names the report
// without being one. Several independent signals are weighed; none is
// worth enough alone, so that one stray phrase neither makes nor unmakes a
// report.

// Evidence is what the parser saw that a text is an annual report, as the
// points each signal earned and their sum.
type Evidence struct {
	// Title: a title naming a disclosure annual report and its year: the
	// first line of the text (3), a line of its own further down or the
	// report announcing itself (现将…报告如下) (2), a phrase within another
	// line, such as a path or a row of a list (1); nothing when it is only
	// mentioned (in quotes or brackets, in Latin prose).
	Title int
	// Period: the statistical period stated with dates (2), not in quotes
	// or brackets or Latin prose.
	Period int
	// Sections: the template's section headings, in order, as headings
	// (on a line of their own, or in crawler text that runs a report into
	// one line): four kinds or more, two of them with prose under them
	// (2), else one at least (1).
	Sections int
	// Tables: a template table with figures filled in: 表三 or a
	// statistics table with three rows of figures or more (3), another
	// (2), one more for each other table with figures, 3 at most.
	Tables int
	// SelfReference: the report describes itself (本报告由…组成, 本报告
	// 电子版, 如对本报告有任何疑问) (1).
	SelfReference int
	// Vocabulary: the words of 政府信息公开 work, four kinds or more (1).
	Vocabulary int
}

// Score is the sum of the points.
func (e Evidence) Score() int {
	return e.Title + e.Period + e.Sections + e.Tables + e.SelfReference + e.Vocabulary
}

// ReportScore is the score from which a text is an annual report. A title
// and the period sentence reach it, or a title and a filled table, or a
// text's opening title and one of the template's headings; a report
// without its title reaches it by its period, headings and tables. A
// title-like phrase with the words of the trade (a list of reports, a
// README) does not, nor do the template's headings and blank tables.
const ReportScore = 4

// IsReport reports whether the evidence makes the text an annual report.
func (e Evidence) IsReport() bool { return e.Score() >= ReportScore }

// weigh gathers the evidence from a parsed report, the cheap signals
// first; it stops once the score is reached, so that a report pays for
// no more than it needs (a report's Evidence may lack the signals it did
// not need; a text refused has them all weighed).
func weigh(r *Report) Evidence {
	var e Evidence
	if r.Title != "" {
		e.Title = titlePoints(r)
	}
	if r.Period != nil && r.Period.Start.Sure() && r.Period.End.Sure() && !mentionAt(r, r.Period.Span.Start) {
		e.Period = 2
	}
	e.Tables = tablePoints(r)
	if e.IsReport() {
		return e
	}
	switch n, prose := headingKinds(r); {
	case n >= 4 && prose >= 2:
		e.Sections = 2
	case n >= 1:
		e.Sections = 1
	}
	if e.IsReport() {
		return e
	}
	words := bodyWords(r)
	if words&selfReference != 0 {
		e.SelfReference = 1
	}
	if countBits(words&^selfReference) >= 4 {
		e.Vocabulary = 1
	}
	return e
}

// titlePoints weighs the title: (nearly) the whole of its line, and the
// first line of the text that holds anything (3) or a later one (2); the
// report announcing itself in its opening sentence (现将…2021年政府信息
// 公开工作报告如下) (2); else a phrase in a longer line: a path, a row of a
// list, a sentence about the report (1).
func titlePoints(r *Report) int {
	s := r.TitleSpan
	if s.Start.Line < 1 || s.Start.Line > len(r.Text.Norm) {
		return 1
	}
	if mentionAt(r, s.Start) {
		return 0
	}
	i := s.Start.Line - 1
	line := r.Text.Norm[i]
	// the rest of the line: a label (标题:), the issuer's name, the
	// markdown #
	if len([]rune(compactRunes(line))) <= len([]rune(compact(r.Title)))+12 {
		for k := 0; k < i; k++ {
			if len(trimSpaceRunes(r.Text.Norm[k])) > 0 {
				return 2
			}
		}
		return 3
	}
	before := string(line[:min(len(line), max(0, s.Start.Col-1))])
	after := ""
	if s.End.Line == s.Start.Line && s.End.Col-1 <= len(line) {
		after = string(line[s.End.Col-1:])
	}
	// 现将 at most thirty characters before the title, or 如下 after it
	if k := strings.LastIndex(before, "现将"); k >= 0 && len([]rune(before[k:])) <= 30 || strings.HasPrefix(strings.TrimSpace(after), "如下") {
		return 2
	}
	return 1
}

// mentionAt reports a place where a report's phrase is mentioned, not
// stated: in a line written mostly in Latin letters (a README), or inside
// quotes, brackets or backticks that its line opens before it.
func mentionAt(r *Report, p Pos) bool {
	if p.Line < 1 || p.Line > len(r.Text.Norm) {
		return true
	}
	line := r.Text.Norm[p.Line-1]
	if mostlyLatin(line) {
		return true
	}
	before := line[:min(len(line), max(0, p.Col-1))]
	open := func(a, b rune) bool { return lastRune(before, a) > lastRune(before, b) }
	n := 0
	for _, c := range before {
		if c == '`' {
			n++
		}
	}
	return n%2 == 1 || open('(', ')') || open('「', '」') || open('“', '”')
}

func lastRune(rs []rune, c rune) int {
	for k := len(rs) - 1; k >= 0; k-- {
		if rs[k] == c {
			return k
		}
	}
	return -1
}

// mostlyLatin reports a line with more Latin letters than Chinese
// characters: prose in another language that speaks of reports. It reads
// no further than it needs to know.
func mostlyLatin(rs []rune) bool {
	latin, cjk := 0, 0
	for k, c := range rs {
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			latin++
		case c >= 0x4E00 && c <= 0x9FFF:
			cjk++
		}
		if rest := len(rs) - k - 1; cjk >= latin+rest {
			return false
		} else if latin > cjk+rest {
			return true
		}
	}
	return latin > cjk
}

// headingKind is what a section heading of the template (2019, 2021) or of
// the usual pre-2019 reports is about, told by stricter words than
// sectionKind's: a heading of another document (部门概况, 工作情况)
// must not pass for one.
func headingKind(title string) int {
	c := compact(title)
	has := func(ws ...string) bool {
		for _, w := range ws {
			if strings.Contains(c, w) {
				return true
			}
		}
		return false
	}
	switch {
	case has("复议") && has("诉讼"):
		return 1
	case has("问题") && has("改进", "措施", "整改", "打算"):
		return 2
	case has("其他需要报告"):
		return 3
	case has("主动公开"):
		return 4
	case has("依申请公开", "公开申请", "申请公开"):
		return 5
	case has("收费"):
		return 6
	case has("总体情况", "概述", "基本情况"):
		return 7
	case has("信息公开") && has("统计表"):
		return 8
	}
	return 0
}

// headingMax is how much of the text after 一、 a heading's title is read.
const headingMax = 24

// headingKinds counts the kinds of template heading the body holds in
// order, and how many of them have prose under them (a sentence of fifteen
// Chinese characters or more ending in 。 before the next numbered
// heading): a report writes under its headings, a blank template does
// not. A numbered heading (一、…) counts when its number follows the last
// one counted, which keeps the numbered rows of the tables (一、本年新收…)
// from counting again. A heading is a short line of its own, or stands in
// a run-on line of crawler text after a stop or a space; an item of a list
// of the headings (一、总体情况，二、主动公开…, as a text about reports
// names them) is none.
func headingKinds(r *Report) (kinds, withProse int) {
	var seen, prose [9]bool
	last, cur, cjk := 0, 0, 0
	for i := r.BodyStart; i < r.BodyEnd; i++ {
		rs := r.Text.Norm[i]
		runOn := len(rs) >= runOnLine
		headings := containsRune(rs, '、') && (runOn || compactAtMost(rs, 42)) && !mostlyLatin(rs)
		for k := 0; k < len(rs); k++ {
			c := rs[k]
			if headings && isChineseNumeral(c) && (runOn || onlyMarkup(rs[:k])) {
				if num, title, end, ok := headingAt(rs, k); ok {
					// a numbered line that is not the next template heading
					// (a table's row) ends the prose of the one before
					cur, cjk = 0, 0
					if kind := headingKind(title); kind != 0 && num > last {
						last, cur = num, kind
						if !seen[kind] {
							seen[kind] = true
							kinds++
						}
					}
					k = end - 1
					continue
				}
			}
			switch {
			case c >= 0x4E00 && c <= 0x9FFF:
				cjk++
			case c == '。':
				if cjk >= 15 && cur != 0 && !prose[cur] {
					prose[cur] = true
					withProse++
				}
				cjk = 0
			case c == '!' || c == '?' || c == '！' || c == '？' || c == ';' || c == '|':
				cjk = 0
			}
		}
	}
	return kinds, withProse
}

// onlyMarkup reports what may stand before a heading on its line: spaces,
// a markdown heading's #, emphasis, a table's pipe.
func onlyMarkup(rs []rune) bool {
	for _, c := range rs {
		if c != ' ' && c != '#' && c != '*' && c != '|' {
			return false
		}
	}
	return true
}

// runOnLine is the length from which a line is taken for crawler text that
// runs a report's paragraphs (and headings) together.
const runOnLine = 200

// headingAt reads a numbered heading that starts at rs[k]: one or two
// Chinese numerals at the start of a line or after a stop or a space, 、,
// and the heading's first words up to a stop. A heading that a list
// separator ends, with the next numbered item close after it, is an item
// of a list.
func headingAt(rs []rune, k int) (num int, title string, end int, ok bool) {
	if !isChineseNumeral(rs[k]) {
		return 0, "", 0, false
	}
	if k > 0 {
		switch rs[k-1] {
		case ' ', '。', ';', ':', '!', '?', '！', '？', ')', ']', '>', '|', '」', '”', '#', '*':
		default:
			return 0, "", 0, false
		}
	}
	j := k
	for j < len(rs) && j-k < 2 && isChineseNumeral(rs[j]) {
		j++
	}
	num = chineseNumber(string(rs[k:j]))
	if num == 0 || j >= len(rs) || rs[j] != '、' {
		return 0, "", 0, false
	}
	j = skipSpaces(rs, j+1)
	end = j
	for end < len(rs) && end-j < headingMax {
		if c := rs[end]; c == '。' || c == ',' || c == ';' || c == ':' || c == '|' || c == '.' || c == ' ' && end-j >= 4 {
			break
		}
		end++
	}
	if end < len(rs) && (rs[end] == ',' || rs[end] == ';' || rs[end] == '.') && listFollows(rs[end+1:]) {
		return 0, "", 0, false
	}
	return num, string(rs[j:end]), end, true
}

// listFollows reports the next item of a numbered list within a few
// characters: 二、 after 一、总体情况，.
func listFollows(rs []rune) bool {
	for k := 0; k < len(rs) && k < 4; k++ {
		if isChineseNumeral(rs[k]) {
			j := k
			for j < len(rs) && isChineseNumeral(rs[j]) {
				j++
			}
			return j < len(rs) && rs[j] == '、'
		}
	}
	return len(trimSpaceRunes(rs)) == 0 // the list goes on on the next line
}

// tablePoints weighs the template tables that hold figures.
func tablePoints(r *Report) int {
	best, others := 0, 0
	for _, t := range r.Tables {
		rows := 0
		for _, row := range t.Rows {
			if rowHasNumber(row) {
				rows++
			}
		}
		if rows == 0 {
			continue
		}
		p := 2
		if (t.Kind == TableApplications || t.Kind == TableStatistics) && rows >= 3 {
			p = 3
		}
		if p > best {
			others += best
			best = p
		} else {
			others += p
		}
	}
	if others > 0 {
		best++
	}
	return min(best, 3)
}

func rowHasNumber(row *Row) bool {
	for _, c := range row.Read {
		if c.IsNumber() {
			return true
		}
	}
	for _, c := range row.Cells {
		if c.IsNumber() {
			return true
		}
	}
	return false
}

// The words of the body, one bit each.
const (
	selfReference = 1 << iota
	wordActive
	wordRequest
	wordRegulations
	wordReview
	wordLitigation
	wordWithheld
	wordDisclosureWork
	wordOpenGovernment
)

// vocabulary are the words of 政府信息公开 work, by bit.
var vocabulary = []struct {
	bit   int
	words []string
}{
	{wordActive, []string{"主动公开"}},
	{wordRequest, []string{"依申请公开", "公开申请"}},
	{wordRegulations, []string{"政府信息公开条例"}},
	{wordReview, []string{"行政复议"}},
	{wordLitigation, []string{"行政诉讼"}},
	{wordWithheld, []string{"不予公开"}},
	{wordDisclosureWork, []string{"信息公开工作"}},
	{wordOpenGovernment, []string{"政务公开"}},
}

// selfWords name the report itself; with one of selfWhat on the line they
// describe it: its parts, its electronic copy, whom to ask about it.
var (
	selfWords = []string{"本报告", "本年度报告", "本年报", "本年度年报"}
	selfWhat  = []string{"组成", "部分", "电子版", "疑问", "编制"}
)

// bodyWords reports which words the body holds; it stops reading once
// it knows all that weigh asks of it.
func bodyWords(r *Report) int {
	words := 0
	for i := r.BodyStart; i < r.BodyEnd; i++ {
		if words&selfReference != 0 && countBits(words&^selfReference) >= 4 {
			break
		}
		rs := r.Text.Norm[i]
		if len(rs) < 4 {
			continue
		}
		s := r.Text.normLine(i)
		found := 0
		if words&selfReference == 0 && hasAny(s, selfWords...) && hasAny(s, selfWhat...) {
			found |= selfReference
		}
		for _, v := range vocabulary {
			if words&v.bit == 0 && hasAny(s, v.words...) {
				found |= v.bit
			}
		}
		if found != 0 && !mostlyLatin(rs) {
			words |= found
		}
	}
	return words
}

func countBits(x int) int {
	n := 0
	for ; x != 0; x &= x - 1 {
		n++
	}
	return n
}

// mentionsDisclosureWork: the text speaks of 信息公开 at all; a text that
// does not is refused without being read further.
func mentionsDisclosureWork(r *Report) bool {
	for i := range r.Text.Norm {
		if r.Text.has(i, disclosureKeys) {
			return true
		}
	}
	return false
}
