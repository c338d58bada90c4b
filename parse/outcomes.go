package parse

import (
	"strings"
	"unicode/utf8"
)

// Outcome is the 表三 or 表四 quantity a count in prose names: an outcome of
// the requests (2019 and 2021 templates), the requests carried over, or the
// lawsuits. It is read from the clause before the number across line
// breaks (Claim.Clause) and the words after it, by the template's words.
type Outcome uint8

const (
	OutcomeNone              Outcome = iota
	OutcomeGrantedAndPartial         // 予以公开及部分公开: 表三（一）+（二）
	OutcomeGranted                   // 予以公开
	OutcomePartial                   // 部分公开
	OutcomeDenied                    // 不予公开
	OutcomeUnable                    // 无法提供
	OutcomeRejected                  // 不予处理
	OutcomeOtherHandling             // 其他处理
	OutcomeConcluded                 // 办结, 答复, 办理: （七）总计
	OutcomeCarried                   // 上年结转
	OutcomeForward                   // 结转下年度
	OutcomeLitigation                // 行政诉讼: 表四's two kinds of suit
)

// ReviewCase says whether a count is of 行政复议 or 行政诉讼 cases, as prose
// that says they were all upheld (均获维持) counts them. A clause naming
// both is a reconsideration (复议后起诉 is neither).
type ReviewCase uint8

const (
	ReviewNone ReviewCase = iota
	ReviewReconsideration
	ReviewLitigation
)

// Aside holds what the words around a count say against its being the
// reporting body's own count of the report year. Which of them set a count
// aside depends on what it counts (上年 is the carried-over requests' own
// word), so parse records them all and the rules decide.
type Aside uint16

const (
	// AsideNegated: 未, 没有, 无 deny the count (but not in the names
	// 无法提供, 尚未审结, 无正当理由).
	AsideNegated Aside = 1 << iota
	// AsideChange: a change on last year (较, 同比, 增加).
	AsideChange
	// AsideLastYear: the clause speaks of last year (上年, 上一年).
	AsideLastYear
	// AsidePart: its sentence names one kind of applicant, one channel,
	// one subject or one part of the body (自然人, 网上, 涉及, 本级).
	AsidePart
	// AsideOtherYear: a year other than the report's and the next.
	AsideOtherYear
	// AsideNextYear: the year after the report's (where requests are
	// carried to).
	AsideNextYear
	// AsideOtherBody: another scope than the reporting body where the
	// requests are counted: 全市, 全区, 各部门, 汇总.
	AsideOtherBody
	// AsideNotRequests: neither the sentence nor where the requests are
	// counted speaks of requests for information (政务服务's 办结).
	AsideNotRequests
)

// Has reports whether all the flags in f are set.
func (a Aside) Has(f Aside) bool { return a&f == f }

// RequestUnit: the units requests and cases are counted in.
func RequestUnit(u string) bool {
	switch u {
	case "件", "个", "例", "起", "份", "宗":
		return true
	}
	return false
}

// readOutcomes tags the counts of requests and cases with the outcome
// they name and what sets them aside. It runs once the report year is
// known, for the counts in the units requests are counted in.
func readOutcomes(r *Report) {
	var scratch []rune // asideOf's text, reused
	var w clauseWords  // one for all the counts: the matchers take it by pointer
	for si := range r.Prose {
		s := &r.Prose[si]
		for ci := range s.Claims {
			c := &s.Claims[ci]
			if c.Kind != ClaimCount || !RequestUnit(c.Unit) {
				continue
			}
			c.Clause = clauseAcross(r, c.Span.Start)
			after := compactString(c.After)
			if !mayNameOutcome(c.Clause, after) {
				continue
			}
			w = clauseWordsOf(c.Clause, after)
			c.Outcome = outcomeOf(&w)
			c.Review = reviewCaseOf(&w)
			if c.Outcome != OutcomeNone || c.Review != ReviewNone {
				c.Aside, scratch = asideOf(r, c.Span.Start, &w, scratch)
			}
		}
	}
}

// mayNameOutcome: the words hold one of the characters 公提处办答转顺诉复.
// Each matcher below needs a word holding one (公开, 提供, 处理, 办结, 答复,
// 结转, 顺延, 诉讼, 复议), so without one none matches, and most counts of
// requests are spared them.
func mayNameOutcome(clause, after string) bool {
	return hasOutcomeChar(clause) || hasOutcomeChar(after)
}

func hasOutcomeChar(s string) bool {
	for _, c := range s {
		switch c {
		case '公', '提', '处', '办', '答', '转', '顺', '诉', '复':
			return true
		}
	}
	return false
}

// clauseWords are the words an outcome is read from: the clause before
// the number and the words after it, with the forms the matchers share
// worked out once.
type clauseWords struct {
	clause, after string
	trimmed       string // the clause without its trailing fillers
	// withBare is the clause and, when the clause names nothing (另有,
	// 含, 其中), the words after the number: only then do they say what
	// is counted (另有72件申请…顺延到下年度)
	withBare string
}

func clauseWordsOf(clause, after string) clauseWords {
	w := clauseWords{clause: clause, after: after, trimmed: trimFillers(clause), withBare: clause}
	if utf8.RuneCountInString(w.trimmed) <= 2 {
		w.withBare = clause + after
	}
	return w
}

