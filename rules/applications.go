package rules

import (
	"fmt"
	"strings"

	"github.com/reportlint/reportlint/parse"
)

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
		Zh: "表三每一列都须满足表内印明的勾稽关系：本年新收 + 上年结转 = 本年度办理结果（七）总计 + 结转下年度继续办理。依据：国办公开办函〔2019〕60号、〔2021〕30号表三左上角注。复制时丢失空白单元格、只能推断列位置时，降为警告。",
		En: "In every column of Table 3: new this year + carried over = (7) total of results + carried forward, the identity the table prints about itself. Lowered to a warning when the column was inferred because the copy lost empty cells.",
	},
	Run: func(p *Pass) { checkIdentities(p, []Identity{applyBalance}) },
}

var applyRowTotalRule = &Rule{
	ID: "apply-row-total", Name: "表三总计列", NameEn: "Table 3 row totals", Severity: Error,
	Doc: Text{
		Zh: "表三每一行的「总计」须等于自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他六列之和。模板没有「法人或其他组织」小计列。复制时丢失了空白单元格的行，各数所属的列虽不确定，所印申请人数之和仍须等于末尾的总计，不等时报警告。",
		En: "In every row of Table 3 the total column equals the six applicant columns (natural persons, businesses, research bodies, public-interest organisations, legal service bodies, other). The template has no legal-person subtotal column. In a row whose copy lost its blank cells the columns are unknown, but the applicant numbers printed must still add up to the last one, the total: a warning when they do not.",
	},
	Run: func(p *Pass) {
		checkIdentities(p, []Identity{applyRowTotal})
		checkLostBlankRows(p)
	},
}

var applyOutcomeRule = &Rule{
	ID: "apply-outcome-total", Name: "表三办理结果总计", NameEn: "Table 3 total of outcomes", Severity: Error,
	Doc: Text{
		Zh: "表三每一列的（七）总计须等于（一）予以公开、（二）部分公开及（三）至（六）各子项之和（2019年模板（六）其他处理为一行，2021年模板为三个子项）。各结果互不重叠，（三）至（六）没有小计行。",
		En: "In every column of Table 3, (7) total equals (1) disclosed + (2) partly disclosed + every sub-row of (3) to (6) ((6) is one row in the 2019 template, three in 2021). Outcomes are disjoint and (3)-(6) have no subtotal rows.",
	},
	Run: func(p *Pass) { checkIdentities(p, []Identity{applyOutcome2019, applyOutcome2021}) },
}

// checkLostBlankRows checks the rows of a 表三 whose copy lost its blank
// cells: the applicant columns of the numbers are unknown, but lost cells
// are empty, so the numbers before the last (read as 总计) are all the row's
// applicant numbers and must add up to it. A warning: the total column is
// inferred, and the total may have been the blank cell.
func checkLostBlankRows(p *Pass) {
	for _, t := range p.Report.TablesOf(parse.TableApplications) {
		last := len(t.Columns) - 1
		for _, row := range t.Rows {
			if !row.ReadSumDiffers {
				continue
			}
			total := row.Read[len(row.Read)-1]
			parts := row.Read[:len(row.Read)-1]
			var sum float64
			ops := make([]Operand, 0, len(row.Read))
			for _, c := range parts {
				sum += c.Number.Value
				ops = append(ops, Operand{Label: row.Short, LabelEn: row.En, Value: c.Number.Value, Span: c.Span})
			}
			ops = append(ops, Operand{Label: row.Short + "·总计", LabelEn: row.En + ": total", Value: total.Number.Value, Span: total.Span})
			p.Add(Finding{
				Span: total.Span, Operands: ops, Expected: sum, HasExpected: true,
				Table: t.Kind.String(), Row: row.Key, Column: t.Columns[last].Key, Soften: true,
				Message: Text{
					Zh: fmt.Sprintf("表三「%s」行：所印申请人数 %s，但末尾的「总计」为 %s；复制时丢失了空白单元格，各数所属的申请人列无法确定，若「总计」栏并非留空，应为 %s", row.Short, sumText(parts, sum), num(total.Number.Value), num(sum)),
					En: fmt.Sprintf("Table 3 row %q: the applicant numbers printed come to %s, but the last number, read as the total, is %s; the copy lost its blank cells, so their columns are unknown; unless the total cell was left blank, it should be %s", row.En, sumText(parts, sum), num(total.Number.Value), num(sum)),
				},
			})
		}
	}
}

// sumText writes numbers and their sum (3 + 4 = 7), or the one number.
func sumText(cells []parse.Cell, sum float64) string {
	parts := make([]string, len(cells))
	for i, c := range cells {
		parts[i] = num(c.Number.Value)
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return strings.Join(parts, " + ") + " = " + num(sum)
}
