package rules

import (
	"fmt"
	"math"
	"strings"

	"github.com/reportlint/reportlint/parse"
)

var claimPartsRule = &Rule{
	ID: "claim-parts-total", Name: "正文分项与总数", NameEn: "Prose parts against their total", Severity: Error,
	Doc: Text{
		Zh: "正文先说总数、再用「其中」「分别为」列出分项时（如「共主动公开政府信息3270条，其中区政府本级138条，区属部门3132条」），同一单位的分项之和大于总数的报错误；列表自称完整（「分别为」，或含「其他」兜底项）而分项之和小于总数的报警告。只有「其中」的列表可以不完整，少于总数不报。涉及、主要等另一维度的分项不计入。各分项所占百分比（可跨句）合计为100%时，这些分项即为全部，其和须等于紧挨其前所述、与各百分比相符的总数。",
		En: "When prose states a total and then its parts after 其中 or 分别为 (共主动公开政府信息3270条，其中区政府本级138条，区属部门3132条), parts in the same unit summing to more than the total are an error; a list that presents itself as complete (分别为, or a catch-all 其他 item) and sums to less is a warning. A plain 其中 list may be partial, so a smaller sum is fine. Parts on another dimension (涉及…, 主要…) are left out. Parts whose shares (over sentences too) add up to 100% are all of the whole, so they must add up to the count stated just before them that the shares fit.",
	},
	Run: checkClaimParts,
}

func checkClaimParts(p *Pass) {
	for _, s := range p.Report.Prose {
		for _, l := range s.Lists {
			total, ok := listTotal(s, l)
			if !ok || len(l.Parts) < 2 || total.Cumulative {
				continue
			}
			var parts []parse.Claim
			var sumParts float64
			for _, k := range l.Parts {
				c := s.Claims[k]
				if c.Unit != total.Unit || c.Unit == "" || c.OtherDimension || c.Value == total.Value {
					parts = nil
					break
				}
				parts = append(parts, c)
				sumParts += c.Value
			}
			if parts == nil {
				continue
			}
			parts, sumParts = withoutNested(parts)
			switch {
			case sumParts > total.Value:
				p.Add(partsFinding(total, parts, sumParts, "大于", "more than").At(Error))
			case sumParts < total.Value && l.Complete:
				p.Add(partsFinding(total, parts, sumParts, "小于", "less than").At(Warning))
			}
		}
	}
	for _, run := range shareRuns(p.Report) {
		checkRunParts(p, run)
	}
	checkCategoryTotals(p)
}

// checkCategoryTotals: a list of the categories of information published
// (主要类别有：机构职能类信息594条，…，其他应主动公开的信息946条) that ends in a
// catch-all is all of it, so it cannot add up to more than the items the
// sentences just before say were published in all. The largest such count
// is taken, so that a narrower one (区直各部门1687条) never makes an error.
func checkCategoryTotals(p *Pass) {
	prose := p.Report.Prose
	for i, s := range prose {
		parts, sum, ok := categoryList(s)
		if !ok {
			continue
		}
		var whole *parse.Claim
		for j := i - 1; j >= 0 && j >= i-categoryLookBack; j-- {
			for k, c := range prose[j].Claims {
				if c.Kind == parse.ClaimCount && c.Unit == parts[0].Unit && !c.Cumulative && !c.Negated &&
					strings.Contains(c.Subject, "主动公开") && (whole == nil || c.Value > whole.Value) {
					whole = &prose[j].Claims[k]
				}
			}
		}
		if whole != nil && sum > whole.Value {
			p.Add(partsFinding(*whole, parts, sum, "大于", "more than").At(Error))
		}
	}
}

// categoryLookBack is how many sentences before a category list its total
// is looked for: the section's opening count stands just before it.
const categoryLookBack = 4

