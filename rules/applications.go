package rules

import "github.com/reportlint/reportlint/parse"

// The identities of 表三 (DOMAIN.md §5.1). Columns are c0..c6: 自然人,
// 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计.
var (
	applyBalance = Identity{
		Rule: "apply-balance", Table: parse.TableApplications, Each: eachColumn,
		Left:  []ref{{"apply.new", -1}, {"apply.carried", -1}},
		Right: []ref{{"apply.result.total", -1}, {"apply.forward", -1}},
		Fix:   ref{"apply.result.total", -1},
	}
	applyRowTotal = Identity{
		Rule: "apply-row-total", Table: parse.TableApplications, Each: eachRow,
		Left:  []ref{{"", 6}},
		Right: []ref{{"", 0}, {"", 1}, {"", 2}, {"", 3}, {"", 4}, {"", 5}},
		Fix:   ref{"", 6},
		SumZh: "六类申请人之和", SumEn: "the six applicant columns",
	}
	applyOutcome2019 = outcomeIdentity(parse.Era2019)
	applyOutcome2021 = outcomeIdentity(parse.Era2021)
)

// outcomeIdentity builds （七）总计 = （一）+…+（六） for one variant, over the
// outcome rows the template names (parse.ApplicationOutcomeRows).
func outcomeIdentity(v parse.Era) Identity {
	id := Identity{
		Rule: "apply-outcome-total", Table: parse.TableApplications, Variant: v, Each: eachColumn,
		Left:  []ref{{"apply.result.total", -1}},
		Fix:   ref{"apply.result.total", -1},
		SumZh: "（一）至（六）各项之和", SumEn: "the sum of outcomes (1) to (6)",
	}
	for _, k := range parse.ApplicationOutcomeRows(v) {
		id.Right = append(id.Right, ref{k, -1})
	}
	return id
}

var applyBalanceRule = &Rule{
	ID: "apply-balance", Name: "表三勾稽关系", NameEn: "Table 3 balance", Severity: Error,
	Doc: Text{
		Zh: "表三每一列都须满足表内印明的勾稽关系：本年新收 + 上年结转 = 本年度办理结果（七）总计 + 结转下年度继续办理。依据：国办公开办函〔2019〕60号、〔2021〕30号表三左上角注（DOMAIN.md §5.1 第1条）。复制时丢失空白单元格、只能推断列位置时，降为警告。",
		En: "In every column of Table 3: new this year + carried over = (7) total of results + carried forward, the identity the table prints about itself (DOMAIN.md §5.1 item 1). Lowered to a warning when the column was inferred because the copy lost empty cells.",
	},
	Run: func(p *Pass) { checkIdentities(p, []Identity{applyBalance}) },
}

var applyRowTotalRule = &Rule{
	ID: "apply-row-total", Name: "表三总计列", NameEn: "Table 3 row totals", Severity: Error,
	Doc: Text{
		Zh: "表三每一行的「总计」须等于自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他六列之和。模板没有「法人或其他组织」小计列（DOMAIN.md §5.1 第2条）。",
		En: "In every row of Table 3 the total column equals the six applicant columns (natural persons, businesses, research bodies, public-interest organisations, legal service bodies, other). The template has no legal-person subtotal column (DOMAIN.md §5.1 item 2).",
	},
	Run: func(p *Pass) { checkIdentities(p, []Identity{applyRowTotal}) },
}

var applyOutcomeRule = &Rule{
	ID: "apply-outcome-total", Name: "表三办理结果总计", NameEn: "Table 3 total of outcomes", Severity: Error,
	Doc: Text{
		Zh: "表三每一列的（七）总计须等于（一）予以公开、（二）部分公开及（三）至（六）各子项之和（2019年模板（六）其他处理为一行，2021年模板为三个子项）。各结果互不重叠，（三）至（六）没有小计行（DOMAIN.md §5.1 第3条）。",
		En: "In every column of Table 3, (7) total equals (1) disclosed + (2) partly disclosed + every sub-row of (3) to (6) ((6) is one row in the 2019 template, three in 2021). Outcomes are disjoint and (3)-(6) have no subtotal rows (DOMAIN.md §5.1 item 3).",
	},
	Run: func(p *Pass) { checkIdentities(p, []Identity{applyOutcome2019, applyOutcome2021}) },
}
