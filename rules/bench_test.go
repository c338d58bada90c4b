package rules_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/reportlint/reportlint/parse"
	"github.com/reportlint/reportlint/rules"
)

// benchReports parses the real reports the benchmarks run over; n is
// the size of their input.
func benchReports(b *testing.B) (reports []*parse.Report, n int64) {
	b.Helper()
	for _, pattern := range []string{"../testdata/seeds/*.txt", "../testdata/corpus/*.txt", "../testdata/corpus/*.html", "../testdata/formats/*.html"} {
		paths, _ := filepath.Glob(pattern)
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				b.Fatal(err)
			}
			r, err := parseBytes(p, data)
			if err != nil {
				continue
			}
			reports = append(reports, r)
			n += int64(len(data))
		}
	}
	if len(reports) < 15 {
		b.Fatalf("only %d reports", len(reports))
	}
	return reports, n
}

// BenchmarkCheck measures the rules alone over real reports already
// parsed, MB/s of their input.
func BenchmarkCheck(b *testing.B) {
	reports, n := benchReports(b)
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, r := range reports {
			rules.Check(r, rules.All())
		}
	}
}

// BenchmarkDigest measures the digest every checked report leaves for the
// checks across reports (shared and copied prose), MB/s of their input.
func BenchmarkDigest(b *testing.B) {
	reports, n := benchReports(b)
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, r := range reports {
			rules.DigestOf("x", r)
		}
	}
}