// categoryList returns the parts of a sentence that lists categories of
// information (its words before the first count name 类别) in one unit,
// three or more, the last a catch-all 其他; ok is false otherwise, or when
// the sentence states its own total.
func categoryList(s parse.Sentence) ([]parse.Claim, float64, bool) {
	if len(s.Claims) < 3 || len(s.Lists) > 0 || s.Whole >= 0 {
		return nil, 0, false
	}
	first := s.Claims[0]
	head := []rune(s.Text)
	if off := first.Span.Start.Col - s.Span.Start.Col; off >= 0 && off <= len(head) {
		head = head[:off]
	}
	if !strings.Contains(string(head), "类别") {
		return nil, 0, false
	}
	var sum float64
	for _, c := range s.Claims {
		if c.Kind != parse.ClaimCount || c.Unit != first.Unit || c.Unit == "" || c.Total || c.Cumulative {
			return nil, 0, false
		}
		sum += c.Value
	}
	last := s.Claims[len(s.Claims)-1].Subject
	if !strings.HasPrefix(last, "其他") && !strings.HasPrefix(last, "其它") {
		return nil, 0, false
	}
	return s.Claims, sum, true
}

// checkRunParts: shares that add up to 100% present their parts as all of
// the whole stated before them, so the parts must add up to it.
func checkRunParts(p *Pass, run shareRun) {
	if run.whole == nil || !run.partition || run.sumParts == run.whole.Value {
		return
	}
	parts := make([]parse.Claim, len(run.pairs))
	for i, pair := range run.pairs {
		parts[i] = pair.part
	}
	if run.sumParts > run.whole.Value {
		p.Add(partsFinding(*run.whole, parts, run.sumParts, "大于", "more than").At(Error))
		return
	}
	p.Add(partsFinding(*run.whole, parts, run.sumParts, "小于", "less than").At(Warning))
}

// withoutNested drops the parts of a part: in 其中专项资金152条，预决算公开
// 197条（政府预决算32条、部门预决算165条），三公经费27条 the 32 and 165 break
// down the 197 and are not parts of the total.
func withoutNested(parts []parse.Claim) ([]parse.Claim, float64) {
	var out []parse.Claim
	for i := 0; i < len(parts); i++ {
		out = append(out, parts[i])
		var run float64
		for j := i + 1; j < len(parts); j++ {
			run += parts[j].Value
			if run == parts[i].Value && j > i+1 {
				i = j
				break
			}
			if run > parts[i].Value {
				break
			}
		}
	}
	var sum float64
	for _, c := range out {
		sum += c.Value
	}
	return out, sum
}

func listTotal(s parse.Sentence, l parse.ClaimList) (parse.Claim, bool) {
	if l.Total == nil {
		return parse.Claim{}, false
	}
	return *l.Total, true
}

func partsFinding(total parse.Claim, parts []parse.Claim, sumParts float64, zhCmp, enCmp string) Finding {
	var zh, en []string
	ops := []Operand{{Label: total.Subject, LabelEn: "stated total", Value: total.Value, Span: total.Span}}
	for _, c := range parts {
		zh = append(zh, fmt.Sprintf("%s %s", shortSubject(c.Subject), num(c.Value)))
		en = append(en, num(c.Value))
		ops = append(ops, Operand{Label: c.Subject, LabelEn: "part", Value: c.Value, Span: c.Span})
	}
	return Finding{
		Span:     total.Span,
		Operands: ops,
		Message: Text{
			Zh: fmt.Sprintf("正文所列分项之和 %s%s（%s）%s所述总数 %s%s", num(sumParts), total.Unit, strings.Join(zh, " + "), zhCmp, num(total.Value), total.Unit),
			En: fmt.Sprintf("the parts listed in the prose sum to %s (%s), %s the stated total %s", num(sumParts), strings.Join(en, " + "), enCmp, num(total.Value)),
		},
	}
}

func shortSubject(s string) string {
	rs := []rune(s)
	if len(rs) > 12 {
		return "…" + string(rs[len(rs)-12:])
	}
	return s
}

