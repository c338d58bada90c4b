package rules

import "github.com/reportlint/reportlint/parse"

// reviewTotal is 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结, for each of
// 表四's three blocks (DOMAIN.md §5.2 item 7). There is no identity between
// the blocks and none with 表三.
var reviewTotal = Identity{
	Rule: "review-total", Table: parse.TableReview, Each: eachRow,
	Left:  []ref{{"", 0}, {"", 1}, {"", 2}, {"", 3}},
	Right: []ref{{"", 4}},
	Fix:   ref{"", 4},
}

var reviewTotalRule = &Rule{
	ID: "review-total", Name: "表四总计", NameEn: "Table 4 totals", Severity: Error,
	Doc: Text{
		Zh: "表四行政复议、未经复议直接起诉、复议后起诉三部分，各自的「总计」须等于结果维持 + 结果纠正 + 其他结果 + 尚未审结。三部分之间、表四与表三之间没有勾稽关系。",
		En: "In each of Table 4's three blocks (reconsideration, litigation without and after reconsideration) the total equals upheld + corrected + other result + pending. There is no identity between the blocks or with Table 3.",
	},
	Run: func(p *Pass) { checkIdentities(p, []Identity{reviewTotal}) },
}
