package rules_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"

	"github.com/reportlint/reportlint/check"
	"github.com/reportlint/reportlint/decode"
	"github.com/reportlint/reportlint/parse"
	"github.com/reportlint/reportlint/rules"
)

var update = flag.Bool("update", false, "rewrite the want sections of testdata/rules/*.txtar")

// TestRuleCases runs every rule over the report in each
// testdata/rules/*.txtar and compares the findings with its "want" section,
// one finding a line: LINE:COL SEVERITY RULE MESSAGE (Chinese), then the
// operands and expected value. The reports are real report text, with the
// error each case is about introduced where the case's comment says.
func TestRuleCases(t *testing.T) {
	files, err := filepath.Glob("../testdata/rules/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			report := section(t, ar, "report.txt")
			rep, err := parseBytes(file, report)
			if err != nil {
				t.Fatalf("parse: %v", err)
			}
			got := describe(rules.CheckWith(rep, rules.All(), caseOptions(t, ar)))
			if *update {
				setSection(ar, "want", got)
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want := string(section(t, ar, "want"))
			if diff := cmp.Diff(strings.Split(want, "\n"), strings.Split(got, "\n")); diff != "" {
				t.Errorf("findings differ (-want +got):\n%s", diff)
			}
		})
	}
}

// caseOptions reads an optional "options" section: township-deadline=MM-DD.
func caseOptions(t *testing.T, ar *txtar.Archive) rules.Options {
	var opt rules.Options
	for _, f := range ar.Files {
		if f.Name != "options" {
			continue
		}
		for _, line := range strings.Fields(string(f.Data)) {
			var m, d int
			if _, err := fmt.Sscanf(line, "township-deadline=%d-%d", &m, &d); err != nil {
				t.Fatalf("bad option %q", line)
			}
			opt.TownshipDeadline = parse.YMD{Month: m, Day: d}
		}
	}
	return opt
}

func describe(fs []rules.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "%d:%d %s %s %s\n", f.Span.Start.Line, f.Span.Start.Col, f.Severity, f.Rule, f.Message.Zh)
		if len(f.Operands) > 0 || f.HasExpected {
			var ops []string
			for _, o := range f.Operands {
				ops = append(ops, fmt.Sprintf("%s=%g", o.Label, o.Value))
			}
			fmt.Fprintf(&b, "\toperands: %s", strings.Join(ops, " "))
			if f.HasExpected {
				fmt.Fprintf(&b, "; expected %g", f.Expected)
			}
			fmt.Fprintf(&b, "; cell %s/%s/%s\n", f.Table, f.Row, f.Column)
		}
	}
	return b.String()
}

func section(t *testing.T, ar *txtar.Archive, name string) []byte {
	t.Helper()
	for _, f := range ar.Files {
		if f.Name == name {
			return f.Data
		}
	}
	t.Fatalf("no section %q", name)
	return nil
}

func setSection(ar *txtar.Archive, name, data string) {
	for i, f := range ar.Files {
		if f.Name == name {
			ar.Files[i].Data = []byte(data)
			return
		}
	}
	ar.Files = append(ar.Files, txtar.File{Name: name, Data: []byte(data)})
}

// TestRulesRegistered checks that every rule has what the README and the
// SARIF output need: a unique stable ID, names and docs in both languages.
func TestRulesRegistered(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range rules.All() {
		if r.ID == "" || r.Name == "" || r.NameEn == "" || r.Doc.Zh == "" || r.Doc.En == "" || r.Run != nil && r.RunPair != nil {
			t.Errorf("rule %q is incomplete", r.ID)
		}
		if seen[r.ID] {
			t.Errorf("rule %q registered twice", r.ID)
		}
		seen[r.ID] = true
		if rules.Lookup(r.ID) != r {
			t.Errorf("Lookup(%q) does not find it", r.ID)
		}
	}
}

// TestREADMEListsRules keeps the README's rule table complete.
func TestREADMEListsRules(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rules.All() {
		if !strings.Contains(string(readme), "| `"+r.ID+"` | "+r.Name+" | "+r.Severity.String()+" |") {
			t.Errorf("README's rule table lacks %s (%s, %s)", r.ID, r.Name, r.Severity)
		}
	}
}

// TestEveryRuleHasACase: each rule fires in at least one case of
// testdata/rules or testdata/pairs, so every rule is tested on report text.
func TestEveryRuleHasACase(t *testing.T) {
	files, _ := filepath.Glob("../testdata/rules/*.txtar")
	pairs, _ := filepath.Glob("../testdata/pairs/*.txtar")
	files = append(files, pairs...)
	fired := map[string]bool{}
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(section(t, ar, "want")), "\n") {
			if f := strings.Fields(line); len(f) >= 3 && strings.Contains(f[0], ":") && !strings.HasPrefix(line, "pair ") {
				fired[f[2]] = true
			}
		}
	}
	for _, r := range rules.All() {
		if !fired[r.ID] {
			t.Errorf("no case in testdata/rules shows rule %s firing", r.ID)
		}
	}
}

// parseBytes reads a file's bytes as the command does.
func parseBytes(name string, data []byte) (*parse.Report, error) {
	return check.Parse(context.Background(), name, data, decode.Options{})
}
