package rules

import (
	"fmt"

	"github.com/reportlint/reportlint/parse"
)

var itemsPublishedRule = &Rule{
	ID: "items-published-total", Name: "表二本年新公开不超过公开总数", NameEn: "Table 2: published this year within the total", Severity: Warning,
	Doc: Text{
		Zh: "2019年模板第二十条第（一）项：本年新公开数量不应大于对外公开总数量（今年公开的文件都在公开总数之内）。这是表内唯一成立的关系：2021年模板的现行有效件数是存量，2019年模板的处理决定数量也不等于上一年项目数量加减本年增减，都不核对。",
		En: "2019 template, art. 20 item (1): documents published this year should not exceed the total published (this year's are part of the total). It is the only relation that holds inside the table: the 2021 template's documents in force are a stock, and the 2019 template's decisions are not last year's items plus the change, so neither is checked.",
	},
	Run: func(p *Pass) {
		for _, t := range p.Report.TablesOf(parse.TableItems) {
			if t.Variant != parse.Era2019 || !hasColumns(t, []string{"made", "published", "public_total"}) {
				continue
			}
			for _, row := range t.Rows {
				pub, total := row.Cells[1], row.Cells[2]
				if !pub.IsNumber() || !total.IsNumber() || pub.Number.Value <= total.Number.Value {
					continue
				}
				p.Add(Finding{
					Span:  pub.Span,
					Table: t.Kind.String(), Row: row.Key, Column: "published",
					Operands: []Operand{
						{Label: "本年新公开数量", LabelEn: "published this year", Value: pub.Number.Value, Span: pub.Span},
						{Label: "对外公开总数量", LabelEn: "total published", Value: total.Number.Value, Span: total.Span},
					},
					Message: Text{
						Zh: fmt.Sprintf("表二「%s」：本年新公开数量 %s 大于对外公开总数量 %s", row.Short, num(pub.Number.Value), num(total.Number.Value)),
						En: fmt.Sprintf("Table 2 %q: published this year %s is more than the total published %s", row.En, num(pub.Number.Value), num(total.Number.Value)),
					},
				})
			}
		}
	},
}
