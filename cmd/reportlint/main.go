// Command reportlint checks Chinese government information-disclosure annual
// reports (政府信息公开工作年度报告) for errors in their tables, dates and prose.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"

	"github.com/mattn/go-isatty"
	"github.com/spf13/pflag"

	"github.com/reportlint/reportlint/format"
	"github.com/reportlint/reportlint/rules"
)

// Exit codes.
const (
	exitClean    = 0
	exitFindings = 1
	exitTrouble  = 2
)

func main() {
	tuneGC()
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// tuneGC trades a little memory for speed: each file's data is small and
// short-lived, so letting the heap grow to nine times the live data before
// collecting (GOGC 800) runs the collector about a quarter as often, while
// the soft limit keeps the process well under 100 MB however many files it
// reads. GOGC and GOMEMLIMIT still override. (default.pgo beside this file
// is a CPU profile of a run over a collection of reports, which the Go
// compiler uses to optimise the hot paths.)
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(800)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(80 << 20)
	}
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := pflag.NewFlagSet("reportlint", pflag.ContinueOnError)
	fs.SetOutput(stderr)
	lang := fs.String("lang", "zh", "language of messages: zh or en")
	colorMode := fs.String("color", "auto", "colour the output: auto, always or never")
	jobs := fs.IntP("jobs", "j", 0, "files checked at once (default: the number of CPUs)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "用法 usage: reportlint [flags] FILE|DIR|- ...\n\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return exitClean
		}
		return exitTrouble
	}
	if *lang != "zh" && *lang != "en" {
		fmt.Fprintf(stderr, "reportlint: --lang 只能是 zh 或 en (must be zh or en), not %q\n", *lang)
		return exitTrouble
	}
	useColor, ok := colorFor(*colorMode, stdout)
	if !ok {
		fmt.Fprintf(stderr, "reportlint: --color 只能是 auto、always 或 never (must be auto, always or never), not %q\n", *colorMode)
		return exitTrouble
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return exitTrouble
	}
	workers := *jobs
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	paths, trouble := expand(fs.Args(), stderr)
	printer := format.NewTextPrinter(stdout, format.Options{English: *lang == "en", Color: useColor})
	prog := newProgress(stderr, len(paths))
	anyError := false
	var outErr error
	checkAll(paths, workers, stdin, prog, func(res format.FileResult) {
		prog.clear() // the terminal may show standard output and error together
		if res.Err != nil {
			fmt.Fprintf(stderr, "reportlint: %v\n", res.Err)
			trouble = true
		}
		if hasErrors(res) {
			anyError = true
		}
		if err := printer.File(res); err != nil && outErr == nil {
			outErr = err
		}
	})
	prog.clear()
	if outErr == nil {
		outErr = printer.Finish()
	}
	if outErr != nil {
		fmt.Fprintf(stderr, "reportlint: %v\n", outErr)
		return exitTrouble
	}
	switch {
	case trouble:
		return exitTrouble
	case anyError:
		return exitFindings
	}
	return exitClean
}

// colorFor decides on colour: never when NO_COLOR is set or the output is
// not a terminal, unless asked for.
func colorFor(mode string, w io.Writer) (bool, bool) {
	switch mode {
	case "always":
		return true, true
	case "never":
		return false, true
	case "auto":
		if _, set := os.LookupEnv("NO_COLOR"); set {
			return false, true
		}
		f, isFile := w.(*os.File)
		return isFile && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())), true
	}
	return false, false
}

func hasErrors(r format.FileResult) bool {
	for _, f := range r.Findings {
		if f.Severity == rules.Error {
			return true
		}
	}
	return false
}
