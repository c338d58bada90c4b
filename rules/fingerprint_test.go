package rules_test

import (
	"testing"

	"github.com/reportlint/reportlint/parse"
	"github.com/reportlint/reportlint/rules"
)

func TestFingerprints(t *testing.T) {
	at := func(line, col int) parse.Span {
		return parse.Span{Start: parse.Pos{Line: line, Col: col}, End: parse.Pos{Line: line, Col: col + 1}}
	}
	cell := rules.Finding{Rule: "apply-balance", Table: "applications", Row: "apply.result.total", Column: "natural", Span: at(29, 9)}
	base := rules.Fingerprints("a/001.txt", []rules.Finding{cell})[0]
	if len(base) != 32 {
		t.Errorf("fingerprint %q: want 32 hex digits", base)
	}

	moved := cell
	moved.Span = at(30, 12)
	moved.Message = rules.Text{Zh: "其他文字", En: "other words"}
	moved.Operands = []rules.Operand{{Label: "本年新收", Value: 4}}
	if got := rules.Fingerprints("a/001.txt", []rules.Finding{moved})[0]; got != base {
		t.Errorf("the line, message or numbers changed the fingerprint: %s vs %s", got, base)
	}

	for name, f := range map[string]func(*rules.Finding){
		"rule":   func(f *rules.Finding) { f.Rule = "apply-row-total" },
		"table":  func(f *rules.Finding) { f.Table = "review" },
		"row":    func(f *rules.Finding) { f.Row = "apply.new" },
		"column": func(f *rules.Finding) { f.Column = "total" },
		"key":    func(f *rules.Finding) { f.Key = "signed:2017年3月18日" },
	} {
		g := cell
		f(&g)
		if got := rules.Fingerprints("a/001.txt", []rules.Finding{g})[0]; got == base {
			t.Errorf("changing the %s kept the fingerprint", name)
		}
	}
	if got := rules.Fingerprints("b/001.txt", []rules.Finding{cell})[0]; got == base {
		t.Errorf("another file gave the same fingerprint")
	}

	// two findings with the same identity are told apart by their order
	two := rules.Fingerprints("a/001.txt", []rules.Finding{cell, moved})
	if two[0] != base || two[1] != base+"-2" {
		t.Errorf("duplicates: %v, want %s and %s-2", two, base, base)
	}
}

// TestFingerprintLiterals pins the fingerprints themselves: a baseline
// written by one release must match the next, so the hash may not change
// by accident. The values were computed independently, with Python's
// hashlib over the same NUL-separated fields.
func TestFingerprintLiterals(t *testing.T) {
	fs := []rules.Finding{
		{Rule: "apply-balance", Table: "applications", Column: "total"},
		{Rule: "apply-balance", Table: "applications", Column: "total"},
		{Rule: "date-before-period-end", Key: "signed"},
	}
	got := rules.Fingerprints("reports/2021/左岭街道.txt", fs)
	want := []string{"d4887d5ed41a80c562f0c77825f6bb4c", "d4887d5ed41a80c562f0c77825f6bb4c-2", "de1fb3696f27f5f1db7de4f33b6bc447"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("finding %d: fingerprint %s, want %s", i, got[i], want[i])
		}
	}
}
