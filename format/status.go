package format

import (
	"slices"

	"github.com/reportlint/reportlint/parse"
	"github.com/reportlint/reportlint/rules"
)

// statusKinds are the tables a status names, in the order it names them.
var statusKinds = []parse.TableKind{parse.TableStatistics, parse.TableItems, parse.TableApplications, parse.TableReview}

// tableState is what the status says about one kind of table: the worst
// status of its tables, or that the template has it and the report does not.
type tableState struct {
	Kind    parse.TableKind
	Missing bool
	Status  parse.TableStatus
	Off     bool // none of the rules that check it ran
}

// tableStates lists the tables a status line names: each kind the report
// has, and 表三 and 表四 when a 2019 or 2021 report lacks them. A table
// none of whose rules ran (ruleSet; nil for all) is said to be off.
func tableStates(r *parse.Report, ruleSet []*rules.Rule) []tableState {
	var out []tableState
	for _, kind := range statusKinds {
		if !rules.ChecksTable(ruleSet, kind) {
			if len(r.TablesOf(kind)) > 0 {
				out = append(out, tableState{Kind: kind, Off: true})
			}
			continue
		}
		ts := r.TablesOf(kind)
		if len(ts) == 0 {
			if slices.Contains(r.MissingTables(), kind) {
				out = append(out, tableState{Kind: kind, Missing: true})
			}
			continue
		}
		out = append(out, tableState{Kind: kind, Status: worst(ts)})
	}
	return out
}

// noTable is what every output says of a report with no table: its
// numbers were not checked.
func noTable(en bool) string { return pick(en, "no table recognised", "未识别到表格") }

func (s tableState) words(en bool) string {
	if s.Off {
		return tableWord(s.Kind, en) + pick(en, " not checked (its rules are off)", "未核对（规则未启用）")
	}
	if s.Missing {
		return tableWord(s.Kind, en) + pick(en, " not found", "未找到")
	}
	return tableWord(s.Kind, en) + statusWord(s.Status, en)
}

// IssuingBody is the body that issued the report, as the model read it
// from the title (parse: the words before the year, else between the year
// and 信息公开, else a short line above the title); "" when it names none.
func IssuingBody(r *parse.Report) string {
	if r == nil {
		return ""
	}
	return r.Issuer
}
