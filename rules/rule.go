// Package rules checks a parsed report. A Rule is a value with a stable ID,
// a name, a default severity, a doc and a check function, in the shape of
// golang.org/x/tools/go/analysis; All lists every rule.
package rules

import (
	"sort"

	"github.com/reportlint/reportlint/parse"
)

// Severity of a finding.
type Severity int

const (
	Info Severity = iota
	Warning
	Error
)

func (s Severity) String() string {
	return [...]string{"info", "warning", "error"}[s]
}

// Zh names the severity in Chinese.
func (s Severity) Zh() string {
	return [...]string{"提示", "警告", "错误"}[s]
}

// ParseSeverity reads "error", "warning" or "info".
func ParseSeverity(s string) (Severity, bool) {
	switch s {
	case "error":
		return Error, true
	case "warning":
		return Warning, true
	case "info":
		return Info, true
	}
	return 0, false
}

// Text is a message in Chinese and in English.
type Text struct {
	Zh string
	En string
}

// Operand is one number a finding is about, named by its printed label.
type Operand struct {
	Label   string // Chinese label as the report prints it
	LabelEn string
	Value   float64
	Span    parse.Span
	// Loc is where Span stands in the file the number is in, when that is
	// not the finding's own file (last year's report); zero: in the
	// finding's file, located as the finding is.
	Loc parse.Location
}

// Finding is one problem found in a report.
type Finding struct {
	Rule     string
	Severity Severity
	Span     parse.Span
	Message  Text
	// Operands are the numbers involved, Expected the value that would make
	// the identity hold (HasExpected is false where no single value does).
	Operands    []Operand
	Expected    float64
	HasExpected bool
	// Table, Row and Column name the cell the finding is about, by
	// canonical key, when it is about a cell.
	Table  string
	Row    string
	Column string
	// Path names the file the finding is in when it is not the file being
	// checked alone (a finding of a pair of reports); Related are the other
	// places it is about, such as the same cell in last year's report.
	Path    string
	Related []Location
	// Loc and EndLoc are where Span starts and ends in the original file,
	// for a finding made across reports (where the formats do not have
	// its report's text at hand); zero: located through the report the
	// finding is printed with.
	Loc, EndLoc parse.Location
	// Key tells apart the findings of one rule that are not about one cell
	// (a date, a table block): content that does not move with the line, such
	// as the date's role and text. Fingerprints use it with the cell.
	Key string
	// Soften lowers an error to a warning: the check rests on an inference
	// (columns inferred, not read) and must not be the basis of an error.
	Soften bool

	explicit bool
}

// Location is a place in a file other than the finding's own: a span of
// that file's decoded text, and where the span starts and ends in the file
// itself (Loc, EndLoc), found while its report was at hand. Make one with
// relatedIn.
type Location struct {
	Path        string
	Span        parse.Span
	Loc, EndLoc parse.Location
	Message     Text
}

// Rule is one check. A rule checks one report (Run) or a body's reports of
// two consecutive years (RunPair).
type Rule struct {
	ID       string
	Name     string // short name in Chinese
	NameEn   string // short name in English
	Severity Severity
	Doc      Text
	Run      func(*Pass)
	RunPair  func(*PairPass)
}

// Pass is what a rule sees while it runs: the report, the options and a
// way to report.
type Pass struct {
	Report   *parse.Report
	Rule     *Rule
	Options  Options
	findings []Finding
}

// Options are the settings some rules take.
type Options struct {
	// TownshipDeadline is the local deadline (month, day of the year after
	// the report year) for township and street reports, which the
	// Regulations do not set; zero: not checked.
	TownshipDeadline parse.YMD
}

// Add records a finding at the rule's severity, or one lower when the
// finding is softened. A rule that reports at several levels sets Severity
// itself and the rule's severity caps it.
func (p *Pass) Add(f Finding) {
	if f.Span.Start.Line == 0 {
		// a finding about the report as a whole, in a report without a
		// title: it points at the report's first line
		f.Span = p.Report.Anchor()
	}
	p.findings = append(p.findings, settle(p.Rule, f))
}

// settle fills in the rule and decides the severity.
func settle(rule *Rule, f Finding) Finding {
	f.Rule = rule.ID
	if f.Severity == Info && rule.Severity != Info && !f.explicit {
		f.Severity = rule.Severity
	}
	if f.Severity > rule.Severity {
		f.Severity = rule.Severity
	}
	if f.Soften && f.Severity == Error {
		f.Severity = Warning
	}
	return f
}

// At sets a finding's severity explicitly (below the rule's default).
func (f Finding) At(s Severity) Finding {
	f.Severity = s
	f.explicit = true
	return f
}

// Check runs the rules over a report and returns the findings sorted by
// position, then rule.
func Check(r *parse.Report, rules []*Rule) []Finding {
	return CheckWith(r, rules, Options{})
}

// CheckWith is Check with options.
func CheckWith(r *parse.Report, rules []*Rule, opt Options) []Finding {
	var out []Finding
	for _, rule := range rules {
		if rule.Run == nil {
			continue
		}
		p := &Pass{Report: r, Rule: rule, Options: opt}
		rule.Run(p)
		out = append(out, p.findings...)
	}
	SortFindings(out)
	return out
}

// SortFindings orders findings by line, column, then rule ID.
func SortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i].Span.Start, fs[j].Span.Start
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return fs[i].Rule < fs[j].Rule
	})
}

// Lookup returns the rule with the ID, or nil.
func Lookup(id string) *Rule {
	for _, r := range append(All(), InputRules()...) {
		if r.ID == id {
			return r
		}
	}
	return nil
}
