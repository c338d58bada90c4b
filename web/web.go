// Package web holds the reportlint page: findings shown beside the report's
// text, checked in the browser by reportlint compiled to WebAssembly. The
// page is the folder page/: its hand-written files (index.html, app.js,
// style.css) are kept there and only there, and `go generate ./web` writes
// the generated ones (reportlint-wasm.js, wasm_exec.js) beside them. The
// folder is committed whole, so that it opens from file:// as it is, and is
// embedded here for `reportlint serve`.
package web

// genpage writes only the generated files and leaves the hand-written ones
// alone.
//go:generate go run ./internal/genpage -o page

import (
	"embed"
	"io/fs"
	"net"
	"net/http"
	"strings"
)

//go:embed page
var files embed.FS

// Page returns the built page's files.
func Page() fs.FS {
	sub, err := fs.Sub(files, "page")
	if err != nil {
		panic(err) // the folder is embedded above
	}
	return sub
}

// contentSecurityPolicy is the index.html's own policy, repeated as a
// header: the page may load its own files and nothing else, start its
// checker's worker from a blob: URL it makes, and connect nowhere (nor may
// the worker, which keeps the policy).
const contentSecurityPolicy = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src blob:; style-src 'self'; img-src 'self' data:; connect-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// Handler serves the page. It answers GET and HEAD only: a report is never
// sent to it, and it keeps nothing.
func Handler() http.Handler {
	return handler(Page())
}

func handler(page fs.FS) http.Handler {
	fileServer := http.FileServerFS(page)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// every answer, a refusal too, carries the headers
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cache-Control", "no-cache")
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			h.Set("Allow", "GET, HEAD")
			http.Error(w, "只提供页面，不接收任何数据 (this server only serves the page)", http.StatusMethodNotAllowed)
			return
		}
		fileServer.ServeHTTP(w, r)
	})
}

// HostGuard answers only requests whose Host names this server: an IP
// address, localhost, or listenHost (the name it was told to listen on).
// A page of another site that points its own name at this address (DNS
// rebinding) sends that name as Host and is refused; nothing is at stake
// today, but the server says no.
func HostGuard(next http.Handler, listenHost string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host := r.Host
		if h, _, err := net.SplitHostPort(host); err == nil {
			host = h
		}
		host = strings.TrimSuffix(strings.Trim(host, "[]"), ".")
		if net.ParseIP(host) == nil && !strings.EqualFold(host, "localhost") && !strings.EqualFold(host, listenHost) {
			w.Header().Set("Content-Security-Policy", contentSecurityPolicy)
			w.Header().Set("X-Content-Type-Options", "nosniff")
			http.Error(w, "主机名不是本服务器的 (the Host is not this server's)", http.StatusMisdirectedRequest)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// MarksScript is the page's marks.js: how the page marks findings in a
// report's lines. The collection report of `reportlint --format html`
// inlines it, so that a report is marked there as the page marks it.
func MarksScript() string {
	b, err := files.ReadFile("page/marks.js")
	if err != nil {
		panic(err) // the folder is embedded above
	}
	return string(b)
}
