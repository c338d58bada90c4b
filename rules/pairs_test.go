package rules_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"

	"github.com/reportlint/reportlint/parse"
	"github.com/reportlint/reportlint/rules"
)

// TestPairCases checks the rules across reports: each testdata/pairs/*.txtar
// holds several reports (every section but "want") and the findings the
// pairing, the pair rules and the shared-prose check give, one a line:
// PATH:LINE:COL SEVERITY RULE MESSAGE, then the related places.
func TestPairCases(t *testing.T) {
	files, err := filepath.Glob("../testdata/pairs/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var ms []rules.Member
			for _, f := range ar.Files {
				if f.Name == "want" {
					continue
				}
				r, err := parseBytes(f.Name, f.Data)
				if err != nil {
					t.Fatalf("%s: %v", f.Name, err)
				}
				ms = append(ms, rules.Member{Path: f.Name, Report: r})
			}
			pairs, notes := rules.PairReports(ms)
			var b strings.Builder
			for _, p := range pairs {
				fmt.Fprintf(&b, "pair %s: %s -> %s\n", p.Body, p.Prev.Path, p.Cur.Path)
			}
			var fs []rules.Finding
			fs = append(fs, notes...)
			for _, p := range pairs {
				fs = append(fs, rules.CheckPair(p, rules.All())...)
			}
			fs = append(fs, rules.SharedProse(ms)...)
			for _, f := range fs {
				fmt.Fprintf(&b, "%s:%d:%d %s %s %s\n", f.Path, f.Span.Start.Line, f.Span.Start.Col, f.Severity, f.Rule, f.Message.Zh)
				for _, r := range f.Related {
					fmt.Fprintf(&b, "\trelated %s:%d:%d\n", r.Path, r.Span.Start.Line, r.Span.Start.Col)
				}
			}
			got := b.String()
			if *update {
				setSection(ar, "want", got)
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if diff := cmp.Diff(string(section(t, ar, "want")), got); diff != "" {
				t.Errorf("findings differ (-want +got):\n%s", diff)
			}
		})
	}
}

// The prose index over many reports: a report is compared with the earlier
// reports it shares sentences with, however far back they stand, in order,
// and with no other (the other 2,000 share nothing). Reports that cannot be
// read again are located at their titles.
func TestProseIndexAmongMany(t *testing.T) {
	ds, x := manyDigests(rules.NewProseIndex(rules.DefaultProseIndexLimit), 2000)
	var got []string
	for _, f := range x.Findings(ds, func(string) *parse.Report { return nil }) {
		got = append(got, fmt.Sprintf("%s:%d ~ %s:%d", f.Path, f.Span.Start.Line, f.Related[0].Path, f.Related[0].Span.Start.Line))
	}
	want := []string{"b.txt:2 ~ a.txt:1", "d.txt:4 ~ a.txt:1", "d.txt:4 ~ b.txt:2"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("shared-prose pairs (-want +got):\n%s", diff)
	}
}

// The index fills blocks of 16,384 sentences: with 6,000 others between
// them (18,006 sentences), a.txt and b.txt stand in different blocks and
// are found as before.
func TestProseIndexAcrossBlocks(t *testing.T) {
	ds, x := manyDigests(rules.NewProseIndex(rules.DefaultProseIndexLimit), 6000)
	var got []string
	for _, f := range x.Findings(ds, func(string) *parse.Report { return nil }) {
		got = append(got, fmt.Sprintf("%s:%d ~ %s:%d %s", f.Path, f.Span.Start.Line, f.Related[0].Path, f.Related[0].Span.Start.Line, f.Message.En))
	}
	if len(got) != 3 || !strings.HasPrefix(got[0], "b.txt:2 ~ a.txt:1 ") || !strings.Contains(got[0], "75%") ||
		!strings.HasPrefix(got[1], "d.txt:4 ~ a.txt:1 ") || !strings.HasPrefix(got[2], "d.txt:4 ~ b.txt:2 ") {
		t.Errorf("shared-prose across blocks: %q", got)
	}
}

// A full index leaves the later reports out and says so, at info level,
// on the first report it left out.
func TestProseIndexFull(t *testing.T) {
	// room for a.txt and the 2,000 others (6 + 6,000 sentences), not for b.txt
	ds, x := manyDigests(rules.NewProseIndex(6006), 2000)
	fs := x.Findings(ds, func(string) *parse.Report { return nil })
	if len(fs) != 1 || fs[0].Path != "b.txt" || fs[0].Severity != rules.Info || !strings.Contains(fs[0].Message.Zh, "前 2001 份报告") || !strings.Contains(fs[0].Message.Zh, "其后的 3 份") {
		t.Fatalf("findings of a full index: %+v", fs)
	}
}

// manyDigests are a.txt, others reports that share nothing, then b.txt to
// e.txt, added to the index in order.
func manyDigests(x *rules.ProseIndex, others int) ([]rules.Digest, *rules.ProseIndex) {
	var ds []rules.Digest
	// each report's title stands on the line its path's letter says (a 1, b 2, …)
	add := func(path, body string, year int, hashes ...uint64) {
		line := int(path[0]-'a') + 1
		d := rules.Digest{Path: path, Issuer: body, Key: body, Year: year,
			Title: parse.Span{Start: parse.Pos{Line: line, Col: 1}, End: parse.Pos{Line: line, Col: 9}}}
		for _, h := range hashes {
			d.Sentences = append(d.Sentences, rules.SentenceDigest{Hash: h, Len: 20})
			d.ProseLen += 20
		}
		x.Add(len(ds), &d)
		d.Sentences = nil
		ds = append(ds, d)
	}
	add("a.txt", "甲县人民政府", 2020, 1, 2, 3, 4, 5, 6)
	for i := 0; i < others; i++ {
		add(fmt.Sprintf("other%d.txt", i), fmt.Sprintf("乙%d县人民政府", i), 2020, uint64(1000+3*i), uint64(1001+3*i), uint64(1002+3*i))
	}
	add("b.txt", "丙县人民政府", 2020, 1, 2, 3, 99)  // 3 of 4 sentences in a.txt
	add("c.txt", "丁县人民政府", 2019, 1, 2, 3, 4)   // another year: not compared
	add("d.txt", "戊县人民政府", 2020, 1, 2, 98, 97) // half in a.txt and in b.txt
	add("e.txt", "甲县人民政府", 2020, 5, 6, 60, 61) // half in a.txt, of the same body
	return ds, x
}
