package web

import (
	"bytes"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestCommittedPageIsCurrent builds the generated files of the page from
// the current sources and compares them with the committed ones in
// web/page, byte for byte: the build is reproducible, and a change to the
// checker must be followed by `go generate ./web`. The hand-written files
// of web/page are the sources themselves, so there is nothing to compare
// them with. The generated files are compared only when the Go release is
// the one that built the committed page: both come from it.
func TestCommittedPageIsCurrent(t *testing.T) {
	fresh, generated := builtPage(t)
	if !slices.Contains(generated, "reportlint-wasm.js") {
		t.Fatalf("the build generated %v, without reportlint-wasm.js", generated)
	}
	goVersion, err := exec.Command("go", "env", "GOVERSION").Output()
	if err != nil {
		t.Fatal(err)
	}
	current := strings.TrimSpace(string(goVersion))
	committed := builtWith(filepath.Join("page", "reportlint-wasm.js"))
	for _, name := range generated {
		got, err := os.ReadFile(filepath.Join("page", name))
		if err != nil {
			t.Errorf("web/page/%s is missing: run go generate ./web", name)
			continue
		}
		want, err := os.ReadFile(filepath.Join(fresh, name))
		if err != nil {
			t.Fatal(err)
		}
		if committed != current {
			t.Logf("web/page was built with %s, this is %s: its %s is not compared", committed, current, name)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("web/page/%s differs from a build of the current sources: run go generate ./web", name)
		}
	}
}

var builtWithRe = regexp.MustCompile(`compiled with (go[^ ]+) for`)

// builtWith reads the Go release from the header of reportlint-wasm.js.
func builtWith(path string) string {
	script, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	if m := builtWithRe.FindSubmatch(script[:min(len(script), 400)]); m != nil {
		return string(m[1])
	}
	return ""
}

func TestEmbeddedPage(t *testing.T) {
	for _, name := range pageFiles {
		info, err := fs.Stat(Page(), name)
		if err != nil {
			t.Errorf("the embedded page has no %s", name)
		} else if info.Size() == 0 {
			t.Errorf("the embedded %s is empty", name)
		}
	}
}

// TestHandler: the server answers GET with the page and its security
// headers, and refuses anything that would send it data.
func TestHandler(t *testing.T) {
	srv := httptest.NewServer(Handler())
	defer srv.Close()
	for _, c := range []struct {
		path, contains, contentType string
	}{
		{"/", "政府信息公开工作年度报告检查", "text/html"},
		{"/app.js", "reportlintCheck", "text/javascript"},
		{"/reportlint-wasm.js", "globalThis.reportlintWasmGzip", "text/javascript"},
		{"/style.css", "content-visibility", "text/css"},
	} {
		resp, err := http.Get(srv.URL + c.path)
		if err != nil {
			t.Fatal(err)
		}
		var body bytes.Buffer
		body.ReadFrom(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || !strings.Contains(body.String(), c.contains) {
			t.Errorf("GET %s: %s, body without %q", c.path, resp.Status, c.contains)
		}
		if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, c.contentType) {
			t.Errorf("GET %s: Content-Type %q, want %s", c.path, ct, c.contentType)
		}
		if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "connect-src 'none'") {
			t.Errorf("GET %s: Content-Security-Policy %q", c.path, csp)
		}
	}
	for _, method := range []string{http.MethodPost, http.MethodPut, http.MethodDelete} {
		req, _ := http.NewRequest(method, srv.URL+"/", strings.NewReader("2019年政府信息公开工作年度报告"))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusMethodNotAllowed {
			t.Errorf("%s /: %s, want 405", method, resp.Status)
		}
	}
	resp, err := http.Get(srv.URL + "/missing.js")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("GET /missing.js: %s, want 404", resp.Status)
	}
}
