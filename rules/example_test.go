package rules_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"

	"github.com/reportlint/reportlint/rules"
)

// TestExamples runs each rule over its own example, alone, and checks that
// it reports what the example's want and want.en sections say: the examples
// `reportlint explain` prints are what the rule really does. Every rule must
// have one, and each example must show at least one finding.
func TestExamples(t *testing.T) {
	for _, r := range rules.All() {
		t.Run(r.ID, func(t *testing.T) {
			ex, ok := rules.ExampleOf(r.ID)
			if !ok {
				t.Fatalf("rules/examples/%s.txtar is missing", r.ID)
			}
			fs, err := ex.Run(r)
			if err != nil {
				t.Fatal(err)
			}
			if len(fs) == 0 {
				t.Fatalf("the example gives no finding")
			}
			zh, en := rules.DescribeFindings(fs, false), rules.DescribeFindings(fs, true)
			if *update {
				file := filepath.Join("examples", r.ID+".txtar")
				ar, err := txtar.ParseFile(file)
				if err != nil {
					t.Fatal(err)
				}
				setSection(ar, "want", zh)
				setSection(ar, "want.en", en)
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if diff := cmp.Diff(strings.Split(ex.Want.Zh, "\n"), strings.Split(zh, "\n")); diff != "" {
				t.Errorf("want section differs (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(strings.Split(ex.Want.En, "\n"), strings.Split(en, "\n")); diff != "" {
				t.Errorf("want.en section differs (-want +got):\n%s", diff)
			}
		})
	}
}
