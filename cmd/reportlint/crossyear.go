package main

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/reportlint/reportlint/format"
	"github.com/reportlint/reportlint/parse"
	"github.com/reportlint/reportlint/rules"
)

// crossFinding is a finding across reports, with its place as the text
// output prints it (a DOCX or PDF position in words), found while its
// report was at hand: the reports are not kept.
type crossFinding struct {
	Finding      rules.Finding
	Where, Place string
}

// pairNames names a body's reports of two consecutive years that were
// checked against each other.
type pairNames struct{ Body, Prev, Cur string }

// crossYear checks the reports against each other: it pairs each body's
// reports of consecutive years (or the two files --pair names), runs the
// pair rules and the shared-prose check, and returns what they find. The
// pairs' reports come from load (kept from the run, or read again), a few
// pairs at a time, and are dropped once checked: a collection of many
// years holds thousands of pairs.
func crossYear(ctx context.Context, digests []rules.Digest, prose *rules.ProseIndex, load func(string) *parse.Report, ruleSet []*rules.Rule, explicit, force, en bool, workers int) ([]crossFinding, []pairNames, error) {
	var dps []rules.DigestPair
	var out []crossFinding
	if explicit {
		dp, err := explicitPair(digests, force, en)
		if err != nil {
			return nil, nil, err
		}
		dps = []rules.DigestPair{dp}
	} else {
		var notes []rules.Finding
		dps, notes = rules.PairDigests(digests)
		if selected(ruleSet, "pairing") {
			for _, n := range notes {
				out = append(out, crossFinding{Finding: n, Where: format.Where(nil, n), Place: format.Place(nil, n, en)})
			}
		}
		if selected(ruleSet, "shared-prose") {
			for _, f := range prose.Findings(digests, load) {
				out = append(out, crossFinding{Finding: f, Where: format.Where(nil, f), Place: format.Place(nil, f, en)})
			}
		}
	}
	found, pairs := checkPairs(ctx, dps, load, ruleSet, en, workers)
	return append(out, found...), pairs, nil
}

// checkPairs runs the pair rules over the pairs with a few workers and
// returns their findings and the pairs that could be read, in the order of
// the pairs whatever order the workers finish in.
func checkPairs(ctx context.Context, dps []rules.DigestPair, load func(string) *parse.Report, ruleSet []*rules.Rule, en bool, workers int) ([]crossFinding, []pairNames) {
	type outcome struct {
		read  bool
		found []crossFinding
	}
	outs := make([]outcome, len(dps))
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < max(1, min(workers, len(dps))); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < len(dps) && ctx.Err() == nil; i = int(next.Add(1) - 1) {
				outs[i].read, outs[i].found = checkPair(dps[i], load, ruleSet, en)
			}
		}()
	}
	wg.Wait()
	var found []crossFinding
	var pairs []pairNames
	for i, o := range outs {
		if o.read {
			pairs = append(pairs, pairNames{Body: dps[i].Body, Prev: dps[i].Prev.Path, Cur: dps[i].Cur.Path})
		}
		found = append(found, o.found...)
	}
	return found, pairs
}

// checkPair loads a pair's two reports and runs the pair rules; read is
// false when either could not be read again.
func checkPair(dp rules.DigestPair, load func(string) *parse.Report, ruleSet []*rules.Rule, en bool) (read bool, found []crossFinding) {
	prev, cur := load(dp.Prev.Path), load(dp.Cur.Path)
	if prev == nil || cur == nil {
		return false, nil
	}
	p := rules.Pair{Body: dp.Body, Prev: rules.Member{Path: dp.Prev.Path, Report: prev}, Cur: rules.Member{Path: dp.Cur.Path, Report: cur}}
	for _, f := range rules.CheckPair(p, ruleSet) {
		found = append(found, crossFinding{Finding: f, Where: format.Where(cur, f), Place: format.Place(cur, f, en)})
	}
	return true, found
}

