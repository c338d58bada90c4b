// Command reportlint checks Chinese government information-disclosure annual
// reports (政府信息公开工作年度报告) for errors in their tables, dates and prose.
package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"strings"
	"syscall"

	"github.com/mattn/go-isatty"
	"github.com/spf13/pflag"
	"golang.org/x/sync/semaphore"

	"github.com/reportlint/reportlint/decode"
	"github.com/reportlint/reportlint/format"
	"github.com/reportlint/reportlint/internal/bilingual"
	"github.com/reportlint/reportlint/parse"
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

// subcommandFirst moves a subcommand named after the language flag to the
// front: `reportlint --lang en explain X` is `reportlint explain --lang en
// X`. --lang is the one flag rules and explain share with the checks.
func subcommandFirst(args []string) []string {
	skip := 0
	switch {
	case len(args) >= 3 && args[0] == "--lang":
		skip = 2
	case len(args) >= 2 && strings.HasPrefix(args[0], "--lang="):
		skip = 1
	default:
		return args
	}
	switch args[skip] {
	case "rules", "explain":
		out := append([]string{args[skip]}, args[:skip]...)
		return append(out, args[skip+1:]...)
	}
	return args
}

// maxJobs bounds -j: more workers than this only hold more files in
// memory at once, and a huge count made the pool panic.
const maxJobs = 256

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	args = subcommandFirst(args)
	if len(args) > 0 {
		switch args[0] {
		case "rules":
			return runRules(args[1:], stdout, stderr)
		case "explain":
			return runExplain(args[1:], stdout, stderr)
		case "serve":
			return runServe(args[1:], stdout, stderr)
		case "help":
			args = []string{"--help"}
		case "version":
			args = []string{"--version"}
		}
	}
	fs := pflag.NewFlagSet("reportlint", pflag.ContinueOnError)
	fs.SetOutput(stderr)
	lang := fs.String("lang", "zh", "language of messages: zh or en")
	colorMode := fs.String("color", "auto", "colour the output: auto, always or never")
	township := fs.String("township-deadline", "", "local deadline MM-DD for township and street reports (none by law)")
	pairFlag := fs.Bool("pair", false, "check the two files given as one body's reports of consecutive years")
	overviewFlag := fs.Bool("overview", false, "print a table of issuing bodies × years instead of the findings (text or csv)")
	outFormat := fs.String("format", "text", "output format: text, json, sarif, csv or html")
	output := fs.StringP("output", "o", "", "write the results to this file instead of standard output")
	fs.StringSlice("enable", nil, "run only these rules (IDs, comma-separated or repeated)")
	fs.StringSlice("disable", nil, "do not run these rules (IDs, comma-separated or repeated)")
	fs.String("fail-on", "error", "exit 1 when a finding at this level or above remains: error, warning or info")
	configPath := fs.String("config", "", "settings file (default: "+configName+" in the working directory or a directory above)")
	baselinePath := fs.String("baseline", "", "hide the reviewed findings recorded in this file; list those that no longer occur")
	writeBaselinePath := fs.String("write-baseline", "", "record the current findings in this file as reviewed, then exit")
	showVersion := fs.Bool("version", false, "print the version and exit")
	jobs := fs.IntP("jobs", "j", 0, "files checked at once (default: the number of CPUs + 1)")
	pdfToText := fs.String("pdftotext", "pdftotext", "the command that extracts a PDF's text (poppler's pdftotext)")
	// For the people who work on reportlint's speed: a CPU profile of the
	// whole run, the input default.pgo is made from. Hidden from --help.
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the run to this file")
	_ = fs.MarkHidden("cpuprofile")
	usageTo := func(w io.Writer) {
		fmt.Fprintf(w, "用法 usage: reportlint [flags] FILE|DIR|- ...\n"+
			"       reportlint rules [--lang en]\n"+
			"       reportlint explain [--lang en] RULE\n"+
			"       reportlint serve [--addr 127.0.0.1:8080]   (网页版 the web page)\n"+
			"       reportlint help | version\n\n")
		fs.SetOutput(w)
		fs.PrintDefaults()
		fs.SetOutput(stderr)
	}
	// pflag prints the usage after a parse error (to the error stream) and
	// on --help; --help's own is printed on standard output below
	fs.Usage = func() {}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			// asked for: the help is the answer, on standard output
			usageTo(stdout)
			return exitClean
		}
		fmt.Fprintf(stderr, "reportlint: %v\n", err)
		return exitTrouble
	}
	if *cpuProfile != "" {
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			fmt.Fprintf(stderr, "reportlint: --cpuprofile: %v\n", err)
			return exitTrouble
		}
		defer stop()
	}
	if *showVersion {
		fmt.Fprintf(stdout, "reportlint %s\n", version)
		return exitClean
	}
	if *lang != "zh" && *lang != "en" {
		fmt.Fprintf(stderr, "reportlint: --lang 只能是 zh 或 en (must be zh or en), not %q\n", *lang)
		return exitTrouble
	}
	if *output != "" {
		f, err := createOutput(*output)
		if err != nil {
			fmt.Fprintf(stderr, "reportlint: %v\n", err)
			return exitTrouble
		}
		defer f.Close()
		stdout = f
	}
	useColor, ok := colorFor(*colorMode, stdout)
	if !ok {
		fmt.Fprintf(stderr, "reportlint: --color 只能是 auto、always 或 never (must be auto, always or never), not %q\n", *colorMode)
		return exitTrouble
	}
	// the results go through a buffer: a run prints a line or more for
	// every file, and unbuffered each line was a write to the system. A
	// terminal is given each file's lines as soon as they are printed, and
	// whatever goes to the error stream is preceded by what is buffered, so
	// that the two keep their order when they share a file.
	interactive, errStream := isTerminal(stdout), stderr
	buffered := bufio.NewWriterSize(stdout, 64<<10)
	defer buffered.Flush()
	stdout, stderr = buffered, flushFirst{stderr, buffered}
	en := *lang == "en"
	if !validFormat(*outFormat) {
		fmt.Fprintf(stderr, "reportlint: --format: %s\n", say(en,
			fmt.Sprintf("只能是 text、json、sarif、csv 或 html，不能是「%s」", *outFormat),
			fmt.Sprintf("must be text, json, sarif, csv or html, not %q", *outFormat)))
		return exitTrouble
	}
	wd, err := os.Getwd()
	if err != nil {
		fmt.Fprintf(stderr, "reportlint: %v\n", err)
		return exitTrouble
	}
	set, err := loadSettings(fs, *configPath, wd, en)
	if err != nil {
		fmt.Fprintf(stderr, "reportlint: %v\n", err)
		return exitTrouble
	}
	ruleSet, failOn, err := selectRules(set, en)
	if err != nil {
		fmt.Fprintf(stderr, "reportlint: %v\n", err)
		return exitTrouble
	}
	opts, err := ruleOptions(*township)
	if err != nil {
		fmt.Fprintf(stderr, "reportlint: %v\n", err)
		return exitTrouble
	}
	if fs.NArg() == 0 {
		usageTo(stderr)
		return exitTrouble
	}
	// SIGINT and SIGTERM (Ctrl+C, a CI timeout) stop the run cleanly: the
	// file being read stops (pdftotext is killed, its temporary copy of
	// the PDF removed), no file is started after, nothing is written at
	// the end, and the spooled results are removed
	ctx, stopSignals := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stopSignals()
	files := &checker{ctx: ctx, rules: ruleSet, opt: opts, decoding: decode.Options{PDFToText: *pdfToText},
		inFlight: semaphore.NewWeighted(inFlightBytes)}
	var baseline *reviewed
	if *baselinePath != "" && *writeBaselinePath == "" {
		if baseline, err = readReviewed(*baselinePath, en); err != nil {
			fmt.Fprintf(stderr, "reportlint: %v\n", err)
			return exitTrouble
		}
	}
	if *writeBaselinePath != "" {
		if err := baselineTarget(*writeBaselinePath, en); err != nil {
			fmt.Fprintf(stderr, "reportlint: %s\n", format.Printable(err.Error()))
			return exitTrouble
		}
	}
	workers := *jobs
	if fs.Changed("jobs") && workers < 1 {
		fmt.Fprintf(stderr, "reportlint: %s\n", say(en, fmt.Sprintf("-j 至少为 1，不能是 %d", workers), fmt.Sprintf("-j must be at least 1, not %d", workers)))
		return exitTrouble
	}
	if workers > maxJobs {
		fmt.Fprintf(stderr, "reportlint: %s\n", say(en, fmt.Sprintf("-j %d 过大：最多 %d", workers, maxJobs), fmt.Sprintf("-j %d is too many: at most %d", workers, maxJobs)))
		return exitTrouble
	}
	if workers < 1 {
		// one more than the CPUs: a worker waiting on a file's read or on
		// the printing of results leaves its CPU to the extra one (over
		// 10,000 files on 2 CPUs, 1.79 -> 1.90 CPUs busy, ~3% less time)
		workers = runtime.GOMAXPROCS(0) + 1
	}
	paths, trouble := expand(fs.Args(), stderr)
	// Text output streams: each file is printed as soon as it is checked and
	// then dropped, so memory does not grow with the number of files; only a
	// small digest of each stays, for pairing across years. JSON, SARIF, CSV,
	// a baseline and the overview print at the end: each file is settled and
	// rendered as it is checked, and its rendering waits on disk (collect.go).
	stream := *outFormat == "text" && baseline == nil && *writeBaselinePath == "" && !*overviewFlag
	printer := format.NewTextPrinter(stdout, format.Options{English: en, Color: useColor})
	prog := newProgress(errStream, len(paths))
	fin := &finisher{wd: wd, overview: *overviewFlag, writesBaseline: *writeBaselinePath != ""}
	if !*overviewFlag && *writeBaselinePath == "" {
		fin.renderer = newRenderer(*outFormat, ruleSet, en, useColor, wd)
	}
	if baseline != nil {
		fin.recorded = baseline.index
	}
	kept := newCollection(fin)
	defer kept.close()
	var digests []rules.Digest
	prose := rules.NewProseIndex(rules.DefaultProseIndexLimit)
	// standard input cannot be read again: its whole result is kept
	var stdinRes *format.FileResult
	failed := false
	var outErr error
	check := func(p string) workerResult {
		if ctx.Err() != nil {
			return workerResult{skipped: true}
		}
		res := files.file(p, stdin)
		if res.Report != nil {
			d := rules.DigestOf(res.Path, res.Report)
			res.Digest = &d
		}
		if stream {
			return workerResult{res: res}
		}
		c, err := fin.finish(res, nil)
		if p != "-" {
			res = format.FileResult{Path: res.Path, Err: res.Err, Digest: res.Digest}
		}
		return workerResult{res: res, settled: c, err: err}
	}
	checkAll(paths, workers, prog, check, func(w workerResult) {
		if w.skipped || ctx.Err() != nil {
			return // stopped: the file was not checked, or not to the end
		}
		res := w.res
		prog.clear() // the terminal may show standard output and error together
		if res.Err != nil {
			fmt.Fprintf(stderr, "reportlint: %s\n", format.Printable(bilingual.Message(res.Err, en)))
			trouble = true
		}
		if res.Digest != nil {
			// the sentences go into the index, which keeps them compactly
			prose.Add(len(digests), res.Digest)
			res.Digest.Sentences = nil
			digests = append(digests, *res.Digest)
		}
		if res.Path == "-" && res.Report != nil {
			stdinRes = &res
		}
		if !stream {
			if w.err != nil && outErr == nil {
				outErr = w.err
			}
			kept.add(w.settled)
			return
		}
		failed = failed || anyAtLeast(res, failOn)
		if err := printer.File(res); err != nil && outErr == nil {
			outErr = err
		}
		if interactive {
			buffered.Flush()
		}
	})
	if ctx.Err() != nil {
		prog.clear()
		fmt.Fprintln(stderr, "reportlint: "+say(en, "已中断，未检查完，未写出结果", "interrupted: not every file was checked, and nothing was written"))
		return exitTrouble
	}
	prog.clear()
	load := func(p string) *parse.Report {
		if p == "-" && stdinRes != nil {
			return stdinRes.Report
		}
		return files.load(p)
	}
	cross, pairs, err := crossYear(digests, prose, load, ruleSet, *pairFlag, en, workers)
	if err != nil {
		fmt.Fprintf(stderr, "reportlint: %v\n", err)
		return exitTrouble
	}
	if stream {
		for _, c := range cross {
			failed = failed || c.Finding.Severity >= failOn
			if err := printer.Finding(c.Finding.Path, c.Where, c.Finding); err != nil && outErr == nil {
				outErr = err
			}
		}
		if outErr == nil {
			outErr = printer.Finish()
		}
		if outErr == nil {
			outErr = buffered.Flush()
		}
		if outErr != nil {
			fmt.Fprintf(stderr, "reportlint: %v\n", outErr)
			return exitTrouble
		}
		switch {
		case trouble:
			return exitTrouble
		case failed:
			return exitFindings
		}
		return exitClean
	}
	if outErr == nil {
		var unread bool
		unread, outErr = settleCross(kept, fin, cross, func(p string) format.FileResult {
			if p == "-" && stdinRes != nil {
				return *stdinRes
			}
			return files.file(p, nil)
		}, workers, stderr, en)
		trouble = trouble || unread
	}
	if outErr == nil {
		outErr = kept.ready()
	}
	if outErr != nil {
		fmt.Fprintf(stderr, "reportlint: %v\n", outErr)
		return exitTrouble
	}
	if *writeBaselinePath != "" {
		n, err := writeBaseline(*writeBaselinePath, kept, en)
		if err != nil {
			fmt.Fprintf(stderr, "reportlint: %v\n", err)
			return exitTrouble
		}
		fmt.Fprintln(stdout, say(en,
			fmt.Sprintf("已将 %d 个问题记录到 %s；可在每条的 reason 中写明接受的理由", n, *writeBaselinePath),
			fmt.Sprintf("recorded %d findings in %s; write in each one's reason why it is accepted", n, *writeBaselinePath)))
		if trouble {
			return exitTrouble
		}
		return exitClean
	}
	out := format.Run{
		Tool:    format.Tool{Name: "reportlint", Version: version, InformationURI: informationURI},
		Rules:   ruleSet,
		English: en,
		Pairs:   pairInfos(pairs, wd),
	}
	if baseline != nil {
		if out.Baseline, err = baselineOutcome(*baselinePath, baseline, kept.used, kept.parts, en); err != nil {
			fmt.Fprintf(stderr, "reportlint: %v\n", err)
			return exitTrouble
		}
	}
	if *overviewFlag {
		err = overview(stdout, *outFormat, kept.entries, en)
	} else {
		err = fin.renderer.Write(stdout, out, kept.parts, kept.data)
	}
	if err == nil {
		err = buffered.Flush()
	}
	if err != nil {
		fmt.Fprintf(stderr, "reportlint: %v\n", err)
		return exitTrouble
	}
	switch {
	case trouble:
		return exitTrouble
	case kept.failed(failOn):
		return exitFindings
	}
	return exitClean
}

