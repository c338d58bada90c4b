package main

import (
	"strings"
	"testing"

	"github.com/reportlint/reportlint/rules"
)

// FuzzSettings: whatever a settings file holds, reading it gives an error
// that starts ":" (the caller puts the file name before it) or settings
// naming only known rules and a known level, never a panic.
func FuzzSettings(f *testing.F) {
	for _, seed := range []string{
		"", "enable: [deadline]\n", "disable: deadline, claim-rate\nfail-on: warning\n",
		"fail-on: [error]\n", "enable:\n  - {a: 1}\n", "- a\n- b\n", "x: 1\n", "enable: ~\n",
		"a: &a [*a]\n", "fail-on: &x info\ndisable: *x\n", "\xff\xfe", "enable: \"deadline,,\"\n",
	} {
		f.Add([]byte(seed), false)
	}
	f.Fuzz(func(t *testing.T, data []byte, en bool) {
		s := settings{failOn: "error"}
		err := parseConfig(data, &s, en)
		if err != nil {
			if !strings.HasPrefix(err.Error(), ":") {
				t.Fatalf("error without the place for the file name: %v", err)
			}
			return
		}
		if _, ok := rules.ParseSeverity(s.failOn); !ok {
			t.Fatalf("accepted level %q", s.failOn)
		}
		for _, id := range append(append([]string{}, s.enable...), s.disable...) {
			if rules.Lookup(id) == nil {
				t.Fatalf("accepted rule %q", id)
			}
		}
		if _, _, err := selectRules(s, en); err != nil && !strings.Contains(err.Error(), "--disable") {
			t.Fatalf("accepted settings that select no rules for another reason: %v", err)
		}
	})
}