// explicitPair pairs the two reports --pair names, the earlier year first.
// Two different bodies, or years that are not consecutive, are refused
// unless force: pairing them would report every change between two
// unrelated reports as an error of the later one.
func explicitPair(ds []rules.Digest, force, en bool) (rules.DigestPair, error) {
	if len(ds) != 2 {
		return rules.DigestPair{}, usageError{say(en, "--pair 需要两份能读取的报告", "--pair needs two readable reports")}
	}
	a, b := ds[0], ds[1]
	if b.Year < a.Year {
		a, b = b, a
	}
	if a.Year == 0 || a.Year == b.Year {
		return rules.DigestPair{}, usageError{say(en,
			fmt.Sprintf("--pair：%s 与 %s 的报告年度相同或未认出（%d、%d），无法确定先后", a.Path, b.Path, a.Year, b.Year),
			fmt.Sprintf("--pair: %s and %s have the same or no report year (%d, %d); which comes first cannot be told", a.Path, b.Path, a.Year, b.Year))}
	}
	if force {
		return rules.DigestPair{Body: b.Issuer, Prev: a, Cur: b}, nil
	}
	if b.Year != a.Year+1 {
		return rules.DigestPair{}, usageError{say(en,
			fmt.Sprintf("--pair：%s 是%d年度，%s 是%d年度，并非相邻年度；确要对照请加 --force", a.Path, a.Year, b.Path, b.Year),
			fmt.Sprintf("--pair: %s is for %d and %s for %d, not consecutive years; add --force to pair them anyway", a.Path, a.Year, b.Path, b.Year))}
	}
	if a.Key != "" && b.Key != "" {
		if home := rules.BodyGroups([]string{a.Key, b.Key}); home[a.Key] != home[b.Key] {
			return rules.DigestPair{}, usageError{say(en,
				fmt.Sprintf("--pair：%s 出自「%s」，%s 出自「%s」，不是同一机关；确要对照请加 --force", a.Path, a.Issuer, b.Path, b.Issuer),
				fmt.Sprintf("--pair: %s is by %q and %s by %q, not the same body; add --force to pair them anyway", a.Path, a.Issuer, b.Path, b.Issuer))}
		}
	}
	return rules.DigestPair{Body: b.Issuer, Prev: a, Cur: b}, nil
}

// settleCross renders anew the files that findings across reports land
// in, each checked again (check) and given those findings, a few at a time;
// a finding in a file named twice goes to the last, as it always did.
// unread counts the files that could not be read again (their parts say
// so).
func settleCross(kept *collection, fin *finisher, cross []crossFinding, check func(string) format.FileResult, workers int) (unread int, err error) {
	if len(cross) == 0 {
		return 0, nil
	}
	last := map[string]int{}
	for i, p := range kept.parts {
		last[p.Path] = i
	}
	byFile := map[int][]rules.Finding{}
	for _, c := range cross {
		// a path named twice whose last naming could not be read (standard
		// input read empty the second time) prints its error, as it did
		if i, ok := last[c.Finding.Path]; ok && kept.parts[i].Err == nil {
			byFile[i] = append(byFile[i], c.Finding)
		}
	}
	// the files in order; each path once, being each path's last place
	var files []int
	var paths []string
	for i := range kept.parts {
		if len(byFile[i]) > 0 {
			files = append(files, i)
			paths = append(paths, kept.parts[i].Path)
		}
	}
	type settled struct {
		c   collected // its part carries the error of a file gone since
		err error     // rendering failed
	}
	k := 0
	var failed error
	checkAll(paths, workers, &progress{}, func(p string) settled {
		res := check(p)
		var cross []rules.Finding
		if res.Err == nil {
			cross = byFile[last[p]]
		}
		// a file read at first but gone or changed since is given as
		// unreadable, its error in the output as on the error stream
		c, err := fin.finish(res, cross)
		return settled{c: c, err: err}
	}, func(s settled) {
		i := files[k]
		k++
		if s.c.part.Err != nil {
			unread++ // its part now says so, in the output
		}
		if s.err != nil {
			if failed == nil {
				failed = s.err
			}
			return
		}
		kept.replace(i, s.c)
	})
	return unread, failed
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
func pairInfos(pairs []pairNames, root string) []format.PairInfo {
	out := make([]format.PairInfo, 0, len(pairs))
	for _, p := range pairs {
		out = append(out, format.PairInfo{Body: p.Body, Previous: fileID(p.Prev, root), Current: fileID(p.Cur, root)})
	}
	return out
}
