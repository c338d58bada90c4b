package rules

import "github.com/reportlint/reportlint/parse"

// All returns every rule, in the order the README lists them.
func All() []*Rule {
	return []*Rule{
		applyBalanceRule,
		applyRowTotalRule,
		applyOutcomeRule,
		reviewTotalRule,
		itemsPublishedRule,
		statFlowRule,
		statBreakdownRule,
		statSubsetRule,
		cellNotNumberRule,
		digitsUnbalancedRule,
		claimPartsRule,
		claimPercentRule,
		claimRateRule,
		claimTableRule,
		claimOutcomesRule,
		claimCategoriesRule,
		dateBeforePeriodEndRule,
		dateImpossibleRule,
		periodCalendarYearRule,
		deadlineRule,
		dateAmbiguousRule,
		tableUncheckedRule,
		inputRepairedRule,
		carryApplicationsRule,
		carryStatisticsRule,
		carryItems2019Rule,
		carryInForceRule,
		yearJumpRule,
		sectionOrderRule,
		enumerationRule,
		copiedProseRule,
		sharedProseRule,
		pairingRule,
	}
}

// pairingRule names the notes PairReports makes about reports it cannot
// pair; it has no check function of its own.
var pairingRule = &Rule{
	ID: "pairing", Name: "跨年度配对", NameEn: "Pairing across years", Severity: Info,
	Doc: Text{
		Zh: "跨年度核对先按发布机关（名称规范化：人民政府、街道办事处等写法，空格标点）和报告年度把同一机关相邻两年的报告配对。同一机关同一年度有两份报告、或年度不相连的，不猜测配对，只作提示。",
		En: "Checks across years first pair a body's reports of consecutive years, by the issuing body's name (normalised: 人民政府, 街道办事处 and the like, spacing and punctuation) and the report year. Two reports of one body and year, or years that skip, are not guessed into a pair; this note says so.",
	},
}

// tableRuleIDs are the rules that check the numbers inside each kind of
// table. A table none of whose rules ran was not checked, whatever its
// reader made of it: the status says so rather than "checked".
var tableRuleIDs = map[parse.TableKind][]string{
	parse.TableApplications: {"apply-balance", "apply-row-total", "apply-outcome-total", "cell-not-number", "digits-unbalanced"},
	parse.TableReview:       {"review-total", "cell-not-number", "digits-unbalanced"},
	parse.TableItems:        {"items-published-total"},
	parse.TableStatistics:   {"stat-flow", "stat-breakdown", "stat-subset", "cell-not-number", "digits-unbalanced"},
}

// ChecksTable reports whether any of the rules checks tables of the kind;
// a nil rule set is every rule.
func ChecksTable(ruleSet []*Rule, kind parse.TableKind) bool {
	if ruleSet == nil {
		return true
	}
	for _, id := range tableRuleIDs[kind] {
		for _, r := range ruleSet {
			if r.ID == id {
				return true
			}
		}
	}
	return false
}
