package rules

import (
	"fmt"
	"strings"

	"github.com/reportlint/reportlint/parse"
)

// The 2019 and 2021 templates (国办公开办函〔2019〕60号, 〔2021〕30号) set
// the report's six sections and their order; reports drop a heading, swap
// two sections or number two alike, and their prose enumerations
// (一是…二是…) skip or repeat a marker.

var sectionOrderRule = &Rule{
	ID: "section-order", Name: "模板章节缺失或次序不符", NameEn: "Template section missing or out of order", Severity: Warning,
	Doc: Text{
		Zh: "按国办公开办函〔2019〕60号、〔2021〕30号的年度报告格式，报告依次分为六部分：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。reportlint 按关键词认标题（措辞不同不算缺失，如「主动公开情况」「因政府信息公开工作被申请行政复议、提起行政诉讼情况」「存在的主要问题及整改措施」），表三的编号行（一、本年新收…、三、本年度办理结果）和（一）（二）等小标题不算章节标题。某部分的标题找不到、排在后一部分之后、或两个标题编号相同时提示，并说明模板的要求和应在的位置。认出的模板标题不足三个（文本不按标题分段）、同一部分的标题出现两次（另有一套编号或目录）、或标题编号重新从「一」开始或倒退两个以上（小节也用「一、」编号）时不作判断；该部分应在的位置有一个认不出的标题（可能是换了说法的该部分）、或其标题连在正文或表格行中时，不说它缺失；文本可能不全时不说开头或末尾的部分缺失：开头只在找到的第一个标题编号为「一」、其前有正文时才说，末尾只在最后一个标题之后有落款日期、且页面不是报告的一页（无「下一页」）时才说；缺失的标题紧接在表格之后、而其内容的小标题在时，标题可能是复制时随表格丢失的，只作提示。2019年度报告（格式试行第一年，可参照执行）只作提示。2019年以前的报告不适用。",
		En: "The report format of 国办公开办函〔2019〕60号 and 〔2021〕30号 sets six sections, in order: 一、总体情况 (overview); 二、主动公开政府信息情况 (proactive disclosure); 三、收到和处理政府信息公开申请情况 (requests); 四、政府信息公开行政复议、行政诉讼情况 (review and litigation); 五、存在的主要问题及改进情况 (problems and improvements); 六、其他需要报告的事项 (other matters). reportlint knows a heading by its keywords (other wordings are not missing sections), and neither Table 3's numbered rows (一、本年新收…, 三、本年度办理结果) nor sub-headings such as （一） are section headings. It reports a section whose heading is not found, a section placed after the one that should follow it, and two headings with the same number, saying what the template expects and where. It says nothing when fewer than three template headings are found (the text is not laid out by headings) one section's heading occurs twice (another numbering, or a table of contents), or the headings' numbers start again at 一 or fall back by two or more (parts of a section numbered like sections); a section is not said to be missing where a heading of unknown words stands in its place (it may be that section, worded otherwise) or where its heading is run into a line of text or a table row; where the text may not be whole, sections are not said to be missing at its edges: at the start only when the first heading found is numbered 一 with prose before it, at the end only when the signed date (落款) follows the last heading and the page is not one page of a longer report (下一页); a missing heading right after a table, with the section's own sub-headings present, may have been lost with the table in a copy, and is only a note. For 2019 reports (the format's first, trial year) findings are notes. Reports before 2019 are not checked.",
	},
	Run: checkSectionOrder,
}

