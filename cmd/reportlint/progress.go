package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/mattn/go-isatty"
)

// progress shows how far a long run has got, on one line of standard
// error rewritten in place, when standard error is a terminal. Short runs
// show nothing.
type progress struct {
	w     io.Writer
	on    bool
	total int
	start time.Time
	shown bool
}

// progressAfter is how long a run goes before its progress is shown.
const progressAfter = time.Second

func newProgress(w io.Writer, total int) *progress {
	f, ok := w.(*os.File)
	on := ok && total > 1 && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
	return &progress{w: w, on: on, total: total, start: time.Now()}
}

func (p *progress) show(done int) {
	if !p.on || time.Since(p.start) < progressAfter {
		return
	}
	fmt.Fprintf(p.w, "\r\x1b[K检查中 checking %d/%d", done, p.total)
	p.shown = true
}

// clear removes the progress line before other output goes to the terminal.
func (p *progress) clear() {
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.shown = false
	}
}