// outcomeMatchers recognise each outcome in the clause before a number
// and the words after it.
var outcomeMatchers = []struct {
	outcome Outcome
	match   func(w *clauseWords) bool
}{
	{OutcomeGrantedAndPartial, outcomeWord("予以公开及部分公开")},
	{OutcomeGranted, outcomeWord("予以公开")},
	{OutcomePartial, outcomeWord("部分公开")},
	{OutcomeDenied, outcomeWord("不予公开")},
	{OutcomeUnable, outcomeWord("无法提供")},
	{OutcomeRejected, outcomeWord("不予处理")},
	{OutcomeOtherHandling, outcomeWord("其他处理")},
	{OutcomeConcluded, concludedWords},
	{OutcomeCarried, carriedWords},
	{OutcomeForward, forwardWords},
	{OutcomeLitigation, litigationWords},
}

// outcomeOf finds the one outcome a clause names; two that match (a
// clause the matchers cannot tell apart) name none.
func outcomeOf(w *clauseWords) Outcome {
	found := OutcomeNone
	for _, m := range outcomeMatchers {
		if !m.match(w) {
			continue
		}
		if found != OutcomeNone {
			return OutcomeNone
		}
		found = m.outcome
	}
	return found
}

// reviewCaseOf: 行政复议7件, 复议案件2件, 诉讼9件.
func reviewCaseOf(w *clauseWords) ReviewCase {
	switch {
	case reconsiderationWords(w):
		return ReviewReconsideration
	case litigationWords(w):
		return ReviewLitigation
	}
	return ReviewNone
}

// connectors join two outcome names.
var connectors = []string{"及", "和", "与", "或", "、", "以及"}

// outcomeWord recognises a clause that ends with the outcome's name (after
// the fillers 的, 为, 有, 申请), or a number followed by the name alone
// (其中5件予以公开). 不予公开答复 and 同意公开 (the words of the old
// statistics tables) are not the template's outcomes.
func outcomeWord(word string) func(w *clauseWords) bool {
	combined := word == "予以公开及部分公开"
	return func(w *clauseWords) bool {
		s := w.trimmed
		if s == "" {
			return trimFillers(w.after) == word
		}
		if combined {
			for _, c := range []string{"及", "和", "与", "以及"} {
				if strings.HasSuffix(s, "予以公开"+c+"部分公开") {
					return !endsWithConnector(strings.TrimSuffix(s, "予以公开"+c+"部分公开"))
				}
			}
			return false
		}
		if !strings.HasSuffix(s, word) {
			return false
		}
		rest := strings.TrimSuffix(s, word)
		// 不予以公开 is not 予以公开; 予以公开及部分公开 is the combined
		// quantity; a name joined to another is a list of names
		return !strings.HasSuffix(rest, "不") && !endsWithConnector(rest)
	}
}

func endsWithConnector(s string) bool {
	for _, c := range connectors {
		if strings.HasSuffix(s, c) {
			return true
		}
	}
	return false
}

// trimFillers takes off the words that stand between a name and its number.
func trimFillers(s string) string {
	for {
		t := s
		for _, f := range []string{"的", "为", "有", "计", "申请", "事项", "共"} {
			t = strings.TrimSuffix(t, f)
		}
		if t == s {
			return s
		}
		s = t
	}
}

// concludedWords: 办结1191件, 答复政府信息公开申请805件, 共办理718件.
func concludedWords(w *clauseWords) bool {
	s := trimFillers(strings.TrimSuffix(w.trimmed, "政府信息公开"))
	s = strings.TrimSuffix(s, "信息公开")
	s = trimFillers(s)
	for _, name := range []string{"办结", "答复", "办理", "办理完毕", "办理完成", "完成答复", "予以答复"} {
		if strings.HasSuffix(s, name) {
			return !strings.HasSuffix(s, "公开答复") && !containsAny(w.withBare, "同意", "部分", "不予", "无法", "其他", "申请中", "按时", "延期", "逾期", "超期", "当场", "当日", "平均", "提前", "上年", "下年", "结转", "复议", "诉讼", "信访", "咨询", "留言", "来信", "事项", "审批", "率")
		}
	}
	return false
}

// carriedWords: 上年结转189件, 含上年度结转申请18件.
func carriedWords(w *clauseWords) bool {
	s := w.withBare
	return containsAny(s, "上年", "上一年") && strings.Contains(s, "结转") && !containsAny(s, "下年", "下一年", "次年")
}

// forwardWords: 结转下年度继续办理, 另有72件申请…顺延到下年度答复,
// 结转至2026年6件 (the year is checked by the rule).
func forwardWords(w *clauseWords) bool {
	s := w.withBare
	return containsAny(s, "结转", "顺延", "转入", "转至", "转到", "转下") && containsAny(s, "下年", "下一年", "次年", "明年", "年结转至", "结转至") &&
		!containsAny(s, "上年", "上一年")
}

// litigationWords: 行政诉讼9件, 诉讼案件1件; not the outcomes of suits, nor
// one kind of suit.
func litigationWords(w *clauseWords) bool {
	s := w.trimmed
	s = strings.TrimSuffix(s, "案件")
	s = trimFillers(s)
	return strings.HasSuffix(s, "诉讼") && !containsAny(w.clause+w.after, "复议", "维持", "纠正", "纠错", "败诉", "胜诉", "审结", "结案", "撤诉", "驳回", "直接", "起诉", "应诉", "各", "一审", "二审", "上诉", "再审", "出庭", "民事", "刑事")
}

// reconsiderationWords: 行政复议7件, 复议案件2件; not their outcomes.
func reconsiderationWords(w *clauseWords) bool {
	s := w.trimmed
	s = strings.TrimSuffix(s, "案件")
	s = trimFillers(s)
	return strings.HasSuffix(s, "复议") && !containsAny(w.clause+w.after, "诉讼", "维持", "纠正", "纠错", "审结", "结案", "撤回", "驳回", "终止", "各")
}
