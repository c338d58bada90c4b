package parse

import "testing"

// proseOf parses a one-sentence report body and returns its prose.
func proseOf(t *testing.T, body string) []Sentence {
	t.Helper()
	r, err := parseBytes("o.txt", []byte("某某区人民政府2021年政府信息公开工作年度报告\n一、总体情况\n"+body+"\n"))
	if err != nil {
		t.Fatal(err)
	}
	return r.Prose
}

// A list's part on another dimension (a topic, or several years) may
// overlap its fellows: parse marks it, and only the parts.
func TestOtherDimensionPart(t *testing.T) {
	prose := proseOf(t, "共受理申请30件，其中涉及征地的12件，网上申请20件，累计办理15件。")
	if len(prose) != 1 || len(prose[0].Lists) != 1 {
		t.Fatalf("want one sentence with one list, got %+v", prose)
	}
	want := map[float64]bool{30: false, 12: true, 20: false, 15: true}
	for _, c := range prose[0].Claims {
		if w, ok := want[c.Value]; !ok || c.OtherDimension != w {
			t.Errorf("%v (%s): OtherDimension %v, want %v", c.Value, c.Subject, c.OtherDimension, w)
		}
	}
}

// TestOutcomeOf: the clause before a number (and the words after it)
// name one quantity of 表三 or 表四, by the template's exact words, or none.
func TestOutcomeOf(t *testing.T) {
	cases := []struct {
		clause, after string
		want          Outcome
	}{
		{"予以公开及部分公开", "", OutcomeGrantedAndPartial},
		{"予以公开和部分公开的", "", OutcomeGrantedAndPartial},
		{"予以公开", "", OutcomeGranted},
		{"依法予以公开的", "", OutcomeGranted},
		{"", "予以公开", OutcomeGranted},
		{"部分公开", "", OutcomePartial},
		{"不予公开", "", OutcomeDenied},
		{"因本机关不掌握等原因无法提供", "", OutcomeUnable},
		{"无法提供的", "", OutcomeUnable},
		{"重复申请等不予处理", "", OutcomeRejected},
		{"其他处理", "", OutcomeOtherHandling},
		{"办结", "", OutcomeConcluded},
		{"答复政府信息公开申请", "含上年度结转申请18件", OutcomeConcluded},
		{"上年结转政府信息公开申请", "", OutcomeCarried},
		{"另有", "申请按照条例顺延到下年度答复", OutcomeForward},
		{"", "结转下年度继续办理", OutcomeForward},
		{"诉讼", "", OutcomeLitigation},
		{"行政诉讼案件", "", OutcomeLitigation},

		// not the template's outcomes, or not one of them
		{"不予以公开", "", OutcomeNone},
		{"不予公开答复", "", OutcomeNone},    // the old statistics tables' word
		{"同意公开答复", "", OutcomeNone},    // likewise; not a count of answers
		{"部分公开答复", "", OutcomeNone},    // likewise
		{"申请中同意公开答复", "", OutcomeNone}, // a part of the answers
		{"予以公开、部分公开", "", OutcomeNone}, // a list of names
		{"予以公开或部分公开", "", OutcomeNone}, // not the template's combination
		{"公开", "", OutcomeNone},
		{"延期答复", "", OutcomeNone},
		{"办结", "事项", OutcomeNone}, // 一件事 items, not requests
		{"按时办结", "", OutcomeNone},
		{"复议后起诉", "", OutcomeNone},
		{"行政诉讼结果维持", "", OutcomeNone},
		{"行政复议、行政诉讼各", "", OutcomeNone},
		{"上年度结转申请", "", OutcomeCarried},
		{"答复3050件(含上年度结转申请", "", OutcomeCarried},
	}
	for _, c := range cases {
		// the quick test that spares most counts the matchers must let
		// every outcome through
		if c.want != OutcomeNone && !mayNameOutcome(c.clause, c.after) {
			t.Errorf("mayNameOutcome(%q, %q) = false for %v", c.clause, c.after, c.want)
		}
		w := clauseWordsOf(c.clause, c.after)
		if got := outcomeOf(&w); got != c.want {
			t.Errorf("outcomeOf(%q, %q) = %v, want %v", c.clause, c.after, got, c.want)
		}
	}
}

