package format

import (
	"fmt"
	"slices"

	"github.com/reportlint/reportlint/rules"
)

// Run is what one invocation checked and found, for the formats that
// describe a whole run: JSON, SARIF and CSV.
type Run struct {
	Tool  Tool
	Rules []*rules.Rule // the rules that ran, in registry order
	// Results are the files in the order they were named; a file that could
	// not be read has Err set.
	Results []FileResult
	English bool
	// Baseline is set when findings were matched against a file of
	// reviewed findings.
	Baseline *BaselineResult
	// Pairs are the reports checked against each other across years.
	Pairs []PairInfo
}

// PairInfo names a body's reports of two consecutive years, by file
// identity.
type PairInfo struct {
	Body     string
	Previous string
	Current  string
}

// Tool names the program in the output.
type Tool struct {
	Name           string
	Version        string
	InformationURI string
}

// BaselineResult says what a file of reviewed findings hid, and which of
// its entries no longer occur.
type BaselineResult struct {
	Path       string
	Suppressed int
	Stale      []StaleEntry
}

// StaleEntry is a reviewed finding that no longer occurs.
type StaleEntry struct {
	File        string
	Fingerprint string
	Rule        string
	Message     string
	Reason      string
}

// counts returns a file's findings by severity.
func counts(fs []rules.Finding) [3]int {
	var c [3]int
	for _, f := range fs {
		c[f.Severity]++
	}
	return c
}

// firedRules lists the rules that reported in a file, sorted, once each.
func firedRules(fs []rules.Finding) []string {
	seen := map[string]bool{}
	var out []string
	for _, f := range fs {
		if !seen[f.Rule] {
			seen[f.Rule] = true
			out = append(out, f.Rule)
		}
	}
	slices.Sort(out)
	return out
}

// staleMessage says that a reviewed finding no longer occurs.
func staleMessage(baseline string, s StaleEntry, en bool) string {
	if en {
		return fmt.Sprintf("%s: the reviewed finding %s [%s] in %s no longer occurs: %s", baseline, s.Fingerprint, s.Rule, s.File, s.Message)
	}
	return fmt.Sprintf("%s：已审阅的问题 %s [%s]（%s）不再出现：%s", baseline, s.Fingerprint, s.Rule, s.File, s.Message)
}
