package main

import (
	"errors"
	"fmt"
	"sort"

	"github.com/reportlint/reportlint/format"
	"github.com/reportlint/reportlint/rules"
)

// crossYear checks the reports against each other: it pairs each body's
// reports of consecutive years (or the two files --pair names), runs the
// pair rules and the shared-prose check, and adds what they find to the
// results of the file each finding is in. It returns the pairs checked.
func crossYear(results []format.FileResult, ruleSet []*rules.Rule, explicit bool, en bool) ([]rules.Pair, error) {
	byPath := map[string]int{}
	var ms []rules.Member
	for i, res := range results {
		if res.Report != nil {
			byPath[res.Path] = i
			ms = append(ms, rules.Member{Path: res.Path, Report: res.Report})
		}
	}
	var pairs []rules.Pair
	var found []rules.Finding
	if explicit {
		p, err := explicitPair(ms, en)
		if err != nil {
			return nil, err
		}
		pairs = []rules.Pair{p}
	} else {
		var notes []rules.Finding
		pairs, notes = rules.PairReports(ms)
		if selected(ruleSet, "pairing") {
			found = append(found, notes...)
		}
		if selected(ruleSet, "shared-prose") {
			found = append(found, rules.SharedProse(ms)...)
		}
	}
	for _, p := range pairs {
		found = append(found, rules.CheckPair(p, ruleSet)...)
	}
	for _, f := range found {
		i, ok := byPath[f.Path]
		if !ok {
			continue
		}
		results[i].Findings = append(results[i].Findings, f)
	}
	for i := range results {
		rules.SortFindings(results[i].Findings)
	}
	return pairs, nil
}

// explicitPair pairs the two reports --pair names, the earlier year first.
func explicitPair(ms []rules.Member, en bool) (rules.Pair, error) {
	if len(ms) != 2 {
		return rules.Pair{}, errors.New(say(en, "--pair 需要两份能读取的报告", "--pair needs two readable reports"))
	}
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].Report.Year < ms[j].Report.Year })
	a, b := ms[0], ms[1]
	if a.Report.Year == 0 || a.Report.Year == b.Report.Year {
		return rules.Pair{}, fmt.Errorf("%s", say(en,
			fmt.Sprintf("--pair：%s 与 %s 的报告年度相同或未认出（%d、%d），无法确定先后", a.Path, b.Path, a.Report.Year, b.Report.Year),
			fmt.Sprintf("--pair: %s and %s have the same or no report year (%d, %d); which comes first cannot be told", a.Path, b.Path, a.Report.Year, b.Report.Year)))
	}
	return rules.Pair{Body: b.Report.Issuer, Prev: a, Cur: b}, nil
}

func selected(ruleSet []*rules.Rule, id string) bool {
	for _, r := range ruleSet {
		if r.ID == id {
			return true
		}
	}
	return false
}

// pairInfos names the pairs by file identity for the JSON output.
func pairInfos(pairs []rules.Pair, results []format.FileResult) []format.PairInfo {
	ids := map[string]string{}
	for _, r := range results {
		ids[r.Path] = r.ID
	}
	out := make([]format.PairInfo, 0, len(pairs))
	for _, p := range pairs {
		out = append(out, format.PairInfo{Body: p.Body, Previous: ids[p.Prev.Path], Current: ids[p.Cur.Path]})
	}
	return out
}