func TestNegatedClause(t *testing.T) {
	for clause, want := range map[string]bool{
		"因本机关不掌握等原因无法提供": false,
		"尚未审结":   false,
		"未收到":    true,
		"没有不予公开": true,
	} {
		if got := negatedClause(clause); got != want {
			t.Errorf("negatedClause(%q) = %v, want %v", clause, got, want)
		}
	}
}

// A year other than the report's sets a count aside; the next year only
// where the rule does not expect it (结转至2020年).
func TestYearsAside(t *testing.T) {
	for s, want := range map[string]Aside{
		"2019年,市政府":     0,
		"2018年予以公开":     AsideOtherYear,
		"结转至2020年":      AsideNextYear,
		"2018年结转至2020年": AsideOtherYear | AsideNextYear,
		"受理12345件":      0,
		"12019年":        0,
	} {
		if got := yearsAside(s, 2019); got != want {
			t.Errorf("yearsAside(%q) = %b, want %b", s, got, want)
		}
	}
}

// Parse tags a count of requests with the outcome it names, read across a
// line break, and with what sets it aside from the body's own count of
// the year: the rules read these instead of words.
func TestOutcomeAndAside(t *testing.T) {
	for _, c := range []struct {
		body    string
		outcome Outcome
		review  ReviewCase
		aside   Aside
	}{
		{"本年收到政府信息公开申请10件，予以公开6件。", OutcomeGranted, ReviewNone, 0},
		{"本年收到政府信息公开申请10件，因本机关不掌握等原\n因无法提供2件。", OutcomeUnable, ReviewNone, 0},
		{"全市共收到政府信息公开申请100件，予以公开50件。", OutcomeGranted, ReviewNone, AsideOtherBody},
		{"2020年收到政府信息公开申请9件，予以公开3件。", OutcomeGranted, ReviewNone, AsideOtherYear},
		{"收到政府信息公开申请10件，结转至2022年1件。", OutcomeForward, ReviewNone, AsideNextYear},
		{"本年收到政府信息公开申请10件，较上年减少2件。", OutcomeNone, ReviewNone, 0},
		{"本年共办结政务服务事项20件。", OutcomeNone, ReviewNone, 0},
		{"本年办结20件。", OutcomeConcluded, ReviewNone, AsideNotRequests},
		{"本年发生行政复议2件。", OutcomeNone, ReviewReconsideration, AsideNotRequests},
		{"本年未发生行政诉讼0件。", OutcomeLitigation, ReviewLitigation, AsideNegated | AsideNotRequests},
	} {
		prose := proseOf(t, c.body)
		if len(prose) == 0 {
			t.Fatalf("%s: no prose", c.body)
		}
		s := prose[len(prose)-1]
		got := s.Claims[len(s.Claims)-1]
		if got.Outcome != c.outcome || got.Review != c.review || got.Aside != c.aside {
			t.Errorf("%q (clause %q): outcome %v review %v aside %b, want %v %v %b", c.body, got.Clause, got.Outcome, got.Review, got.Aside, c.outcome, c.review, c.aside)
		}
	}
}

// A word list finds what a search per word finds.
func TestWordListIn(t *testing.T) {
	for _, s := range []string{"", "全市共受理", "本机关受理", "市直各部门", "区县", "各街道办", "比上年增加", "较去年", "依申请公开", "全", "汇总全"} {
		for _, l := range []wordList{wideScopeWords, narrowWords, comparisonWords, requestWords} {
			if got, want := l.in(s), containsAny(s, l.words...); got != want {
				t.Errorf("%v.in(%q) = %v, want %v", l.words, s, got, want)
			}
		}
	}
}
