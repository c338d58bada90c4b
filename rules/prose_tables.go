package rules

import (
	"fmt"
	"strings"

	"github.com/reportlint/reportlint/parse"
)

var claimTableRule = &Rule{
	ID: "claim-table", Name: "正文与表格不一致", NameEn: "Prose against the tables", Severity: Warning,
	Doc: Text{
		Zh: "正文说出的本年度总数须与表格中同一数量相等：本年收到（受理）政府信息公开申请数 ↔ 表三「本年新收」总计（或2019年以前统计表「收到申请数」本年度；正文把上年结转算在内时也认）；收到行政复议数 ↔ 表四「行政复议」总计（或统计表「行政复议数量」本年度）；2019年以前正文的主动公开总数 ↔ 统计表「主动公开政府信息数」本年度。截至某日的累计数、只说某一渠道（网站、微博等）或某一部分（本级、部门）的数字不比。",
		En: "A year total stated in prose must equal the same quantity in the tables: requests received this year ↔ Table 3 'new this year' total (or the pre-2019 table's 收到申请数, this year; prose that counts the carried-over requests in is accepted too); reconsiderations received ↔ Table 4 reconsideration total (or 行政复议数量); pre-2019, items published proactively ↔ 主动公开政府信息数. Cumulative figures (截至…, 累计) and figures for one channel (website, Weibo) or one part (本级, departments) are not compared.",
	},
	Run: checkClaimsAgainstTables,
}

// tableQuantity is a quantity both the prose and a table state.
type tableQuantity struct {
	zh, en string
	// prose recognises a claim about the quantity.
	prose func(c parse.Claim) bool
	// cells returns the table values the claim may equal, with the name of
	// the first, or ok=false when the table does not give it with certainty.
	cells func(r *parse.Report) ([]float64, string, string, parse.Span, bool)
}

var tableQuantities = []tableQuantity{
	{
		zh: "本年收到政府信息公开申请数", en: "requests received this year",
		prose: func(c parse.Claim) bool { return c.Quantity == parse.QuantityRequestsReceived },
		cells: func(r *parse.Report) ([]float64, string, string, parse.Span, bool) {
			if c, ok := cellValue(r, parse.TableApplications, "apply.new", "total"); ok {
				vals := []float64{c.Number.Value}
				if carried, ok := cellValue(r, parse.TableApplications, "apply.carried", "total"); ok {
					vals = append(vals, c.Number.Value+carried.Number.Value)
				}
				return vals, "表三「本年新收」总计", "Table 3 'new this year' total", c.Span, true
			}
			if c, ok := cellValue(r, parse.TableStatistics, "req.received", "year"); ok {
				return []float64{c.Number.Value}, "统计表「收到申请数」本年度", "the statistics table's requests received this year", c.Span, true
			}
			return nil, "", "", parse.Span{}, false
		},
	},
	{
		zh: "本年行政复议数", en: "reconsiderations this year",
		prose: func(c parse.Claim) bool { return c.Quantity == parse.QuantityReconsiderations },
		cells: func(r *parse.Report) ([]float64, string, string, parse.Span, bool) {
			if c, ok := cellValue(r, parse.TableReview, "review.reconsideration", "total"); ok {
				return []float64{c.Number.Value}, "表四「行政复议」总计", "Table 4 reconsideration total", c.Span, true
			}
			if c, ok := cellValue(r, parse.TableStatistics, "review.total", "year"); ok {
				return []float64{c.Number.Value}, "统计表「行政复议数量」本年度", "the statistics table's reconsiderations this year", c.Span, true
			}
			return nil, "", "", parse.Span{}, false
		},
	},
	{
		zh: "本年主动公开政府信息数", en: "items published proactively this year",
		prose: func(c parse.Claim) bool {
			return c.Total && c.Quantity == parse.QuantityPublished && c.Scope == parse.ScopeWhole
		},
		cells: func(r *parse.Report) ([]float64, string, string, parse.Span, bool) {
			if c, ok := cellValue(r, parse.TableStatistics, "active.total", "year"); ok {
				return []float64{c.Number.Value}, "统计表「主动公开政府信息数」本年度", "the statistics table's items published this year", c.Span, true
			}
			return nil, "", "", parse.Span{}, false
		},
	},
}

// cellValue returns a table cell by row and column key when it holds a
// whole number read with certainty (or inferred, for 表三's total column).
func cellValue(r *parse.Report, kind parse.TableKind, row, col string) (parse.Cell, bool) {
	c, _, ok := numberCell(r, kind, row, col)
	// prose is compared with what the table prints, not with a split of run
	// together digits or a column inferred for cells the copy lost
	return c, ok && c.Number.IsInt && !c.Glued() && !c.Inferred
}