var enumerationRule = &Rule{
	ID: "enumeration-sequence", Name: "「一是、二是」序号跳号或重复", NameEn: "Enumeration (一是, 二是) skips or repeats", Severity: Info,
	Doc: Text{
		Zh: "报告正文常用「一是…二是…三是…」列举。同一组列举内，序号应逐一递增：跳过一个（一是…三是）或重复一个（三是…三是）多半是漏写或笔误；跳号后紧接重复（一是…三是…三是）算一处笔误，指出应改为「二是」的那一个。reportlint 以「一是」开始一组新的列举（不论其前是什么，「统一是」「之一是」等词除外），其后的序号只认句首（行首或标点之后）的「X是」；遇到章节标题或（一）、（1）、1. 等小标题重新计数；序号倒退、或一组列举不从「一是」开始时不作判断。只检查按国办公开办函〔2019〕60号、〔2021〕30号格式编写的报告。",
		En: "Reports often list points as 一是…二是…三是… (first, second, third). Within one list the markers should count up one by one: a skipped one (一是…三是) or a repeated one (三是…三是) is most likely an omission or a slip; a skip followed by a repeat (一是…三是…三是) counts as one slip, and the marker that should read 二是 is named. reportlint starts a new list at any 一是 (whatever stands before it, except in words such as 统一是, 之一是) and takes the later markers only where they open a clause (at the start of a line or after punctuation); it starts counting again at a section heading or a sub-heading such as （一）, （1） or 1.; a marker that goes back, or a list that does not start at 一是, is not judged. Only reports in the format of 国办公开办函〔2019〕60号 and 〔2021〕30号 are checked.",
	},
	Run: checkEnumerations,
}

// templateSections are the template's six headings, by SectionKind.
var templateSections = [...]struct{ zh, en string }{
	parse.SectionOverview:   {"一、总体情况", "1. overview"},
	parse.SectionActive:     {"二、主动公开政府信息情况", "2. proactive disclosure"},
	parse.SectionRequests:   {"三、收到和处理政府信息公开申请情况", "3. requests received and handled"},
	parse.SectionReview:     {"四、政府信息公开行政复议、行政诉讼情况", "4. administrative review and litigation"},
	parse.SectionProblems:   {"五、存在的主要问题及改进情况", "5. main problems and improvements"},
	parse.SectionOtherItems: {"六、其他需要报告的事项", "6. other matters to report"},
}

const numerals = "一二三四五六七八九十"

func numeral(n int) string {
	rs := []rune(numerals)
	switch {
	case n >= 1 && n <= 10:
		return string(rs[n-1])
	case n > 10 && n < 20:
		return "十" + string(rs[n-11])
	}
	return fmt.Sprint(n)
}

// printed is a heading as the report prints it, for messages.
func printed(h parse.Section) string {
	return numeral(h.Number) + "、" + h.Title
}

// templateName names the template a report follows, for messages.
func templateName(e parse.Era) Text {
	if e == parse.Era2019 {
		return Text{"年报格式（国办公开办函〔2019〕60号）", "the report format of 国办公开办函〔2019〕60号"}
	}
	return Text{"年报格式（国办公开办函〔2021〕30号）", "the report format of 国办公开办函〔2021〕30号"}
}

func templateEra(r *parse.Report) bool {
	return r.Era == parse.Era2019 || r.Era == parse.Era2021
}

