package rules

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
)

// Fingerprints returns one fingerprint for each finding of one file, in
// order. A fingerprint is a hash of the rule, the file's identity (a path the
// caller chooses), the cell the finding is about (table, row, column) and the
// finding's Key — never its line or column — so that it stays the same when
// lines are added or removed elsewhere in the report. Findings that would
// share a fingerprint are told apart by their order: the second gets "-2".
func Fingerprints(file string, fs []Finding) []string {
	out := make([]string, len(fs))
	seen := make(map[string]int, len(fs))
	for i, f := range fs {
		h := sha256.New()
		for _, part := range []string{"reportlint/v1", f.Rule, file, f.Table, f.Row, f.Column, f.Key} {
			h.Write([]byte(part))
			h.Write([]byte{0})
		}
		fp := hex.EncodeToString(h.Sum(nil)[:16])
		seen[fp]++
		if n := seen[fp]; n > 1 {
			fp = fmt.Sprintf("%s-%d", fp, n)
		}
		out[i] = fp
	}
	return out
}
