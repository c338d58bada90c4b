package format

import (
	"fmt"
	"strings"

	"github.com/reportlint/reportlint/internal/bilingual"
	"github.com/reportlint/reportlint/rules"
)

// Tally counts a run's files: given (after folders are walked), checked,
// not checked (could not be read, or named though not a report), and not
// reports found in a folder (skipped).
type Tally struct {
	Given, Checked, Unchecked, NotReports int
}

// Add counts one file's result.
func (t *Tally) Add(res FileResult) {
	t.Given++
	switch {
	case res.Err == nil:
		t.Checked++
	case res.Skipped:
		t.NotReports++
	default:
		t.Unchecked++
	}
}

// addPart counts a file's part, as Add counts its result.
func (t *Tally) addPart(p Part) {
	t.Add(FileResult{Err: p.Err, Skipped: p.Skipped})
}

// InputFinding is what the output says of a file that was not checked: an
// error (input-unreadable), or a note for a file in a folder that is not
// a report (input-not-report). It has no place in the file.
func InputFinding(res FileResult) rules.Finding {
	rule := rules.InputUnreadable
	if res.Skipped {
		rule = rules.InputNotReport
	}
	zh, en := bilingual.Text(res.Err)
	// the error names the file first; the finding's line names it already
	zh = strings.TrimPrefix(zh, res.Path+": ")
	en = strings.TrimPrefix(en, res.Path+": ")
	if res.Skipped {
		zh += "，已跳过"
		en += "; skipped"
	}
	return rules.Finding{Rule: rule.ID, Severity: rule.Severity, Path: res.Path, Message: rules.Text{Zh: zh, En: en}}
}

// summaryLine is the text output's last line: the files and the findings.
// A run that checked every file it was given says so in a few words; one
// that could not says how many files were given, checked and not.
func summaryLine(t Tally, c [3]int, en bool) string {
	if t.Unchecked == 0 && t.NotReports == 0 {
		return summary(t.Checked, c, en)
	}
	if en {
		return fmt.Sprintf("%d %s given: %d checked, %d not checked, %d not %s (skipped); %d %s, %d %s, %d %s",
			t.Given, plural(t.Given, "file"), t.Checked, t.Unchecked, t.NotReports, pick(t.NotReports == 1, "a report", "reports"),
			c[rules.Error], plural(c[rules.Error], "error"), c[rules.Warning], plural(c[rules.Warning], "warning"), c[rules.Info], plural(c[rules.Info], "info"))
	}
	return fmt.Sprintf("共 %d 个文件：已检查 %d 个，未能检查 %d 个，非年度报告已跳过 %d 个；错误 %d 个，警告 %d 个，提示 %d 个",
		t.Given, t.Checked, t.Unchecked, t.NotReports, c[rules.Error], c[rules.Warning], c[rules.Info])
}