func checkSectionOrder(p *Pass) {
	r := p.Report
	if !templateEra(r) {
		return
	}
	var hs []parse.Section
	var byKind [parse.SectionOtherItems + 1]*parse.Section
	for _, h := range r.Headings {
		if h.Kind == parse.SectionOther {
			continue
		}
		if byKind[h.Kind] != nil {
			// one section's heading twice: a second numbering (parts of
			// 一 numbered 一 to 六) or a table of contents; unsure
			return
		}
		hs = append(hs, h)
		byKind[h.Kind] = &hs[len(hs)-1]
	}
	if len(hs) < 3 || renumbered(r.Headings) {
		return
	}
	for i := range hs {
		byKind[hs[i].Kind] = &hs[i]
	}
	tmpl := templateName(r.Era)
	add := func(f Finding) {
		if r.Year == 2019 {
			f = f.At(Info)
		}
		p.Add(f)
	}
	// two headings with the same number
	for j := 1; j < len(hs); j++ {
		for i := 0; i < j; i++ {
			if hs[i].Number != hs[j].Number {
				continue
			}
			a, b := hs[i], hs[j]
			if a.Number != int(a.Kind) && b.Number == int(b.Kind) {
				// the first one is misnumbered: point at it
				a, b = b, a
			}
			add(Finding{Span: b.Span, Key: "number/" + printed(b), Message: Text{
				Zh: fmt.Sprintf("标题「%s」与第 %d 行的「%s」编号相同；%s中「%s」是第%s部分「%s」", printed(b), a.Span.Start.Line, printed(a), tmpl.Zh, b.Title, numeral(int(b.Kind)), templateSections[b.Kind].zh),
				En: fmt.Sprintf("heading %q has the same number as %q on line %d; in %s %q is section %s", printed(b), printed(a), a.Span.Start.Line, tmpl.En, b.Title, templateSections[b.Kind].en),
			}})
			break
		}
	}
	// out of order: a section after one the template puts after it
	for j := 1; j < len(hs); j++ {
		latest := 0
		for i := 1; i < j; i++ {
			if hs[i].Kind > hs[latest].Kind {
				latest = i
			}
		}
		if hs[0].Kind > hs[latest].Kind {
			latest = 0
		}
		if a, b := hs[latest], hs[j]; a.Kind > b.Kind {
			add(Finding{Span: b.Span, Key: "order/" + printed(b), Message: Text{
				Zh: fmt.Sprintf("「%s」排在第 %d 行的「%s」之后；%s中第%s部分「%s」应在第%s部分「%s」之前", printed(b), a.Span.Start.Line, printed(a), tmpl.Zh, numeral(int(b.Kind)), templateSections[b.Kind].zh, numeral(int(a.Kind)), templateSections[a.Kind].zh),
				En: fmt.Sprintf("%q comes after %q on line %d; %s puts section %s before section %s", printed(b), printed(a), a.Span.Start.Line, tmpl.En, templateSections[b.Kind].en, templateSections[a.Kind].en),
			}})
		}
	}
	// missing sections
	for k := parse.SectionOverview; k <= parse.SectionOtherItems; k++ {
		if byKind[k] != nil {
			continue
		}
		var prev, next *parse.Section
		for q := k - 1; q >= parse.SectionOverview && prev == nil; q-- {
			prev = byKind[q]
		}
		for q := k + 1; q <= parse.SectionOtherItems && next == nil; q++ {
			next = byKind[q]
		}
		if unknownBetween(r, prev, next) {
			// a heading the keywords do not know stands where the
			// section belongs: it may be the section in other words
			continue
		}
		if runInHeading(r, k, prev, next) {
			// the heading is there, run into a line of text or a table
			continue
		}
		if next == nil && !endsInText(r, prev) {
			// the text may stop before the report does (one page of it,
			// a copy cut short): its last sections are not blamed
			continue
		}
		if prev == nil && (next.Number != 1 || !proseBefore(r, next)) {
			// the first heading found is not numbered 一 (the report's
			// own 一 is outside the text, or not known by its words), or
			// the text starts at it: an excerpt, or a copy whose opening
			// was lost
			continue
		}
		f := Finding{Key: "missing/" + templateSections[k].zh}
		where, whereEn := "", ""
		switch {
		case prev != nil && next != nil:
			f.Span = next.Span
			where = fmt.Sprintf("应在第 %d 行「%s」与第 %d 行「%s」之间", prev.Span.Start.Line, printed(*prev), next.Span.Start.Line, printed(*next))
			whereEn = fmt.Sprintf("it belongs between %q on line %d and %q on line %d", printed(*prev), prev.Span.Start.Line, printed(*next), next.Span.Start.Line)
		case next != nil:
			f.Span = next.Span
			where = fmt.Sprintf("应在第 %d 行「%s」之前", next.Span.Start.Line, printed(*next))
			whereEn = fmt.Sprintf("it belongs before %q on line %d", printed(*next), next.Span.Start.Line)
		default:
			f.Span = prev.Span
			where = fmt.Sprintf("应在第 %d 行「%s」之后", prev.Span.Start.Line, printed(*prev))
			whereEn = fmt.Sprintf("it belongs after %q on line %d", printed(*prev), prev.Span.Start.Line)
		}
		f.Message = Text{
			Zh: fmt.Sprintf("未找到%s第%s部分「%s」的标题，%s", tmpl.Zh, numeral(int(k)), templateSections[k].zh, where),
			En: fmt.Sprintf("no heading found for section %s (%s) of %s; %s", templateSections[k].en, templateSections[k].zh, tmpl.En, whereEn),
		}
		if sub, line := lostAfterTable(r, k, prev, next); sub != "" {
			f.Message.Zh += fmt.Sprintf("；其内容似乎就在第 %d 行「%s」起，标题可能在复制时随其前的表格丢失", line, sub)
			f.Message.En += fmt.Sprintf("; its content seems to be there (line %d, %q): the heading may have been lost with the table before it in a copy", line, sub)
			f = f.At(Info)
		}
		add(f)
	}
}

