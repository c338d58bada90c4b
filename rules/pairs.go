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
	if f.Span.Start.Line == 0 && p.Pair.Cur.Report != nil {
		f.Span = p.Pair.Cur.Report.Anchor()
	}
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
	// the findings stand in this year's report, which the formats will
	// not have at hand: each is located in its file now
	for i := range out {
		locateIn(&out[i], pr.Cur.Report)
	}
	SortFindings(out)
	return out
}

// Digest is what pairing needs of a report, small enough to keep for every
// file of a large run: the body, the year, and the prose's sentence keys.
// Pair rules load the two reports again; only paired files are read twice.
type Digest struct {
	Path   string
	Issuer string
	Key    string // parse.BodyKey of the issuer
	Year   int
	// Title is the report's title, or its first line when it has none
	// (parse.Report.Anchor); TitleLoc and TitleEndLoc are where it stands
	// in the file.
	Title                 parse.Span
	TitleLoc, TitleEndLoc parse.Location
	// Sentences are the prose's masked sentences, hashed, for shared-prose.
	// A run moves them into its ProseIndex and drops them: kept for every
	// file they made memory grow with the number of files.
	Sentences []SentenceDigest
	// ProseLen is the length of those sentences in characters, in all.
	ProseLen int
}

// SentenceDigest is one masked prose sentence: its hash and its length in
// characters. Where it stands is found again, in the few reports a finding
// names.
type SentenceDigest struct {
	Hash uint64
	Len  int
}

// DigestOf digests a checked report.
func DigestOf(path string, r *parse.Report) Digest {
	d := Digest{Path: path, Issuer: r.Issuer, Key: parse.BodyKey(r.Issuer), Year: r.Year, Title: r.Anchor()}
	d.TitleLoc, d.TitleEndLoc = placeIn(r, d.Title)
	eachMaskedSentence(r, func(key []rune, span parse.Span) {
		d.Sentences = append(d.Sentences, SentenceDigest{Hash: hashKey(key), Len: len(key)})
		d.ProseLen += len(key)
	})
	return d
}

// DigestPair is a body's digests of two consecutive years.
type DigestPair struct {
	Body      string
	Prev, Cur Digest
}

// PairReports pairs full reports (tests and small runs).
func PairReports(ms []Member) ([]Pair, []Finding) {
	byPath := map[string]Member{}
	var ds []Digest
	for _, m := range ms {
		if m.Report == nil {
			continue
		}
		byPath[m.Path] = m
		ds = append(ds, DigestOf(m.Path, m.Report))
	}
	dps, notes := PairDigests(ds)
	pairs := make([]Pair, 0, len(dps))
	for _, dp := range dps {
		pairs = append(pairs, Pair{Body: dp.Body, Prev: byPath[dp.Prev.Path], Cur: byPath[dp.Cur.Path]})
	}
	return pairs, notes
}

// PairDigests finds, among the reports given, each body's reports of
// consecutive years. Bodies are matched by their normalised names, a name
// matching another that ends with it (洪泽区人民政府 and 淮安市洪泽区人民政府).
// What cannot be paired with certainty is said at info level: two reports
// of one body and year, and years that skip.
func PairDigests(ds []Digest) ([]DigestPair, []Finding) {
	var pairs []DigestPair
	var notes []Finding
	for _, g := range groupByBody(ds) {
		byYear := map[int][]Digest{}
		var years []int
		for _, d := range g {
			if len(byYear[d.Year]) == 0 {
				years = append(years, d.Year)
			}
			byYear[d.Year] = append(byYear[d.Year], d)
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
				pairs = append(pairs, DigestPair{Body: cur.Issuer, Prev: byYear[prev][0], Cur: cur})
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
func groupByBody(ds []Digest) [][]Digest {
	var keys []string
	for _, d := range ds {
		if d.Key != "" && d.Year != 0 {
			keys = append(keys, d.Key)
		}
	}
	home := BodyGroups(keys)
	groups := map[string][]Digest{}
	var order []string
	for _, d := range ds {
		h, ok := home[d.Key]
		if !ok || d.Year == 0 {
			continue
		}
		if len(groups[h]) == 0 {
			order = append(order, h)
		}
		groups[h] = append(groups[h], d)
	}
	sort.Strings(order)
	out := make([][]Digest, 0, len(order))
	for _, k := range order {
		out = append(out, groups[k])
	}
	return out
}

// BodyGroups maps each body key to the key of its group: the shortest key
// (of four characters or more) that it ends with, so that 淮安市洪泽区政府
// and 洪泽区政府 are one body.
func BodyGroups(keys []string) map[string]string {
	uniq := map[string]bool{}
	var sorted []string
	for _, k := range keys {
		if k != "" && !uniq[k] {
			uniq[k] = true
			sorted = append(sorted, k)
		}
	}
	sort.SliceStable(sorted, func(i, j int) bool {
		li, lj := len([]rune(sorted[i])), len([]rune(sorted[j]))
		if li != lj {
			return li < lj
		}
		return sorted[i] < sorted[j]
	})
	home := map[string]string{}
	var roots []string
	for _, k := range sorted {
		h := k
		for _, g := range roots {
			if len([]rune(g)) >= 4 && strings.HasSuffix(k, g) {
				h = g
				break
			}
		}
		if h == k {
			roots = append(roots, k)
		}
		home[k] = h
	}
	return home
}

func duplicateNote(ds []Digest) Finding {
	var paths []string
	for _, d := range ds {
		paths = append(paths, d.Path)
	}
	first := ds[0]
	f := Finding{Rule: "pairing", Severity: Info, Path: first.Path, Span: first.Title, Loc: first.TitleLoc, EndLoc: first.TitleEndLoc,
		Message: Text{
			Zh: fmt.Sprintf("「%s」%d年度有 %d 份报告（%s），无法确定哪一份与相邻年度配对，未作跨年度核对", first.Issuer, first.Year, len(ds), strings.Join(paths, "、")),
			En: fmt.Sprintf("%q has %d reports for %d (%s); which one to pair with the neighbouring years cannot be told, so none was checked across years", first.Issuer, len(ds), first.Year, strings.Join(paths, ", ")),
		}}
	for _, d := range ds[1:] {
		l := d.titleLocation()
		l.Message = Text{Zh: "同一机关同一年度的另一份报告", En: "another report of the same body and year"}
		f.Related = append(f.Related, l)
	}
	return f
}

func gapNote(prev, cur Digest) Finding {
	earlier := prev.titleLocation()
	earlier.Message = Text{Zh: fmt.Sprintf("该机关%d年度的报告", prev.Year), En: fmt.Sprintf("the body's %d report", prev.Year)}
	return Finding{Rule: "pairing", Severity: Info, Path: cur.Path, Span: cur.Title, Loc: cur.TitleLoc, EndLoc: cur.TitleEndLoc,
		Related: []Location{earlier},
		Message: Text{
			Zh: fmt.Sprintf("「%s」有%d年度和%d年度的报告，缺%d年度，不作跨年度核对", cur.Issuer, prev.Year, cur.Year, prev.Year+1),
			En: fmt.Sprintf("%q has reports for %d and %d but none for %d; the two are not checked against each other", cur.Issuer, prev.Year, cur.Year, prev.Year+1),
		}}
}

// titleLocation is the report's title as a related place.
func (d Digest) titleLocation() Location {
	return Location{Path: d.Path, Span: d.Title, Loc: d.TitleLoc, EndLoc: d.TitleEndLoc}
}
