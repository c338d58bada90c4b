package main

import (
	"strings"
	"testing"

	"github.com/reportlint/reportlint/rules"
)

// FuzzSettings: whatever a settings file holds, reading it gives an error
// that starts ":" (the caller puts the file name before it) or settings
// that name only known rules, levels and formats, never a panic.
func FuzzSettings(f *testing.F) {
	for _, seed := range []string{
		"", "enable: [deadline]\n", "disable: deadline, claim-rate\nfail-on: warning\n",
		"fail-on: [error]\n", "enable:\n  - {a: 1}\n", "- a\n- b\n", "x: 1\n", "enable: ~\n",
		"a: &a [*a]\n", "fail-on: &x info\ndisable: *x\n", "\xff\xfe", "enable: \"deadline,,\"\n",
		"exclude: ['*.md', 'a/**']\nmin-level: warning\nformat: sarif\njobs: 3\n", "enable: 'carry-*'\n",
	} {
		f.Add([]byte(seed), false)
	}
	f.Fuzz(func(t *testing.T, data []byte, en bool) {
		fs := newFlagSet()
		err := parseConfig(data, fs, en)
		if err != nil {
			if !strings.HasPrefix(err.Error(), ":") {
				t.Fatalf("error without the place for the file name: %v", err)
			}
			return
		}
		for _, name := range []string{"fail-on", "min-level"} {
			if v, _ := fs.GetString(name); v != "" {
				if _, ok := rules.ParseSeverity(v); !ok {
					t.Fatalf("accepted %s %q", name, v)
				}
			}
		}
		if v, _ := fs.GetString("format"); !validFormatName(v) {
			t.Fatalf("accepted format %q", v)
		}
		enable, _ := fs.GetStringSlice("enable")
		disable, _ := fs.GetStringSlice("disable")
		for _, id := range append(append([]string{}, enable...), disable...) {
			if len(matchRules(id)) == 0 {
				t.Fatalf("accepted rule %q", id)
			}
		}
		if _, err := selectRules(enable, disable, en); err != nil && !strings.Contains(err.Error(), "--disable") {
			t.Fatalf("accepted settings that select no rules for another reason: %v", err)
		}
	})
}

func validFormatName(s string) bool {
	_, ok := parseFormat(s)
	return ok
}
