package format

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/rules"
)

// TestURIOf: SARIF artifact URIs are escaped relative references.
func TestURIOf(t *testing.T) {
	for path, want := range map[string]string{
		"testdata/seeds/001.txt": "testdata/seeds/001.txt",
		"报告/2019 年.txt":          "%E6%8A%A5%E5%91%8A/2019%20%E5%B9%B4.txt",
		"../reports/a#1.txt":     "../reports/a%231.txt",
		"a:b.txt":                "./a:b.txt", // not a scheme
	} {
		if got := uriOf(path); got != want {
			t.Errorf("uriOf(%q) = %q, want %q", path, got, want)
		}
	}
}

// TestRulesDocument keeps docs/rules.md what the registry generates
// (-update rewrites it), with a section for every rule that SARIF's
// helpUri points to, and no rule's documentation citing a file outside
// the repository.
func TestRulesDocument(t *testing.T) {
	all := append(rules.All(), rules.InputRules()...)
	var b strings.Builder
	if err := RulesDocument(&b, all); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("..", RulesDocumentPath)
	if *update {
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != b.String() {
		t.Errorf("%s is not what the registry generates: go test ./format -run TestRulesDocument -update", RulesDocumentPath)
	}
	for _, r := range all {
		uri := HelpURI("https://github.com/reportlint/reportlint", r.ID)
		anchor := uri[strings.LastIndex(uri, "#")+1:]
		if !strings.Contains(string(got), "\n## "+anchor+"\n") {
			t.Errorf("%s: helpUri %s has no section", r.ID, uri)
		}
		for _, doc := range []string{r.Doc.Zh, r.Doc.En} {
			if strings.Contains(doc, ".md") {
				t.Errorf("%s: the documentation cites a file users do not have: %s", r.ID, doc)
			}
		}
	}
}
