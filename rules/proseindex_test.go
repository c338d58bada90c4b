package rules

import (
	"cmp"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"golang.org/x/tools/txtar"
)

// The index gives every entry added, grouped by hash in the order of the
// hashes, whatever the order of the hashes added: reports of random hashes
// (many repeated) filling no block, part of one, exactly one or two, and
// several with a partial last one.
func TestEachGroup(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, total := range []int{0, 1, 100, proseBlock, 2 * proseBlock, 3*proseBlock + 777} {
		x := NewProseIndex(DefaultProseIndexLimit)
		var all []proseEntry
		for doc := 0; len(all) < total; doc++ {
			var d Digest
			for range min(total-len(all), 1+rng.IntN(60)) {
				s := SentenceDigest{Hash: rng.Uint64N(uint64(total/3 + 1)), Len: 1 + rng.IntN(40)}
				d.Sentences = append(d.Sentences, s)
				all = append(all, proseEntry{hash: s.Hash, doc: uint32(doc), n: uint32(s.Len)})
			}
			x.Add(doc, &d)
		}
		var got []proseEntry
		var hashes []uint64
		x.eachGroup(func(group []proseEntry) {
			for _, e := range group[1:] {
				if e.hash != group[0].hash {
					t.Fatalf("%d entries: a group of hashes %d and %d", total, group[0].hash, e.hash)
				}
			}
			hashes = append(hashes, group[0].hash)
			got = append(got, group...)
			slices.Reverse(group) // f may reorder its copy
		})
		if !slices.IsSorted(hashes) || len(slices.Compact(slices.Clone(hashes))) != len(hashes) {
			t.Errorf("%d entries: the groups' hashes are not increasing and distinct", total)
		}
		byAll := func(a, b proseEntry) int {
			return cmp.Or(cmp.Compare(a.hash, b.hash), cmp.Compare(a.doc, b.doc), cmp.Compare(a.n, b.n))
		}
		slices.SortFunc(got, byAll)
		slices.SortFunc(all, byAll)
		if !slices.Equal(got, all) {
			t.Errorf("%d entries: %d given back, not the entries added", total, len(got))
		}
		// a second pass gives the same entries
		n := 0
		x.eachGroup(func(group []proseEntry) { n += len(group) })
		if n != total {
			t.Errorf("%d entries: %d the second time", total, n)
		}
	}
}

// The shared-prose findings of large reports, read one at a time, are
// those of reports read together: every testdata/pairs case with the
// threshold at nothing, and a report given as the same text twice.
func TestSharedProseOneReportAtATime(t *testing.T) {
	files, err := filepath.Glob("../testdata/pairs/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	defer func(v int) { leanSharedProse = v }(leanSharedProse)
	findings := 0
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var ms []Member
		for _, f := range ar.Files {
			if f.Name == "want" {
				continue
			}
			r, err := parseBytes(f.Name, f.Data)
			if err != nil {
				t.Fatalf("%s: %v", f.Name, err)
			}
			ms = append(ms, Member{Path: f.Name, Report: r})
		}
		leanSharedProse = 1 << 20
		together := SharedProse(ms)
		leanSharedProse = -1
		oneByOne := SharedProse(ms)
		if !reflect.DeepEqual(together, oneByOne) {
			t.Errorf("%s: one report at a time\n%+v\ntogether\n%+v", filepath.Base(file), oneByOne, together)
		}
		findings += len(together)
	}
	if findings == 0 {
		t.Fatalf("no shared-prose finding in the cases: nothing compared")
	}
}
