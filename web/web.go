// Package web holds the reportlint page: findings shown beside the report's
// text, checked in the browser by reportlint compiled to WebAssembly. The
// page's sources are in src/; `go generate ./web` builds the page into
// page/, which is committed and embedded here for `reportlint serve`.
package web

//go:generate go run ./internal/genpage -src src -o page

import (
	"embed"
	"io/fs"
	"net/http"
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
// header: the page may load its own files and nothing else, and may
// connect nowhere.
const contentSecurityPolicy = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// Handler serves the page. It answers GET and HEAD only: a report is never
// sent to it, and it keeps nothing.
func Handler() http.Handler {
	return handler(Page())
}

func handler(page fs.FS) http.Handler {
	fileServer := http.FileServerFS(page)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "只提供页面，不接收任何数据 (this server only serves the page)", http.StatusMethodNotAllowed)
			return
		}
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cache-Control", "no-cache")
		fileServer.ServeHTTP(w, r)
	})
}