// renumbered reports headings whose numbers start again (一 after a
// later number) or fall back by two or more: top-level numerals used for the parts
// of a section as well, or a second numbering; which heading is a section
// is then unsure. A number repeated, or one back (two sections swapped), is
// what the rule reports.
func renumbered(hs []parse.Section) bool {
	for i := 1; i < len(hs); i++ {
		if n, prev := hs[i].Number, hs[i-1].Number; n < prev-1 || n == 1 && prev > 1 {
			return true
		}
	}
	return false
}

// runInHeading finds a section's heading where a heading is not read:
// inside a longer line or a table row (…。六、其他需要报告的事项 无。), between
// the template headings before and after it.
func runInHeading(r *parse.Report, k parse.SectionKind, prev, next *parse.Section) bool {
	from, to := r.BodyStart, r.BodyEnd
	if prev != nil {
		from = prev.Span.Start.Line // the line after prev's heading
	}
	if next != nil {
		to = next.Span.Start.Line - 1
	}
	for i := from; i < to && i < len(r.Text.Norm); i++ {
		rs := r.Text.Norm[i]
		for j := 0; j+1 < len(rs); j++ {
			if !strings.ContainsRune(numerals, rs[j]) || rs[j+1] != '、' || j > 0 && strings.ContainsRune(numerals, rs[j-1]) && rs[j-1] != '十' {
				continue
			}
			end := min(len(rs), j+2+32)
			title := string(rs[j+2 : end])
			if c := strings.IndexAny(title, "。；;|"); c >= 0 {
				title = title[:c]
			}
			if parse.KindOfHeading(title) == k {
				return true
			}
		}
	}
	return false
}

// unknownBetween reports a heading of no template kind between two
// template headings (either may be nil: the start or the end of the text).
func unknownBetween(r *parse.Report, prev, next *parse.Section) bool {
	for _, h := range r.Headings {
		if h.Kind != parse.SectionOther {
			continue
		}
		if (prev == nil || h.Span.Start.Line > prev.Span.Start.Line) && (next == nil || h.Span.Start.Line < next.Span.Start.Line) {
			return true
		}
	}
	return false
}

// endsInText reports a text that holds the report's end: its signed date
// (落款) after the last heading found, and no pager (下一页: the page is
// one page of a longer report).
func endsInText(r *parse.Report, last *parse.Section) bool {
	for i := last.Span.Start.Line - 1; i < len(r.Text.Norm); i++ {
		if strings.Contains(string(r.Text.Norm[i]), "下一页") {
			return false
		}
	}
	for _, d := range r.DatesWithRole(parse.RoleSigned) {
		if d.Span.Start.Line > last.Span.Start.Line {
			return true
		}
	}
	return false
}

// proseBefore reports text before the first heading found, other than the
// title: the report's opening is in the text.
func proseBefore(r *parse.Report, first *parse.Section) bool {
	for i := r.BodyStart; i < first.Span.Start.Line-1; i++ {
		if i+1 >= r.TitleSpan.Start.Line && i+1 <= r.TitleSpan.End.Line {
			continue
		}
		cjk := 0
		for _, c := range r.Text.Norm[i] {
			if c >= 0x4E00 && c <= 0x9FFF {
				cjk++
			}
		}
		if cjk >= 15 {
			return true
		}
	}
	return false
}