func checkClaimsAgainstTables(p *Pass) {
	for _, q := range tableQuantities {
		vals, cellZh, cellEn, cellSpan, ok := q.cells(p.Report)
		if !ok {
			continue
		}
		for _, s := range p.Report.Prose {
			for _, c := range s.Claims {
				if c.Kind != parse.ClaimCount || c.Cumulative || c.Negated || c.Unit == "" || !q.prose(c) || containsValue(vals, c.Value) {
					continue
				}
				p.Add(Finding{
					Span: c.Span,
					Operands: []Operand{
						{Label: c.Subject, LabelEn: "stated in the prose", Value: c.Value, Span: c.Span},
						{Label: cellZh, LabelEn: cellEn, Value: vals[0], Span: cellSpan},
					},
					Message: Text{
						Zh: fmt.Sprintf("正文称%s为 %s%s，但%s为 %s", q.zh, num(c.Value), c.Unit, cellZh, num(vals[0])),
						En: fmt.Sprintf("the prose gives %s as %s, but %s is %s", q.en, num(c.Value), cellEn, num(vals[0])),
					},
				})
			}
		}
	}
}

func containsValue(vals []float64, v float64) bool {
	for _, x := range vals {
		if x == v {
			return true
		}
	}
	return false
}

var claimCategoriesRule = &Rule{
	ID: "claim-categories", Name: "正文类别列举与表格不符", NameEn: "Prose category list against the table", Severity: Warning,
	Doc: Text{
		Zh: "正文逐类列举主动公开信息条数（机构职能类信息27条，领导信息类信息9条，……）而统计表也按类别统计时，两者须一致：正文各类之和不等于表中总数时，指出表中有而正文漏列的类别；同一类别数字不同的也指出。",
		En: "When the prose lists items published by category (机构职能类信息27条, 领导信息类信息9条, …) and the statistics table counts the same categories, the two must agree: when the prose categories do not add up to the table's total, the categories the table has and the prose omits are named, and categories whose numbers differ are named too.",
	},
	Run: checkCategoryLists,
}

func checkCategoryLists(p *Pass) {
	var table *parse.Table
	for _, t := range p.Report.TablesOf(parse.TableStatistics) {
		if t.Status != parse.TableUnchecked && t.Row("active.category.other") != nil {
			table = t
		}
	}
	if table == nil {
		return
	}
	total, ok := cellValue(p.Report, parse.TableStatistics, "active.total", "year")
	if !ok {
		return
	}
	for _, s := range p.Report.Prose {
		listed := map[string]parse.Claim{}
		var sumProse float64
		first := parse.Claim{}
		for _, c := range s.Claims {
			key := parse.StatRowKey(c.Subject)
			if c.Kind != parse.ClaimCount || !strings.HasPrefix(key, "active.category.") {
				continue
			}
			if len(listed) == 0 {
				first = c
			}
			listed[key] = c
			sumProse += c.Value
		}
		if len(listed) < 3 || sumProse == total.Number.Value {
			continue
		}
		p.Add(categoryFinding(table, listed, sumProse, total, first))
	}
}

func categoryFinding(t *parse.Table, listed map[string]parse.Claim, sumProse float64, total parse.Cell, first parse.Claim) Finding {
	var missing, missingEn, differ, differEn []string
	for _, row := range t.Rows {
		if !strings.HasPrefix(row.Key, "active.category.") || len(row.Cells) == 0 || !row.Cells[0].IsNumber() {
			continue
		}
		v := row.Cells[0].Number.Value
		c, ok := listed[row.Key]
		switch {
		case !ok && v != 0:
			missing = append(missing, fmt.Sprintf("%s %s", row.Short, num(v)))
			missingEn = append(missingEn, fmt.Sprintf("%s %s", row.En, num(v)))
		case ok && c.Value != v:
			differ = append(differ, fmt.Sprintf("%s 正文 %s、表中 %s", row.Short, num(c.Value), num(v)))
			differEn = append(differEn, fmt.Sprintf("%s: prose %s, table %s", row.En, num(c.Value), num(v)))
		}
	}
	zh := fmt.Sprintf("正文列举的各类主动公开信息之和为 %s，但统计表总数为 %s", num(sumProse), num(total.Number.Value))
	en := fmt.Sprintf("the categories listed in the prose sum to %s, but the statistics table's total is %s", num(sumProse), num(total.Number.Value))
	if len(missing) > 0 {
		zh += "；正文漏列：" + strings.Join(missing, "、")
		en += "; the prose omits: " + strings.Join(missingEn, ", ")
	}
	if len(differ) > 0 {
		zh += "；数字不同：" + strings.Join(differ, "，")
		en += "; numbers differ: " + strings.Join(differEn, "; ")
	}
	return Finding{
		Span:        first.Span,
		Operands:    []Operand{{Label: "正文各类之和", LabelEn: "sum of the prose categories", Value: sumProse}, {Label: "统计表总数", LabelEn: "table total", Value: total.Number.Value, Span: total.Span}},
		Expected:    total.Number.Value,
		HasExpected: true,
		Message:     Text{Zh: zh, En: en},
	}
}
