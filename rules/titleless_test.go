package rules_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/reportlint/reportlint/decode"
	"github.com/reportlint/reportlint/internal/decodetest"
	"github.com/reportlint/reportlint/parse"
	"github.com/reportlint/reportlint/rules"
)

// TestReportsWithoutTitle: crawls often keep a report's body and lose its
// title line. Each real report in testdata (the seeds, the corpus copies,
// the PDFs when pdftotext is at hand) is read again without the line the
// parser takes as its title: it is still a report, of the same year, and
// its table findings are the same (rule, cell, severity, message, numbers
// and the value that would make them right), one line up past the title.
// Only the deadline may differ: the body without its title names no issuer,
// and an unknown issuer is an info (see TestDeadlineWithoutIssuer).
func TestReportsWithoutTitle(t *testing.T) {
	var files []string
	for _, p := range []string{"../testdata/seeds/*.txt", "../testdata/corpus/*.txt", "../testdata/corpus/*.md", "../testdata/corpus/*.html"} {
		m, _ := filepath.Glob(p)
		files = append(files, m...)
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		m, _ := filepath.Glob("../testdata/corpus/pdf/*.pdf")
		files = append(files, m...)
	}
	checked, compared := 0, 0
	for _, f := range files {
		t.Run(strings.TrimPrefix(f, "../testdata/"), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			txt, err := decode.Bytes(context.Background(), f, data, decode.Options{Marks: parse.Marks})
			if err != nil {
				t.Fatal(err)
			}
			rep, err := parse.Parse(txt)
			if err != nil {
				if strings.HasSuffix(f, "README.md") {
					return // the folder's README: not a report
				}
				t.Fatal(err)
			}
			if rep.Title == "" {
				t.Fatal("the report has no title to delete")
			}
			title := rep.TitleSpan.Start.Line // 1-based
			bare, err := parse.Parse(decodetest.DropLine(txt, title-1))
			if err != nil {
				t.Fatalf("without its title (line %d): %v", title, err)
			}
			if bare.Year != rep.Year {
				t.Errorf("year %d without the title, %d with it", bare.Year, rep.Year)
			}
			with := tableFindings(rules.Check(rep, rules.All()), title)
			without := tableFindings(rules.Check(bare, rules.All()), 0)
			compared += len(with)
			if diff := cmp.Diff(with, without); diff != "" {
				t.Errorf("table findings differ without the title (-with +without):\n%s", diff)
			}
			for _, f := range rules.Check(bare, rules.All()) {
				if f.Span.Start.Line < 1 {
					t.Errorf("finding at line %d: %s %s", f.Span.Start.Line, f.Rule, f.Message.Zh)
				}
			}
			checked++
		})
	}
	if checked < 30 || compared < 30 {
		t.Errorf("only %d reports checked, %d table findings compared", checked, compared)
	}
}

// tableFindings are the findings about tables, one line each, with their
// lines as they stand once the title line is deleted: the lines after
// title move up by one (title 0: as they are).
func tableFindings(fs []rules.Finding, title int) []string {
	shift := func(s parse.Span) string {
		a, b := s.Start, s.End
		if title > 0 && a.Line > title {
			a.Line--
		}
		if title > 0 && b.Line > title {
			b.Line--
		}
		return fmt.Sprintf("%d:%d-%d:%d", a.Line, a.Col, b.Line, b.Col)
	}
	var out []string
	for _, f := range fs {
		if f.Table == "" {
			continue
		}
		s := fmt.Sprintf("%s %s %s %s/%s/%s %s", shift(f.Span), f.Severity, f.Rule, f.Table, f.Row, f.Column, f.Message.Zh)
		for _, o := range f.Operands {
			s += fmt.Sprintf(" [%s=%g@%s]", o.Label, o.Value, shift(o.Span))
		}
		if f.HasExpected {
			s += fmt.Sprintf(" want %g", f.Expected)
		}
		out = append(out, s)
	}
	return out
}

// TestDeadlineWithoutIssuer: a 2019-or-later report without its title
// names no issuer, so whether the 1月31日 or the 3月31日 deadline applies
// cannot be told; the deadline rule says so at info level and reports no
// error, however late the page date.
func TestDeadlineWithoutIssuer(t *testing.T) {
	data, err := os.ReadFile("../testdata/seeds/004.txt")
	if err != nil {
		t.Fatal(err)
	}
	txt, err := decode.Bytes(context.Background(), "004.txt", data, decode.Options{Marks: parse.Marks})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := parse.Parse(txt)
	if err != nil {
		t.Fatal(err)
	}
	bare, err := parse.Parse(decodetest.DropLine(txt, rep.TitleSpan.Start.Line-1))
	if err != nil {
		t.Fatal(err)
	}
	if bare.Issuer != "" || bare.IssuerKind != parse.IssuerUnknown || bare.Year != 2019 {
		t.Fatalf("issuer %q (%v), year %d", bare.Issuer, bare.IssuerKind, bare.Year)
	}
	var got []string
	for _, f := range rules.Check(bare, []*rules.Rule{ruleByID(t, "deadline")}) {
		got = append(got, fmt.Sprintf("%d:%d %s %s", f.Span.Start.Line, f.Span.Start.Col, f.Severity, f.Message.Zh))
	}
	want := []string{"4:6 info 报告没有标题，找不到发布机关，无法判断是政府还是部门（部门应于2020年1月31日前、县级以上政府应于2020年3月31日前公布），公布期限未核对"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func ruleByID(t *testing.T, id string) *rules.Rule {
	t.Helper()
	for _, r := range rules.All() {
		if r.ID == id {
			return r
		}
	}
	t.Fatalf("no rule %s", id)
	return nil
}