// subHeadingWords are words a missing section's sub-headings carry.
var subHeadingWords = [...][]string{
	parse.SectionOverview:   {"总体情况"},
	parse.SectionActive:     {"主动公开"},
	parse.SectionRequests:   {"申请"},
	parse.SectionReview:     {"复议", "诉讼"},
	parse.SectionProblems:   {"问题", "改进", "整改"},
	parse.SectionOtherItems: {"其他需要报告", "处理费", "收费"},
}

// lostAfterTable finds a missing section's content where a copy lost its
// heading: a table ends between the headings before and after it, and a
// sub-heading (（一）…) after the table names the section's matter.
func lostAfterTable(r *parse.Report, k parse.SectionKind, prev, next *parse.Section) (string, int) {
	if prev == nil {
		return "", 0
	}
	from, to := prev.Span.Start.Line, r.BodyEnd
	if next != nil {
		to = next.Span.Start.Line - 1
	}
	tableEnd := 0
	for _, t := range r.Tables {
		if t.Span.Start.Line > from && t.Span.End.Line <= to && t.Span.End.Line > tableEnd {
			tableEnd = t.Span.End.Line
		}
	}
	if tableEnd == 0 {
		return "", 0
	}
	for i := tableEnd; i < to && i < len(r.Text.Norm); i++ {
		s := strings.TrimSpace(string(r.Text.Norm[i]))
		if !strings.HasPrefix(s, "(") || len([]rune(s)) > 40 {
			continue
		}
		for _, w := range subHeadingWords[k] {
			if strings.Contains(s, w) {
				return s, i + 1
			}
		}
	}
	return "", 0
}

// markerAt reads an enumeration marker (一是 … 十是) at rs[k]: its number,
// and whether it opens a clause (at the start of the line, after a space
// or punctuation). A marker inside a word (统一是, 之一是) or glued to a
// heading run into the text (加强平台建设一是…) does not.
func markerAt(rs []rune, k int) (n int, opens bool) {
	if k+1 >= len(rs) || rs[k+1] != '是' {
		return 0, false
	}
	i := strings.IndexRune(numerals, rs[k])
	if i < 0 {
		return 0, false
	}
	if k > 0 && strings.ContainsRune("十第之统唯同万单专逐划合归如", rs[k-1]) {
		return 0, false // 十一是, 统一是, 之一是: a word, not a marker
	}
	return i/3 + 1, k == 0 || strings.ContainsRune(" \t。；;，,：:！!？?)）、\"」”*#", rs[k-1])
}

// subItemAt reports a sub-item number at rs[k]: (一) (1) （2）, or 1. 1、
// after punctuation or at the start of the line, which starts a new count.
func subItemAt(rs []rune, k int) bool {
	c := rs[k]
	if c == '(' {
		j := k + 1
		for j < len(rs) && j < k+3 && (rs[j] >= '0' && rs[j] <= '9' || strings.ContainsRune(numerals, rs[j])) {
			j++
		}
		return j > k+1 && j < len(rs) && rs[j] == ')'
	}
	if c < '0' || c > '9' || k > 0 && !strings.ContainsRune(" \t。；;：:！!？?", rs[k-1]) {
		return false
	}
	j := k
	for j < len(rs) && j < k+2 && rs[j] >= '0' && rs[j] <= '9' {
		j++
	}
	return j < len(rs) && (rs[j] == '.' || rs[j] == '、') && j+1 < len(rs) && !(rs[j+1] >= '0' && rs[j+1] <= '9')
}

type marker struct {
	n   int
	pos parse.Pos
}

