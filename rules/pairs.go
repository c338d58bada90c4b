package rules

import (
	"fmt"
	"sort"
	"strings"

	"github.com/reportlint/reportlint/parse"
)

// Member is one report of a collection.
type Member struct {
	Path   string
	Report *parse.Report
}

// Pair is a body's reports of two consecutive years.
type Pair struct {
	Body      string // the body's name as the later report prints it
	Prev, Cur Member
}

// PairPass is what a pair rule sees: last year's report and this year's.
type PairPass struct {
	Pair     Pair
	Rule     *Rule
	findings []Finding
}

// Add records a finding about this year's report.
func (p *PairPass) Add(f Finding) {
	f.Path = p.Pair.Cur.Path
	p.findings = append(p.findings, settle(p.Rule, f))
}

// CheckPair runs the pair rules over one pair.
func CheckPair(pr Pair, rules []*Rule) []Finding {
	var out []Finding
	for _, rule := range rules {
		if rule.RunPair == nil {
			continue
		}
		p := &PairPass{Pair: pr, Rule: rule}
		rule.RunPair(p)
		out = append(out, p.findings...)
	}
	SortFindings(out)
	return out
}

// PairReports finds, among the reports given, each body's reports of
// consecutive years. Bodies are matched by their normalised names, a name
// matching another that ends with it (洪泽区人民政府 and 淮安市洪泽区人民政府).
// What cannot be paired with certainty is said at info level: two reports
// of one body and year, and years that skip.
func PairReports(ms []Member) ([]Pair, []Finding) {
	groups := groupByBody(ms)
	var pairs []Pair
	var notes []Finding
	for _, g := range groups {
		byYear := map[int][]Member{}
		var years []int
		for _, m := range g {
			y := m.Report.Year
			if len(byYear[y]) == 0 {
				years = append(years, y)
			}
			byYear[y] = append(byYear[y], m)
		}
		sort.Ints(years)
		for i, y := range years {
			if len(byYear[y]) > 1 {
				notes = append(notes, duplicateNote(byYear[y]))
				continue
			}
			if i == 0 {
				continue
			}
			prev := years[i-1]
			cur := byYear[y][0]
			switch {
			case len(byYear[prev]) > 1:
			case prev == y-1:
				pairs = append(pairs, Pair{Body: cur.Report.Issuer, Prev: byYear[prev][0], Cur: cur})
			default:
				notes = append(notes, gapNote(byYear[prev][0], cur))
			}
		}
	}
	sort.SliceStable(pairs, func(i, j int) bool {
		if pairs[i].Cur.Path != pairs[j].Cur.Path {
			return pairs[i].Cur.Path < pairs[j].Cur.Path
		}
		return pairs[i].Prev.Path < pairs[j].Prev.Path
	})
	return pairs, notes
}

// groupByBody puts the reports of one body together, in a stable order.
func groupByBody(ms []Member) [][]Member {
	var keys []string
	groups := map[string][]Member{}
	sorted := append([]Member(nil), ms...)
	sort.SliceStable(sorted, func(i, j int) bool {
		return len([]rune(bodyKey(sorted[i]))) < len([]rune(bodyKey(sorted[j])))
	})
	for _, m := range sorted {
		k := bodyKey(m)
		if k == "" || m.Report.Year == 0 {
			continue
		}
		home := ""
		for _, g := range keys {
			if k == g || (len([]rune(g)) >= 4 && strings.HasSuffix(k, g)) {
				home = g
				break
			}
		}
		if home == "" {
			home = k
			keys = append(keys, k)
		}
		groups[home] = append(groups[home], m)
	}
	sort.Strings(keys)
	out := make([][]Member, 0, len(keys))
	for _, k := range keys {
		out = append(out, groups[k])
	}
	return out
}

func bodyKey(m Member) string {
	if m.Report == nil {
		return ""
	}
	return parse.BodyKey(m.Report.Issuer)
}

func duplicateNote(ms []Member) Finding {
	var paths []string
	for _, m := range ms {
		paths = append(paths, m.Path)
	}
	first := ms[0]
	f := Finding{Rule: "pairing", Severity: Info, Path: first.Path, Span: first.Report.TitleSpan,
		Message: Text{
			Zh: fmt.Sprintf("「%s」%d年度有 %d 份报告（%s），无法确定哪一份与相邻年度配对，未作跨年度核对", first.Report.Issuer, first.Report.Year, len(ms), strings.Join(paths, "、")),
			En: fmt.Sprintf("%q has %d reports for %d (%s); which one to pair with the neighbouring years cannot be told, so none was checked across years", first.Report.Issuer, len(ms), first.Report.Year, strings.Join(paths, ", ")),
		}}
	for _, m := range ms[1:] {
		f.Related = append(f.Related, Location{Path: m.Path, Span: m.Report.TitleSpan})
	}
	return f
}

func gapNote(prev, cur Member) Finding {
	return Finding{Rule: "pairing", Severity: Info, Path: cur.Path, Span: cur.Report.TitleSpan,
		Related: []Location{{Path: prev.Path, Span: prev.Report.TitleSpan}},
		Message: Text{
			Zh: fmt.Sprintf("「%s」有%d年度和%d年度的报告，缺%d年度，不作跨年度核对", cur.Report.Issuer, prev.Report.Year, cur.Report.Year, prev.Report.Year+1),
			En: fmt.Sprintf("%q has reports for %d and %d but none for %d; the two are not checked against each other", cur.Report.Issuer, prev.Report.Year, cur.Report.Year, prev.Report.Year+1),
		}}
}
