package rules

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// The blocks of a prose index, each sorted, merge into every entry sorted
// by hash: blocks of different lengths, empty ones, repeated hashes.
func TestMergeByHash(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, lens := range [][]int{{0}, {5}, {3, 0, 7}, {100, 100, 100}, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, {proseBlock, 17}} {
		var blocks [][]proseEntry
		var all []proseEntry
		for i, n := range lens {
			b := make([]proseEntry, n)
			for k := range b {
				b[k] = proseEntry{hash: rng.Uint64N(50), doc: uint32(i), n: uint32(k)}
			}
			sortByHash(b)
			blocks = append(blocks, b)
			all = append(all, b...)
		}
		got := mergeByHash(blocks, len(all))
		if len(got) != len(all) || !slices.IsSortedFunc(got, func(a, b proseEntry) int { return int(a.hash) - int(b.hash) }) {
			t.Fatalf("blocks %v: %d entries merged of %d, sorted %v", lens, len(got), len(all), slices.IsSortedFunc(got, func(a, b proseEntry) int { return int(a.hash) - int(b.hash) }))
		}
		key := func(a, b proseEntry) int {
			if a.hash != b.hash {
				return int(a.hash) - int(b.hash)
			}
			if a.doc != b.doc {
				return int(a.doc) - int(b.doc)
			}
			return int(a.n) - int(b.n)
		}
		slices.SortFunc(got, key)
		slices.SortFunc(all, key)
		if !slices.Equal(got, all) {
			t.Errorf("blocks %v: the merged entries are not the blocks' entries", lens)
		}
	}
}
