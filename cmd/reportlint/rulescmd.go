package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/pflag"

	"github.com/reportlint/reportlint/rules"
)

// runRules prints every rule: ID, default severity, name and doc.
//
//	reportlint rules [--lang zh|en]
func runRules(args []string, stdout, stderr io.Writer) int {
	en, rest, code := subcommandFlags("rules", args, stderr)
	if code >= 0 {
		return code
	}
	if len(rest) > 0 {
		fmt.Fprintf(stderr, "reportlint rules: %s\n", say(en, "不接受参数", "takes no arguments"))
		return exitUsage
	}
	for i, r := range rules.All() {
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		name, doc := r.Name, r.Doc.Zh
		if en {
			name, doc = r.NameEn, r.Doc.En
		}
		fmt.Fprintf(stdout, "%s [%s] %s\n  %s\n", r.ID, r.Severity, name, doc)
	}
	return exitClean
}

// runExplain prints one rule's doc and its example: a report excerpt and
// what the rule reports on it.
//
//	reportlint explain [--lang zh|en] RULE
func runExplain(args []string, stdout, stderr io.Writer) int {
	en, rest, code := subcommandFlags("explain", args, stderr)
	if code >= 0 {
		return code
	}
	if len(rest) != 1 {
		fmt.Fprintf(stderr, "%s: reportlint explain [--lang zh|en] RULE\n", say(en, "用法", "usage"))
		return exitUsage
	}
	r := rules.Lookup(rest[0])
	if r == nil {
		fmt.Fprintf(stderr, "reportlint explain: %s\n", unknownRule(rest[0], en))
		return exitUsage
	}
	name, doc := r.Name, r.Doc.Zh
	if en {
		name, doc = r.NameEn, r.Doc.En
	}
	fmt.Fprintf(stdout, "%s [%s] %s\n\n%s\n", r.ID, r.Severity, name, doc)
	if ex, ok := rules.ExampleOf(r.ID); ok {
		want := ex.Want.Zh
		if en {
			want = ex.Want.En
		}
		fmt.Fprintf(stdout, "\n%s\n", say(en, "示例（报告片段）：", "Example (report excerpt):"))
		lines := strings.Split(strings.TrimSuffix(ex.Report, "\n"), "\n")
		for i, l := range lines {
			fmt.Fprintf(stdout, "%4d | %s\n", i+1, l)
		}
		fmt.Fprintf(stdout, "\n%s\n", say(en, "reportlint 报告（行:列）：", "reportlint reports (line:column):"))
		for _, l := range strings.Split(strings.TrimSuffix(want, "\n"), "\n") {
			fmt.Fprintf(stdout, "  %s\n", l)
		}
	}
	return exitClean
}

// subcommandFlags parses --lang for a subcommand. code is -1 to go on, or
// the exit code to return.
func subcommandFlags(name string, args []string, stderr io.Writer) (en bool, rest []string, code int) {
	fs := pflag.NewFlagSet("reportlint "+name, pflag.ContinueOnError)
	fs.SetOutput(stderr)
	lang := fs.String("lang", "zh", "language: zh or en")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return false, nil, exitClean
		}
		fmt.Fprintf(stderr, "reportlint %s: %v\n", name, err)
		return false, nil, exitUsage
	}
	if *lang != "zh" && *lang != "en" {
		fmt.Fprintf(stderr, "reportlint: --lang 只能是 zh 或 en (must be zh or en), not %q\n", *lang)
		return false, nil, exitUsage
	}
	return *lang == "en", fs.Args(), -1
}
