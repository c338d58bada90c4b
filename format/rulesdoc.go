package format

import (
	"fmt"
	"io"
	"strings"

	"github.com/reportlint/reportlint/rules"
)

// RulesDocumentPath is where the rules document stands in the repository,
// and HelpURI's base: each rule's section there.
const RulesDocumentPath = "docs/rules.md"

// HelpURI is the address of the rule's section of the rules document, as
// SARIF's helpUri: GitHub makes the anchor of a "## id" heading the id.
func HelpURI(repository, id string) string {
	return repository + "/blob/main/" + RulesDocumentPath + "#" + id
}

// RulesDocument writes the rules document: every rule's names, level,
// documentation in both languages and example, as `reportlint explain`
// gives them one at a time. docs/rules.md is this output (a test keeps
// it so).
func RulesDocument(w io.Writer, rs []*rules.Rule) error {
	var b strings.Builder
	b.WriteString("# reportlint 规则 · Rules\n\n")
	b.WriteString("本文件由 `go test ./format -run TestRulesDocument -update` 从规则注册表生成，请勿手改。\n")
	b.WriteString("Generated from the rule registry by `go test ./format -run TestRulesDocument -update`; do not edit by hand.\n\n")
	b.WriteString("| 规则 Rule | 级别 Level | 名称 | Name |\n|---|---|---|---|\n")
	for _, r := range rs {
		fmt.Fprintf(&b, "| [`%s`](#%s) | %s | %s | %s |\n", r.ID, r.ID, r.Severity, r.Name, r.NameEn)
	}
	for _, r := range rs {
		writeRuleSection(&b, r)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeRuleSection(b *strings.Builder, r *rules.Rule) {
	fmt.Fprintf(b, "\n## %s\n\n", r.ID)
	fmt.Fprintf(b, "**%s** · %s · 默认级别 default level: `%s`\n\n", r.Name, r.NameEn, r.Severity)
	fmt.Fprintf(b, "%s\n\n%s\n", r.Doc.Zh, r.Doc.En)
	ex, ok := rules.ExampleOf(r.ID)
	if !ok {
		return
	}
	for _, part := range []struct{ label, text string }{
		{"上一年度的报告 · Last year's report", ex.Prev},
		{"另一机关的报告 · Another body's report", ex.Other},
		{"示例（报告片段）· Example (report excerpt)", ex.Report},
		{"报告 · Reported", ex.Want.Zh},
		{"Reported (--lang en)", ex.Want.En},
	} {
		if part.text == "" {
			continue
		}
		fmt.Fprintf(b, "\n%s:\n\n```\n%s", part.label, part.text)
		if !strings.HasSuffix(part.text, "\n") {
			b.WriteString("\n")
		}
		b.WriteString("```\n")
	}
}
