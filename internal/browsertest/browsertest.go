// Package browsertest opens pages in headless Chromium, driven through the
// DevTools protocol, for the tests of the web page (web/) and of the HTML
// collection report (cmd/reportlint): a tab that records every request the
// page makes and every error it reports, and the few steps those tests take
// in it.
//
// Without a chromium binary the tests skip; with REPORTLINT_REQUIRE_BROWSER=1
// (as .ci/run sets) they fail instead. REPORTLINT_CHROMIUM names the binary
// when it is not chromium, chromium-browser or google-chrome on PATH.
package browsertest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"sync"
	"testing"
	"time"

	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Chromium finds the browser, or skips the test when there is none (fails
// when REPORTLINT_REQUIRE_BROWSER=1).
func Chromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("REPORTLINT_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("REPORTLINT_REQUIRE_BROWSER") == "1" {
		t.Fatal("no chromium binary found, and REPORTLINT_REQUIRE_BROWSER=1: install Debian's chromium package (apt-get install chromium)")
	}
	t.Skip("no chromium binary found: the browser tests did not run (apt-get install chromium, or set REPORTLINT_CHROMIUM)")
	return ""
}

// Tab is one browser tab of its own browser. Ctx bounds every step in it
// (three minutes from its opening); T is the test that opened it.
type Tab struct {
	T   *testing.T
	Ctx context.Context

	mu       sync.Mutex
	requests []string
	problems []string
}

// Open starts a headless chromium with a fresh profile, 1360×1020, and
// returns its tab, listening. The browser ends with the test.
func Open(t *testing.T) *Tab {
	t.Helper()
	exe := Chromium(t)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.WindowSize(1360, 1020),
		// a loaded machine (the Go tests beside it) can take chromium
		// past chromedp's 20 s to print its DevTools address
		chromedp.WSURLReadTimeout(90*time.Second),
	)
	bctx := start(t, exe, opts)
	ctx, cancel := context.WithTimeout(bctx, 3*time.Minute)
	t.Cleanup(cancel)
	tb := &Tab{T: t, Ctx: ctx}
	if err := chromedp.Listen(bctx, tb.record); err != nil {
		t.Fatal(err)
	}
	return tb
}

// start starts chromium, up to three times: on a loaded machine it
// sometimes exits before it is up, which says nothing about the page.
func start(t *testing.T, exe string, opts []chromedp.ExecAllocatorOption) context.Context {
	t.Helper()
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		// a fresh profile each time: a browser that died may leave its lock
		fresh := append(append([]chromedp.ExecAllocatorOption(nil), opts...), chromedp.UserDataDir(t.TempDir()))
		actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), fresh...)
		bctx, cancelBrowser := chromedp.NewContext(actx)
		if err = chromedp.Do(bctx); err == nil { // start the browser, without the test's timeout
			t.Cleanup(func() {
				cancelBrowser()
				cancelAlloc()
			})
			return bctx
		}
		cancelBrowser()
		cancelAlloc()
	}
	t.Fatalf("starting %s: %v", exe, err)
	return nil
}

// record keeps the requests and the errors and warnings among the events.
func (tb *Tab) record(ev any) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	switch e := ev.(type) {
	case *network.EventRequestWillBeSent:
		tb.requests = append(tb.requests, e.Request.URL)
	case *runtime.EventExceptionThrown:
		d := e.ExceptionDetails
		msg := d.Text
		if d.Exception != nil {
			msg += " " + d.Exception.Description
		}
		tb.problems = append(tb.problems, "exception: "+msg)
	case *runtime.EventConsoleAPICalled:
		if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeWarning {
			tb.problems = append(tb.problems, fmt.Sprintf("console.%s", e.Type))
		}
	case *cdplog.EventEntryAdded:
		if e.Entry.Level == cdplog.EntryLevelError || e.Entry.Level == cdplog.EntryLevelWarning {
			tb.problems = append(tb.problems, fmt.Sprintf("%s %s: %s", e.Entry.Source, e.Entry.Level, e.Entry.Text))
		}
	}
}

// Requests are the URLs the tab requested so far, in order.
func (tb *Tab) Requests() []string {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	return slices.Clone(tb.requests)
}

// Problems are the exceptions, console errors and warnings, and the
// browser's log errors and warnings (a policy violation among them) so far.
func (tb *Tab) Problems() []string {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	return slices.Clone(tb.problems)
}

// Do runs the steps in the tab; an error fails the test.
func (tb *Tab) Do(steps ...chromedp.Action[chromedp.Void]) {
	tb.T.Helper()
	if err := chromedp.Do(tb.Ctx, steps...); err != nil {
		tb.T.Fatal(err)
	}
}

// Eval is the value of a JavaScript expression in the tab.
func Eval[T any](tb *Tab, js string) T {
	tb.T.Helper()
	v, err := chromedp.Run(tb.Ctx, chromedp.Evaluate[T](js))
	if err != nil {
		tb.T.Fatalf("%s: %v", js, err)
	}
	return v
}

// WaitFor waits up to a minute for a JavaScript expression to be true.
func (tb *Tab) WaitFor(js string) {
	tb.T.Helper()
	if _, err := chromedp.Run(tb.Ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(60*time.Second))); err != nil {
		tb.T.Fatalf("waiting for %s: %v", js, err)
	}
}
