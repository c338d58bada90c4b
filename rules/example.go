package rules

import (
	"context"
	"embed"
	"fmt"
	"strings"

	"golang.org/x/tools/txtar"

	"github.com/reportlint/reportlint/decode"
	"github.com/reportlint/reportlint/parse"
)

// The examples are report excerpts, one file per rule, named by its ID:
// examples/RULE.txtar holds the excerpt as report.txt and what the rule
// reports on it as want (Chinese) and want.en. `reportlint explain` prints
// them, and TestExamples keeps the want sections true.
//
//go:embed examples/*.txtar
var examples embed.FS

// Example is a short report excerpt that shows a rule at work. A rule
// across reports has a second report: last year's (prev.txt) for a pair
// rule, another body's or a duplicate (other.txt) for shared-prose and
// pairing.
type Example struct {
	Report string
	Prev   string
	Other  string
	// Want is what the rule reports on the excerpt, one finding a line
	// (LINE:COL: severity: message), in Chinese and in English.
	Want Text
}

// ExampleOf returns the example of the rule with the ID, if it has one.
func ExampleOf(id string) (Example, bool) {
	data, err := examples.ReadFile("examples/" + id + ".txtar")
	if err != nil {
		return Example{}, false
	}
	ar := txtar.Parse(data)
	var ex Example
	for _, f := range ar.Files {
		switch f.Name {
		case "report.txt":
			ex.Report = string(f.Data)
		case "prev.txt":
			ex.Prev = string(f.Data)
		case "other.txt":
			ex.Other = string(f.Data)
		case "want":
			ex.Want.Zh = string(f.Data)
		case "want.en":
			ex.Want.En = string(f.Data)
		}
	}
	return ex, ex.Report != ""
}

// Run reads the excerpt as a report and runs the rule over it alone (with
// last year's report or the other report, for a rule across reports).
func (ex Example) Run(r *Rule) ([]Finding, error) {
	rep, err := parseBytes("example.txt", []byte(ex.Report))
	if err != nil {
		return nil, fmt.Errorf("%s example: %w", r.ID, err)
	}
	cur := Member{Path: "example.txt", Report: rep}
	switch {
	case ex.Prev != "":
		prev, err := parseBytes("prev.txt", []byte(ex.Prev))
		if err != nil {
			return nil, fmt.Errorf("%s example, prev.txt: %w", r.ID, err)
		}
		return CheckPair(Pair{Body: rep.Issuer, Prev: Member{Path: "prev.txt", Report: prev}, Cur: cur}, []*Rule{r}), nil
	case ex.Other != "":
		other, err := parseBytes("other.txt", []byte(ex.Other))
		if err != nil {
			return nil, fmt.Errorf("%s example, other.txt: %w", r.ID, err)
		}
		ms := []Member{{Path: "other.txt", Report: other}, cur}
		if r.ID == sharedProseRule.ID {
			return SharedProse(ms), nil
		}
		_, notes := PairReports(ms)
		return notes, nil
	}
	return Check(rep, []*Rule{r}), nil
}

// DescribeFindings prints findings one a line, LINE:COL: severity: message,
// the way an Example's Want holds them.
func DescribeFindings(fs []Finding, en bool) string {
	var b strings.Builder
	for _, f := range fs {
		msg := f.Message.Zh
		if en {
			msg = f.Message.En
		}
		fmt.Fprintf(&b, "%d:%d: %s: %s\n", f.Span.Start.Line, f.Span.Start.Col, f.Severity, msg)
	}
	return b.String()
}

// parseBytes reads an example's text as the command reads a file.
func parseBytes(name string, data []byte) (*parse.Report, error) {
	txt, err := decode.Bytes(context.Background(), name, data, decode.Options{Marks: parse.Marks})
	if err != nil {
		return nil, err
	}
	return parse.Parse(txt)
}
