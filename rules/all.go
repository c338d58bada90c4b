package rules

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
		claimPartsRule,
		claimPercentRule,
		claimTableRule,
		claimCategoriesRule,
		dateBeforePeriodEndRule,
		dateImpossibleRule,
		periodCalendarYearRule,
		deadlineRule,
		dateAmbiguousRule,
		tableUncheckedRule,
	}
}