// workerResult is what a worker hands back of a file: the whole result when
// streaming; otherwise the file settled for the end of the run, with its
// path, error and digest (and, for standard input, its whole result).
type workerResult struct {
	res     format.FileResult
	settled collected
	err     error // rendering failed
	skipped bool  // the run was stopped before the file was read
}

// version is the program's version, set at build time with
// -ldflags "-X main.version=…".
var version = "0.1.0-dev"

const informationURI = "https://github.com/reportlint/reportlint"

func validFormat(f string) bool {
	switch f {
	case "text", "json", "sarif", "csv", "html":
		return true
	}
	return false
}

// overview prints the collection as issuing bodies × years.
func overview(w io.Writer, outFormat string, es []format.OverviewEntry, en bool) error {
	if outFormat != "text" && outFormat != "csv" {
		return errors.New(say(en, "--overview 只能与 --format text 或 csv 一起用", "--overview goes with --format text or csv"))
	}
	return format.Overview(w, es, outFormat == "csv", en)
}

// identify gives a checked file its identity — its path relative to the
// working directory, with forward slashes — and its findings their
// fingerprints.
func identify(res *format.FileResult, wd string) {
	res.ID = fileID(res.Path, wd)
	res.Fingerprints = rules.Fingerprints(res.ID, res.Findings)
	// findings across reports point to the other files by identity too
	for k := range res.Findings {
		rel := slices.Clone(res.Findings[k].Related)
		for j := range rel {
			rel[j].Path = fileID(rel[j].Path, wd)
		}
		res.Findings[k].Related = rel
	}
}

func fileID(path, wd string) string {
	if path == "-" {
		return "-"
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.ToSlash(path)
	}
	rel, err := filepath.Rel(wd, abs)
	if err != nil {
		return filepath.ToSlash(abs)
	}
	return filepath.ToSlash(rel)
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
		return isTerminal(w), true
	}
	return false, false
}

// isTerminal reports a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}

// flushFirst writes to the error stream after flushing the buffered
// results, so that the two streams keep their order in one file.
type flushFirst struct {
	w   io.Writer
	out *bufio.Writer
}

func (f flushFirst) Write(p []byte) (int, error) {
	f.out.Flush()
	return f.w.Write(p)
}

// anyAtLeast reports a finding at the level or above.
func anyAtLeast(res format.FileResult, level rules.Severity) bool {
	for _, f := range res.Findings {
		if f.Severity >= level {
			return true
		}
	}
	return false
}

// startCPUProfile profiles the run into path; the returned func ends it.
func startCPUProfile(path string) (func(), error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}