func checkEnumerations(p *Pass) {
	r := p.Report
	if !templateEra(r) {
		return
	}
	headings := map[int]bool{}
	for _, h := range r.Headings {
		headings[h.Span.Start.Line-1] = true
	}
	var run []marker
	flush := func() {
		judgeEnumeration(p, run)
		run = run[:0]
	}
	for i := r.BodyStart; i < r.BodyEnd; i++ {
		rs := r.Text.Norm[i]
		if headings[i] {
			flush() // a heading starts a new count
		}
		for k := range rs {
			if subItemAt(rs, k) {
				flush()
				continue
			}
			n, opens := markerAt(rs, k)
			switch {
			case n == 1:
				flush() // 一是 starts a list, wherever it stands
				run = append(run, marker{1, parse.Pos{Line: i + 1, Col: k + 1}})
			case n == 0 || !opens:
			case len(run) == 0 || n < run[len(run)-1].n:
				// a list whose start is not seen, or goes back: not judged
				flush()
			default:
				run = append(run, marker{n, parse.Pos{Line: i + 1, Col: k + 1}})
			}
		}
	}
	flush()
}

// judgeEnumeration reports the markers of one list (一是 first) that skip
// or repeat. A skip followed by a repeat (一是…三是…三是) is one slip: the
// first 三是 should be 二是.
func judgeEnumeration(p *Pass, run []marker) {
	span := func(m marker) parse.Span {
		return parse.Span{Start: m.pos, End: parse.Pos{Line: m.pos.Line, Col: m.pos.Col + 2}}
	}
	for i := 1; i < len(run); i++ {
		prev, m := run[i-1], run[i]
		switch {
		case m.n == prev.n+2 && i+1 < len(run) && run[i+1].n == m.n:
			p.Add(Finding{Span: span(m), Key: fmt.Sprintf("misnumbered/%d", m.n), Message: Text{
				Zh: fmt.Sprintf("列举序号有误：「%s是」（第 %d 行第 %d 列）之后是两个「%s是」（第 %d 行第 %d 列、第 %d 行第 %d 列），缺「%s是」：此处应为「%s是」", numeral(prev.n), prev.pos.Line, prev.pos.Col, numeral(m.n), m.pos.Line, m.pos.Col, run[i+1].pos.Line, run[i+1].pos.Col, numeral(m.n-1), numeral(m.n-1)),
				En: fmt.Sprintf("enumeration misnumbered: %s是 (line %d column %d) is followed by two %s是 (line %d column %d, line %d column %d), without %s是: this one should be %s是", numeral(prev.n), prev.pos.Line, prev.pos.Col, numeral(m.n), m.pos.Line, m.pos.Col, run[i+1].pos.Line, run[i+1].pos.Col, numeral(m.n-1), numeral(m.n-1)),
			}})
			i++
		case m.n == prev.n:
			p.Add(Finding{Span: span(m), Key: fmt.Sprintf("repeat/%d", m.n), Message: Text{
				Zh: fmt.Sprintf("列举序号「%s是」重复：第 %d 行第 %d 列已有「%s是」，此处应为「%s是」", numeral(m.n), prev.pos.Line, prev.pos.Col, numeral(m.n), numeral(m.n+1)),
				En: fmt.Sprintf("enumeration marker %s是 repeats: line %d column %d already has %s是; this one should be %s是", numeral(m.n), prev.pos.Line, prev.pos.Col, numeral(m.n), numeral(m.n+1)),
			}})
		case m.n > prev.n+1:
			missing := make([]string, 0, m.n-prev.n-1)
			for k := prev.n + 1; k < m.n; k++ {
				missing = append(missing, "「"+numeral(k)+"是」")
			}
			p.Add(Finding{Span: span(m), Key: fmt.Sprintf("gap/%d", m.n), Message: Text{
				Zh: fmt.Sprintf("列举序号跳号：第 %d 行第 %d 列「%s是」之后是「%s是」，缺%s", prev.pos.Line, prev.pos.Col, numeral(prev.n), numeral(m.n), strings.Join(missing, "")),
				En: fmt.Sprintf("enumeration skips: %s是 at line %d column %d is followed by %s是, without %s", numeral(prev.n), prev.pos.Line, prev.pos.Col, numeral(m.n), strings.Join(missing, ", ")),
			}})
		}
	}
}
