package main

import (
	"errors"
	"fmt"

	"github.com/reportlint/reportlint/format"
	"github.com/reportlint/reportlint/parse"
	"github.com/reportlint/reportlint/rules"
)

// crossFinding is a finding across reports with the report it is in, when
// that report was at hand (to place it in the original file).
type crossFinding struct {
	Finding rules.Finding
	Report  *parse.Report
}

// crossYear checks the reports against each other: it pairs each body's
// reports of consecutive years (or the two files --pair names), runs the
// pair rules and the shared-prose check, and returns what they find. The
// pairs' reports come from load: kept from the run, or read again.
func crossYear(digests []rules.Digest, prose *rules.ProseIndex, load func(string) *parse.Report, ruleSet []*rules.Rule, explicit bool, en bool) ([]crossFinding, []rules.Pair, error) {
	var dps []rules.DigestPair
	var out []crossFinding
	if explicit {
		dp, err := explicitPair(digests, en)
		if err != nil {
			return nil, nil, err
		}
		dps = []rules.DigestPair{dp}
	} else {
		var notes []rules.Finding
		dps, notes = rules.PairDigests(digests)
		if selected(ruleSet, "pairing") {
			for _, n := range notes {
				out = append(out, crossFinding{Finding: n})
			}
		}
		if selected(ruleSet, "shared-prose") {
			for _, f := range prose.Findings(digests, load) {
				out = append(out, crossFinding{Finding: f})
			}
		}
	}
	var pairs []rules.Pair
	for _, dp := range dps {
		prev, cur := load(dp.Prev.Path), load(dp.Cur.Path)
		if prev == nil || cur == nil {
			continue
		}
		p := rules.Pair{Body: dp.Body, Prev: rules.Member{Path: dp.Prev.Path, Report: prev}, Cur: rules.Member{Path: dp.Cur.Path, Report: cur}}
		pairs = append(pairs, p)
		for _, f := range rules.CheckPair(p, ruleSet) {
			out = append(out, crossFinding{Finding: f, Report: cur})
		}
	}
	return out, pairs, nil
}

// explicitPair pairs the two reports --pair names, the earlier year first.
func explicitPair(ds []rules.Digest, en bool) (rules.DigestPair, error) {
	if len(ds) != 2 {
		return rules.DigestPair{}, errors.New(say(en, "--pair 需要两份能读取的报告", "--pair needs two readable reports"))
	}
	a, b := ds[0], ds[1]
	if b.Year < a.Year {
		a, b = b, a
	}
	if a.Year == 0 || a.Year == b.Year {
		return rules.DigestPair{}, fmt.Errorf("%s", say(en,
			fmt.Sprintf("--pair：%s 与 %s 的报告年度相同或未认出（%d、%d），无法确定先后", a.Path, b.Path, a.Year, b.Year),
			fmt.Sprintf("--pair: %s and %s have the same or no report year (%d, %d); which comes first cannot be told", a.Path, b.Path, a.Year, b.Year)))
	}
	return rules.DigestPair{Body: b.Issuer, Prev: a, Cur: b}, nil
}

// attach adds the findings across reports to the results of the files
// they are in.
func attach(results []format.FileResult, cross []crossFinding) {
	byPath := map[string]int{}
	for i, r := range results {
		byPath[r.Path] = i
	}
	for _, c := range cross {
		if i, ok := byPath[c.Finding.Path]; ok {
			results[i].Findings = append(results[i].Findings, c.Finding)
		}
	}
	for i := range results {
		rules.SortFindings(results[i].Findings)
	}
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
