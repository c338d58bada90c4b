package rules_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"

	"github.com/reportlint/reportlint/parse"
	"github.com/reportlint/reportlint/rules"
)

// TestPairCases checks the rules across reports: each testdata/pairs/*.txtar
// holds several reports (every section but "want") and the findings the
// pairing, the pair rules and the shared-prose check give, one a line:
// PATH:LINE:COL SEVERITY RULE MESSAGE, then the related places.
func TestPairCases(t *testing.T) {
	files, err := filepath.Glob("../testdata/pairs/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var ms []rules.Member
			for _, f := range ar.Files {
				if f.Name == "want" {
					continue
				}
				r, err := parse.ParseBytes(f.Name, f.Data)
				if err != nil {
					t.Fatalf("%s: %v", f.Name, err)
				}
				ms = append(ms, rules.Member{Path: f.Name, Report: r})
			}
			pairs, notes := rules.PairReports(ms)
			var b strings.Builder
			for _, p := range pairs {
				fmt.Fprintf(&b, "pair %s: %s -> %s\n", p.Body, p.Prev.Path, p.Cur.Path)
			}
			var fs []rules.Finding
			fs = append(fs, notes...)
			for _, p := range pairs {
				fs = append(fs, rules.CheckPair(p, rules.All())...)
			}
			fs = append(fs, rules.SharedProse(ms)...)
			for _, f := range fs {
				fmt.Fprintf(&b, "%s:%d:%d %s %s %s\n", f.Path, f.Span.Start.Line, f.Span.Start.Col, f.Severity, f.Rule, f.Message.Zh)
				for _, r := range f.Related {
					fmt.Fprintf(&b, "\trelated %s:%d:%d\n", r.Path, r.Span.Start.Line, r.Span.Start.Col)
				}
			}
			got := b.String()
			if *update {
				setSection(ar, "want", got)
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if diff := cmp.Diff(string(section(t, ar, "want")), got); diff != "" {
				t.Errorf("findings differ (-want +got):\n%s", diff)
			}
		})
	}
}
