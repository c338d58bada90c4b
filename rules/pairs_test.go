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
				r, err := parse.ParseBytes(f.Name, f.Data)
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

// SharedProseDigests over many reports: a report is compared with the
// earlier reports it shares sentences with, however far back they stand,
// in order, and with no other (the other 2,000 share nothing).
func TestSharedProseDigestsAmongMany(t *testing.T) {
	sentence := func(h uint64, line int) rules.SentenceDigest {
		return rules.SentenceDigest{Hash: h, Len: 20, Span: parse.Span{Start: parse.Pos{Line: line, Col: 1}, End: parse.Pos{Line: line, Col: 21}}}
	}
	var ds []rules.Digest
	add := func(path, body string, year int, hashes ...uint64) {
		d := rules.Digest{Path: path, Issuer: body, Key: body, Year: year}
		for i, h := range hashes {
			d.Sentences = append(d.Sentences, sentence(h, i+1))
		}
		ds = append(ds, d)
	}
	add("a.txt", "甲县人民政府", 2020, 1, 2, 3, 4, 5, 6)
	for i := 0; i < 2000; i++ {
		add(fmt.Sprintf("other%d.txt", i), fmt.Sprintf("乙%d县人民政府", i), 2020, uint64(1000+3*i), uint64(1001+3*i), uint64(1002+3*i))
	}
	add("b.txt", "丙县人民政府", 2020, 1, 2, 3, 99)  // 3 of 4 sentences in a.txt
	add("c.txt", "丁县人民政府", 2019, 1, 2, 3, 4)   // another year: not compared
	add("d.txt", "戊县人民政府", 2020, 1, 2, 98, 97) // half in a.txt and in b.txt
	add("e.txt", "甲县人民政府", 2020, 5, 6, 60, 61) // half in a.txt, of the same body
	var got []string
	for _, f := range rules.SharedProseDigests(ds) {
		got = append(got, f.Path+" ~ "+f.Related[0].Path)
	}
	want := []string{"b.txt ~ a.txt", "d.txt ~ a.txt", "d.txt ~ b.txt"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("shared-prose pairs (-want +got):\n%s", diff)
	}
}
