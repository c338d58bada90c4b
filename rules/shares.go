package rules

import (
	"math"

	"github.com/reportlint/reportlint/parse"
)

// Shares whose whole the prose does not name: 「2012年主动公开政府信息1913条。其中，
// 区直、县直各单位主动公开政府信息1397条，占73%。各乡镇主动公开政府信息534条，占27%。」
// The shares run over sentences (a run), and their whole is the count
// stated just before them, when the numbers say so: the parts add up to it,
// or every share but at most one fits it to the digits shown (and at least
// two do). Shares that add up to 100% also declare the parts complete, so
// the parts must add up to the whole. A run with no such count, or more
// than one, stays quiet.

// sharePair is a count and the share printed after it (1397条，占73%).
type sharePair struct {
	part, share parse.Claim
}

// shareRun is a run of shares over adjacent sentences, with its whole.
type shareRun struct {
	pairs []sharePair
	// whole is the count the shares are of, when one was found; partition:
	// the shares add up to 100% within their rounding.
	whole     *parse.Claim
	partition bool
	sumParts  float64
}

// shareRuns finds the runs of shares that the existing ways to a whole (an
// opening 「…中」, 占…的, the sentence's own shares adding to 100%) leave
// unchecked.
func shareRuns(r *parse.Report) []shareRun {
	var runs []shareRun
	prose := r.Prose
	for i := 0; i < len(prose); i++ {
		s := prose[i]
		first := firstPair(s)
		if first < 0 || s.Whole >= 0 || hasNamedWhole(s) {
			continue
		}
		if _, ok := wholeFromShares(s); ok && !continues(prose, i) {
			continue // the sentence's own shares make its whole
		}
		run := shareRun{pairs: pairsFrom(s, first)}
		j := i
		for continues(prose, j) {
			j++
			run.pairs = append(run.pairs, pairsFrom(prose[j], 0)...)
		}
		candidates := wholeCandidates(prose, i, first, run.pairs[0].part.Unit)
		run.settle(candidates)
		runs = append(runs, run)
		i = j
	}
	return runs
}

// firstPair returns the index of the first count in s followed by its
// share, or -1.
func firstPair(s parse.Sentence) int {
	for k := 1; k < len(s.Claims); k++ {
		if s.Claims[k].Kind == parse.ClaimPercent && s.Claims[k-1].Kind == parse.ClaimCount {
			return k - 1
		}
	}
	return -1
}

// hasNamedWhole: a share of the sentence names its whole (占…的30%): the
// percentage rule finds that whole itself.
func hasNamedWhole(s parse.Sentence) bool {
	for _, c := range s.Claims {
		if c.Kind == parse.ClaimPercent && c.Of != "" {
			return true
		}
	}
	return false
}

// pairsFrom returns the count-and-share pairs of s from claim k on.
func pairsFrom(s parse.Sentence, k int) []sharePair {
	var out []sharePair
	for ; k+1 < len(s.Claims); k++ {
		if s.Claims[k].Kind == parse.ClaimCount && s.Claims[k+1].Kind == parse.ClaimPercent {
			out = append(out, sharePair{s.Claims[k], s.Claims[k+1]})
			k++
		}
	}
	return out
}

// continues reports that the sentence after prose[i] stands right after it
// and states nothing but further count-and-share pairs (各乡镇…534条，占27%。).
func continues(prose []parse.Sentence, i int) bool {
	if i+1 >= len(prose) || !adjacent(prose[i], prose[i+1]) {
		return false
	}
	next := prose[i+1]
	if len(next.Claims) < 2 || len(next.Claims)%2 != 0 || next.Whole >= 0 || hasNamedWhole(next) {
		return false
	}
	return len(pairsFrom(next, 0))*2 == len(next.Claims)
}

// adjacent: b starts where a ends, past its full stop and spaces, on the
// same line or at the start of the next.
func adjacent(a, b parse.Sentence) bool {
	switch {
	case b.Span.Start.Line == a.Span.End.Line:
		return b.Span.Start.Col-a.Span.End.Col <= 3
	case b.Span.Start.Line == a.Span.End.Line+1:
		return b.Span.Start.Col <= 3
	}
	return false
}

// wholeCandidates are the counts stated just before a run: those of its
// sentence before the first pair, and those of the sentence before it when
// adjacent, in the parts' unit, of the report year, not denied.
func wholeCandidates(prose []parse.Sentence, i, first int, unit string) []parse.Claim {
	var out []parse.Claim
	add := func(cs []parse.Claim) {
		for k, c := range cs {
			if c.Kind != parse.ClaimCount || c.Unit != unit || unit == "" || c.Cumulative || c.Negated {
				continue
			}
			if k+1 < len(cs) && cs[k+1].Kind == parse.ClaimPercent {
				continue // itself a part with its share
			}
			out = append(out, c)
		}
	}
	if i > 0 && adjacent(prose[i-1], prose[i]) {
		add(prose[i-1].Claims)
	}
	add(prose[i].Claims[:first])
	return out
}

// settle finds the run's whole among the candidates: the only one the
// parts add up to or the shares fit.
func (run *shareRun) settle(candidates []parse.Claim) {
	var pct, tol float64
	for _, p := range run.pairs {
		run.sumParts += p.part.Value
		pct += p.share.Value
		tol += math.Pow(10, -float64(p.share.Decimals))
	}
	run.partition = len(run.pairs) >= 2 && math.Abs(pct-100) <= tol
	var found []parse.Claim
	for _, c := range candidates {
		if run.sumParts == c.Value || run.sharesFit(c.Value) {
			found = append(found, c)
		}
	}
	if len(found) == 1 {
		run.whole = &found[0]
	}
}

// sharesFit: at least two shares fit the whole and at most one does not.
func (run *shareRun) sharesFit(whole float64) bool {
	if whole <= 0 {
		return false
	}
	fit, misfit := 0, 0
	for _, p := range run.pairs {
		if shareMatches(p.part.Value/whole*100, p.share.Value, p.share.Decimals) {
			fit++
		} else {
			misfit++
		}
	}
	return fit >= 2 && misfit <= 1
}
