package rules

import "testing"

// TestMatchOutcome: the clause before a number (and the words after it)
// name one quantity of 表三 or 表四, by the template's exact words, or none.
func TestMatchOutcome(t *testing.T) {
	cases := []struct {
		clause, after, want string
	}{
		{"予以公开及部分公开", "", "granted+partial"},
		{"予以公开和部分公开的", "", "granted+partial"},
		{"予以公开", "", "granted"},
		{"依法予以公开的", "", "granted"},
		{"", "予以公开", "granted"},
		{"部分公开", "", "partial"},
		{"不予公开", "", "denied"},
		{"因本机关不掌握等原因无法提供", "", "unable"},
		{"无法提供的", "", "unable"},
		{"重复申请等不予处理", "", "rejected"},
		{"其他处理", "", "other"},
		{"办结", "", "concluded"},
		{"答复政府信息公开申请", "含上年度结转申请18件", "concluded"},
		{"上年结转政府信息公开申请", "", "carried"},
		{"另有", "申请按照条例顺延到下年度答复", "forward"},
		{"", "结转下年度继续办理", "forward"},
		{"诉讼", "", "litigation"},
		{"行政诉讼案件", "", "litigation"},

		// not the template's outcomes, or not one of them
		{"不予以公开", "", ""},
		{"不予公开答复", "", ""},    // the old statistics tables' word
		{"同意公开答复", "", ""},    // likewise; not a count of answers
		{"部分公开答复", "", ""},    // likewise
		{"申请中同意公开答复", "", ""}, // a part of the answers
		{"予以公开、部分公开", "", ""}, // a list of names
		{"予以公开或部分公开", "", ""}, // not the template's combination
		{"公开", "", ""},
		{"延期答复", "", ""},
		{"办结", "事项", ""}, // 一件事 items, not requests
		{"按时办结", "", ""},
		{"复议后起诉", "", ""},
		{"行政诉讼结果维持", "", ""},
		{"行政复议、行政诉讼各", "", ""},
		{"上年度结转申请", "", "carried"},
		{"答复3050件(含上年度结转申请", "", "carried"},
	}
	for _, c := range cases {
		q, ok := matchOutcome(c.clause, c.after)
		got := ""
		if ok {
			got = q.id
		}
		if got != c.want {
			t.Errorf("matchOutcome(%q, %q) = %q, want %q", c.clause, c.after, got, c.want)
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

func TestOtherYear(t *testing.T) {
	for _, c := range []struct {
		s      string
		nextOK bool
		want   bool
	}{
		{"2019年,市政府", false, false},
		{"2018年予以公开", false, true},
		{"结转至2020年", true, false},
		{"结转至2020年", false, true},
		{"受理12345件", false, false},
	} {
		if got := otherYear(c.s, 2019, c.nextOK); got != c.want {
			t.Errorf("otherYear(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}
