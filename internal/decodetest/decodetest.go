// Package decodetest checks the promises of a decoded text, for the fuzz
// tests of decode and parse.
package decodetest

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/reportlint/reportlint/decode/source"
)

// CheckText fails the test unless every line has as many normalised runes
// as characters, and every line's start is located somewhere in the file.
func CheckText(t testing.TB, txt *source.Text) {
	t.Helper()
	if len(txt.Lines) != len(txt.Norm) {
		t.Fatalf("%d lines but %d normalised", len(txt.Lines), len(txt.Norm))
	}
	for i, l := range txt.Lines {
		if n := utf8.RuneCountInString(l); n != len(txt.Norm[i]) {
			t.Fatalf("line %d: %d runes but %d normalised", i+1, n, len(txt.Norm[i]))
		}
		if s, ok := txt.NormString(i); ok && s != string(txt.Norm[i]) {
			t.Fatalf("line %d: normalised string %q, want %q", i+1, s, string(txt.Norm[i]))
		}
		loc := txt.Locate(source.Pos{Line: i + 1, Col: 1})
		if loc.Line < 0 || loc.Col < 0 || (loc.Line == 0 && loc.Para == 0 && loc.Table == 0 && loc.Page == 0) {
			t.Fatalf("line %d located nowhere: %+v", i+1, loc)
		}
	}
}

// AddFiles adds the files the patterns match to a fuzz test's seed corpus.
func AddFiles(f *testing.F, patterns ...string) {
	f.Helper()
	for _, pattern := range patterns {
		paths, _ := filepath.Glob(pattern)
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
}

// DropLine is txt without its line i (0-based), as a crawl that lost the
// line would have decoded it: a report without its title. Positions are
// the decoded text's; the lines after i move up by one.
func DropLine(txt *source.Text, i int) *source.Text {
	r := source.Rendered{Name: txt.Name, Encoding: txt.Encoding, Format: txt.Format, Marks: txt.Marks()}
	for k := range txt.Lines {
		if k == i {
			continue
		}
		r.Lines = append(r.Lines, txt.Lines[k])
		r.Norm = append(r.Norm, txt.Norm[k])
		r.Changed = append(r.Changed, txt.Changed(k))
		r.Keys = append(r.Keys, txt.Keys(k))
		r.TableRow = append(r.TableRow, txt.IsTableRow(k))
	}
	return source.FromRendered(r)
}
