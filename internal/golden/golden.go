// Package golden reads the command line's golden output for a seed report
// (testdata/seeds/NNN.golden), so that other front ends can be tested
// against what the command line prints.
package golden

import (
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
)

// Finding is one finding line: `path:line:col: severity: message [rule]`.
type Finding struct {
	Line, Col int
	Severity  string
	Message   string
	Rule      string
}

func (f Finding) String() string {
	return fmt.Sprintf("%d:%d %s %s %s", f.Line, f.Col, f.Severity, f.Rule, f.Message)
}

// Output is one file's part of the text output.
type Output struct {
	Findings []Finding
	Status   string // the status line without the path, e.g. 状态：2017年度，…
}

var findingRe = regexp.MustCompile(`^:(\d+):(\d+): (error|warning|info): (.*) \[([a-z0-9-]+)\]$`)

// Read reads the golden output of the single file that path names.
func Read(goldenPath, reportPath string) (*Output, error) {
	data, err := os.ReadFile(goldenPath)
	if err != nil {
		return nil, err
	}
	out := &Output{}
	for _, l := range strings.Split(strings.TrimRight(string(data), "\n"), "\n") {
		i := strings.Index(l, reportPath)
		if i < 0 {
			continue // the summary line
		}
		rest := l[i+len(reportPath):]
		if strings.HasPrefix(rest, ": ") {
			out.Status = rest[2:]
			continue
		}
		m := findingRe.FindStringSubmatch(rest)
		if m == nil {
			return nil, fmt.Errorf("%s: cannot read line %q", goldenPath, l)
		}
		line, _ := strconv.Atoi(m[1])
		col, _ := strconv.Atoi(m[2])
		out.Findings = append(out.Findings, Finding{Line: line, Col: col, Severity: m[3], Message: m[4], Rule: m[5]})
	}
	if out.Status == "" {
		return nil, fmt.Errorf("%s: no status line for %s", goldenPath, reportPath)
	}
	return out, nil
}
