package format

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reportlint/reportlint/parse"
	"github.com/reportlint/reportlint/rules"
)

// statusKinds are the tables a status names, in the order it names them.
var statusKinds = []parse.TableKind{parse.TableStatistics, parse.TableItems, parse.TableApplications, parse.TableReview}

// tableState is what the status says about one kind of table: the worst
// status of its tables, or that the template has it and the report does not.
type tableState struct {
	Kind    parse.TableKind
	Missing bool
	Status  parse.TableStatus
	Off     bool // none of the rules that check it ran
}

// tableStates lists the tables a status line names: each kind the report
// has, and 表三 and 表四 when a 2019 or 2021 report lacks them. A table
// none of whose rules ran (ruleSet; nil for all) is said to be off.
func tableStates(r *parse.Report, ruleSet []*rules.Rule) []tableState {
	var out []tableState
	for _, kind := range statusKinds {
		if !rules.ChecksTable(ruleSet, kind) {
			if len(r.TablesOf(kind)) > 0 {
				out = append(out, tableState{Kind: kind, Off: true})
			}
			continue
		}
		ts := r.TablesOf(kind)
		if len(ts) == 0 {
			if slices.Contains(r.MissingTables(), kind) {
				out = append(out, tableState{Kind: kind, Missing: true})
			}
			continue
		}
		out = append(out, tableState{Kind: kind, Status: worst(ts)})
	}
	return out
}

func (s tableState) words(en bool) string {
	if s.Off {
		return tableWord(s.Kind, en) + pick(en, " not checked (its rules are off)", "未核对（规则未启用）")
	}
	if s.Missing {
		return tableWord(s.Kind, en) + pick(en, " not found", "未找到")
	}
	return tableWord(s.Kind, en) + statusWord(s.Status, en)
}

// bodyTitleRe finds the issuing body inside a title that begins with the
// year: "2019年上海市人民政府办公厅政府信息公开工作年度报告".
var bodyTitleRe = regexp.MustCompile(`^(?:19|20)\d{2}\s*年\s*度?\s*(.*?)\s*(?:政府)?信息公开`)

// IssuingBody derives the body that issued the report from its title, since
// the model does not record it: the text before the year on the title's line
// ("咸嘉湖街道2016年…", or "…现将左岭街道2021年…" within a sentence), or the
// line above when the title was broken before the year, else the text
// between the year and 信息公开 ("2019年上海市人民政府办公厅政府信息
// 公开…"). It is empty when the title names none.
func IssuingBody(r *parse.Report) string {
	if r == nil || r.Title == "" {
		return ""
	}
	if r.Issuer != "" {
		return r.Issuer
	}
	if i := r.TitleSpan.Start.Line - 1; i >= 0 && i < len(r.Text.Lines) {
		line := []rune(r.Text.Lines[i])
		if c := r.TitleSpan.Start.Col - 1; c > 0 && c <= len(line) {
			if body := lastPhrase(string(line[:c])); body != "" {
				return body
			}
		}
		// a title broken before the year (PDF text): the body is the line
		// above, alone on it, when it ends like a body's name
		if prev := prevLine(r.Text.Lines, i); bodySuffixRe.MatchString(prev) && lastPhrase(prev) == prev {
			return prev
		}
	}
	if m := bodyTitleRe.FindStringSubmatch(r.Title); m != nil {
		return strings.TrimSpace(m[1])
	}
	return ""
}

// bodySuffixRe matches the end of an issuing body's name.
var bodySuffixRe = regexp.MustCompile(`(?:政府|局|委员会|委|办公室|办事处|街道|镇|乡|管委会|中心|厅)$`)

func prevLine(lines []string, i int) string {
	for j := i - 1; j >= 0; j-- {
		if s := strings.TrimSpace(lines[j]); s != "" {
			return s
		}
	}
	return ""
}

// lastPhrase returns the text after the last punctuation or space, without
// a leading 现将 or 关于, if it is a plausible name (2 to 30 characters).
func lastPhrase(s string) string {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	if i := strings.LastIndexFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r)
	}); i >= 0 {
		_, size := utf8.DecodeRuneInString(s[i:])
		s = s[i+size:]
	}
	for _, lead := range []string{"现将", "关于"} {
		s = strings.TrimPrefix(s, lead)
	}
	if n := len([]rune(s)); n < 2 || n > 30 {
		return ""
	}
	return s
}