func hasAnyWord(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

var claimPercentRule = &Rule{
	ID: "claim-percentage", Name: "正文百分比", NameEn: "Prose percentages", Severity: Error,
	Doc: Text{
		Zh: "正文「N条，占p%」中的百分比须等于 N 除以总数，按所示位数四舍五入或截断均算对（种子报告两种都有：4/138 写作 2.89，602/1169 写作 51.5）。总数只从明确处取：句首「…的10件申请中」、「占全街主动公开信息的…」所指的唯一一个总数、或同一句各百分比合计为100%时各分项之和；取不到总数的不核对。一串百分比（可跨句）未说明总数时，取紧挨其前所述的数：各分项之和恰等于它，或除至多一个外的各百分比（至少两个）都与它相符时，以它为总数，不相符的那个即为错误；前面有不止一个数都说得通时不核对。百分号因复制丢失（「占50，」）时照常核对。",
		En: "A share stated as N items, 占p% must equal N divided by the whole, rounded or truncated to the digits shown (seed reports do both: 4/138 printed 2.89, 602/1169 printed 51.5). The whole is taken only where it is plain: an opening 在…的10件申请中, a phrase 占全街主动公开信息的… that names exactly one stated total, or the sum of the parts when the sentence's shares add up to 100%; otherwise the share is not checked. A run of shares (over sentences too) that names no whole takes the count stated just before it, when the parts add up to it exactly or every share but at most one (and at least two) fits it: the one that does not is the error; when more than one count would do, nothing is checked. A share whose % sign was lost in the copy (占50，) is checked all the same.",
	},
	Run: checkPercentages,
}

func checkPercentages(p *Pass) {
	for i, s := range p.Report.Prose {
		bySum, sumOK := wholeFromShares(s)
		for k, c := range s.Claims {
			if c.Kind != parse.ClaimPercent {
				continue
			}
			part, ok := shareOf(s, k)
			if !ok {
				continue
			}
			whole, how, howEn, ok := wholeOf(p.Report, i, s, c)
			if !ok && sumOK {
				whole, how, howEn, ok = bySum, "同句各分项之和", "the sum of the sentence's parts", true
			}
			if !ok || whole <= 0 {
				continue
			}
			exact := part.Value / whole * 100
			if shareMatches(exact, c.Value, c.Decimals) {
				continue
			}
			p.Add(shareFinding(c, part, whole, how, howEn))
		}
	}
	for _, run := range shareRuns(p.Report) {
		checkRunShares(p, run)
	}
}

// checkRunShares checks a run's shares against its whole: the count stated
// before them, or the sum of the parts when the shares add up to 100% and
// no count is stated. A run whose parts do not add up to the whole their
// shares make complete is the parts rule's (checkRunParts).
func checkRunShares(p *Pass, run shareRun) {
	var whole float64
	var how, howEn string
	switch {
	case run.whole != nil && run.partition && run.sumParts != run.whole.Value:
		return
	case run.whole != nil:
		whole = run.whole.Value
		how = fmt.Sprintf("前文所述%s %s%s", shortSubject(run.whole.Subject), num(whole), run.whole.Unit)
		howEn = fmt.Sprintf("the %s stated before", num(whole))
	case run.partition:
		whole, how, howEn = run.sumParts, "各分项之和", "the sum of the parts"
	default:
		return
	}
	for _, pair := range run.pairs {
		if !shareMatches(pair.part.Value/whole*100, pair.share.Value, pair.share.Decimals) {
			p.Add(shareFinding(pair.share, pair.part, whole, how, howEn))
		}
	}
}

// shareFinding says a share does not match its part and whole.
func shareFinding(c, part parse.Claim, whole float64, how, howEn string) Finding {
	exact := part.Value / whole * 100
	return Finding{
		Span: c.Span,
		Operands: []Operand{
			{Label: part.Subject, LabelEn: "part", Value: part.Value, Span: part.Span},
			{Label: how, LabelEn: howEn, Value: whole},
		},
		Expected: roundTo(exact, c.Decimals), HasExpected: true,
		Message: Text{
			Zh: fmt.Sprintf("百分比 %s%% 与数字不符：%s ÷ %s（%s）= %s%%，应为 %.*f%%", num(c.Value), num(part.Value), num(whole), how, trimFloat(exact, 4), c.Decimals, roundTo(exact, c.Decimals)),
			En: fmt.Sprintf("the share %s%% does not match the numbers: %s / %s (%s) = %s%%; it should be %.*f%%", num(c.Value), num(part.Value), num(whole), howEn, trimFloat(exact, 4), c.Decimals, roundTo(exact, c.Decimals)),
		},
	}
}

// shareOf is the count a percentage is a share of: the count just before
// it in the sentence.
func shareOf(s parse.Sentence, k int) (parse.Claim, bool) {
	if k == 0 || s.Claims[k-1].Kind != parse.ClaimCount {
		return parse.Claim{}, false
	}
	return s.Claims[k-1], true
}

// wholeOf finds the whole a share is of, where the prose makes it plain.
func wholeOf(r *parse.Report, si int, s parse.Sentence, c parse.Claim) (float64, string, string, bool) {
	if s.Whole >= 0 {
		w := s.Claims[s.Whole]
		return w.Value, "句首所述 " + num(w.Value) + w.Unit, "the " + num(w.Value) + " the sentence opens with", true
	}
	if c.Of == "" {
		return 0, "", "", false
	}
	var found []parse.Claim
	for _, t := range r.Prose[:si+1] {
		for _, x := range t.Claims {
			if x.Kind == parse.ClaimCount && x.Total && !x.Cumulative && namesSame(c.Of, x.Subject) && x.Span.Start.Line <= c.Span.Start.Line {
				found = append(found, x)
			}
		}
	}
	if len(found) != 1 {
		return 0, "", "", false // none, or several: ambiguous, stay quiet
	}
	w := found[0]
	return w.Value, fmt.Sprintf("正文所述%s %s%s", shortSubject(w.Subject), num(w.Value), w.Unit),
		fmt.Sprintf("the total %s stated in the prose", num(w.Value)), true
}

// namesSame: every character of the phrase a share names (全街主动公开信息)
// stands in the total's subject (全街主动公开政府信息).
func namesSame(phrase, subject string) bool {
	ph := []rune(strings.NewReplacer("的", "", "全部", "").Replace(phrase))
	if len(ph) < 4 {
		return false
	}
	for _, r := range ph {
		if !strings.ContainsRune(subject, r) {
			return false
		}
	}
	return true
}

// wholeFromShares: when a sentence's shares add up to 100% (within what
// their rounding allows), the whole is the sum of their parts.
func wholeFromShares(s parse.Sentence) (float64, bool) {
	var pct, parts, tol float64
	n := 0
	for k, c := range s.Claims {
		if c.Kind != parse.ClaimPercent {
			continue
		}
		part, ok := shareOf(s, k)
		if !ok {
			return 0, false
		}
		pct += c.Value
		parts += part.Value
		tol += math.Pow(10, -float64(c.Decimals))
		n++
	}
	if n < 2 || math.Abs(pct-100) > tol {
		return 0, false
	}
	return parts, true
}

// shareMatches: the stated share is the exact value rounded or truncated to
// the digits shown.
func shareMatches(exact, stated float64, decimals int) bool {
	const eps = 1e-9
	scale := math.Pow(10, float64(decimals))
	rounded := math.Round(exact*scale) / scale
	truncated := math.Floor(exact*scale+eps) / scale
	return math.Abs(rounded-stated) < eps || math.Abs(truncated-stated) < eps
}

func roundTo(v float64, decimals int) float64 {
	scale := math.Pow(10, float64(decimals))
	return math.Round(v*scale) / scale
}

func trimFloat(v float64, decimals int) string {
	s := fmt.Sprintf("%.*f", decimals, v)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}
