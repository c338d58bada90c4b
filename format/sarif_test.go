package format

import "testing"

// TestURIOf: SARIF artifact URIs are escaped relative references.
func TestURIOf(t *testing.T) {
	for path, want := range map[string]string{
		"testdata/seeds/001.txt": "testdata/seeds/001.txt",
		"报告/2019 年.txt":          "%E6%8A%A5%E5%91%8A/2019%20%E5%B9%B4.txt",
		"../reports/a#1.txt":     "../reports/a%231.txt",
		"a:b.txt":                "./a:b.txt", // not a scheme
	} {
		if got := uriOf(path); got != want {
			t.Errorf("uriOf(%q) = %q, want %q", path, got, want)
		}
	}
}
