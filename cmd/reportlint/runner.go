package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"golang.org/x/sync/semaphore"

	"github.com/reportlint/reportlint/decode"
	"github.com/reportlint/reportlint/format"
	"github.com/reportlint/reportlint/internal/bilingual"
	"github.com/reportlint/reportlint/parse"
	"github.com/reportlint/reportlint/rules"
)

// runner is one check run: it checks the files, then checks them across
// years, then finishes (prints what waited for the end, or writes the
// baseline). What the steps share lives here, not in closures.
type runner struct {
	cfg   *config
	ctx   context.Context
	stdin io.Reader
	// out buffers the results; errs writes to the error stream after
	// flushing them, so that the two keep their order in one file
	out         *bufio.Writer
	errs        io.Writer
	errStream   io.Writer // the error stream itself, for the progress line
	interactive bool      // the results go to a terminal

	files    *checker
	baseline *reviewed // --baseline, read
	// stream: text output printed file by file as checked; otherwise each
	// file is settled for the end (fin) and kept on disk (kept)
	stream  bool
	printer *format.TextPrinter
	fin     *finisher
	kept    *collection

	walked   map[string]bool // files found in a folder, not named
	digests  []rules.Digest
	prose    *rules.ProseIndex
	stdinRes *format.FileResult // standard input cannot be read again
	tally    format.Tally
	failed   bool  // a finding at --fail-on or above (streamed runs)
	outErr   error // writing the output failed
}

func newRunner(ctx context.Context, cfg *config, stdin io.Reader, stdout, stderr io.Writer) (*runner, error) {
	out := bufio.NewWriterSize(stdout, 64<<10)
	r := &runner{
		cfg: cfg, ctx: ctx, stdin: stdin,
		out: out, errs: flushFirst{stderr, out}, errStream: stderr, interactive: isTerminal(stdout),
		files: &checker{ctx: ctx, rules: cfg.rules, opt: cfg.options, decoding: cfg.decoding,
			inFlight: semaphore.NewWeighted(inFlightBytes), budget: cfg.fileBudget},
		prose: rules.NewProseIndex(rules.DefaultProseIndexLimit),
	}
	var err error
	if cfg.baseline != "" {
		if r.baseline, err = readReviewed(cfg.baseline, cfg.en); err != nil {
			return nil, err
		}
	}
	if cfg.writeBaseline != "" {
		if err := baselineTarget(cfg.writeBaseline, cfg.en); err != nil {
			return nil, errors.New(format.Printable(err.Error()))
		}
	}
	opt := format.Options{English: cfg.en, Color: cfg.color, MinLevel: cfg.minLevel, Rules: cfg.rules}
	// --pair prints at the end: two reports that may not be paired print
	// nothing but why
	r.stream = cfg.format == formatText && r.baseline == nil && cfg.writeBaseline == "" && !cfg.overview && !cfg.pair
	r.printer = format.NewTextPrinter(r.out, opt)
	r.fin = &finisher{root: cfg.root, overview: cfg.overview, writesBaseline: cfg.writeBaseline != ""}
	if !cfg.overview && cfg.writeBaseline == "" {
		r.fin.renderer = newRenderer(cfg.format.String(), cfg.rules, cfg.en, cfg.color)
		r.fin.renderer.SetMinLevel(cfg.minLevel)
	}
	if r.baseline != nil {
		r.fin.recorded = r.baseline.index
	}
	r.kept = newCollection(r.fin)
	return r, nil
}

// run runs the steps and returns the exit code.
func (r *runner) run() int {
	defer r.kept.close()
	defer r.out.Flush()
	inputs, err := expand(r.cfg.args, r.cfg.exclude, r.errs)
	if err != nil {
		return r.fail(err)
	}
	r.walked = map[string]bool{}
	paths := make([]string, len(inputs))
	for i, in := range inputs {
		paths[i] = in.path
		r.walked[in.path] = in.walked
	}
	r.checkFiles(paths)
	if r.ctx.Err() != nil {
		fmt.Fprintln(r.errs, "reportlint: "+say(r.cfg.en, "已中断，未检查完，未写出结果", "interrupted: not every file was checked, and nothing was written"))
		return exitUsage
	}
	cross, pairs, err := r.crossYear()
	if err != nil {
		return r.fail(err)
	}
	if r.ctx.Err() != nil {
		// stopped while checking across years: nothing more is printed
		fmt.Fprintln(r.errs, "reportlint: "+say(r.cfg.en, "已中断，未检查完，未写出结果", "interrupted: not every file was checked, and nothing was written"))
		return exitUsage
	}
	if r.stream {
		r.finishStream(cross)
	} else {
		r.finishCollected(cross, pairs)
	}
	if r.outErr == nil {
		r.outErr = r.out.Flush()
	}
	return r.exitCode()
}

// fail prints an error that ends the run and returns its exit code.
func (r *runner) fail(err error) int {
	fmt.Fprintf(r.errs, "reportlint: %s\n", format.Printable(err.Error()))
	return exitUsage
}

// exitCode: 2 when the output could not be written, 3 when a file could
// not be checked, 1 for a finding at --fail-on or above, else 0.
func (r *runner) exitCode() int {
	switch {
	case r.outErr != nil:
		return r.fail(r.outErr)
	case r.tally.Unchecked > 0:
		return exitUnchecked
	case r.cfg.writeBaseline != "":
		return exitClean // the findings were recorded, not reported
	case r.failed || (!r.stream && r.kept.failed(r.cfg.failOn)):
		return exitFindings
	}
	return exitClean
}

// checkFiles checks every file with the workers, in order.
func (r *runner) checkFiles(paths []string) {
	prog := newProgress(r.errStream, len(paths))
	checkAll(paths, r.cfg.jobs, prog, r.checkOne, func(w workerResult) {
		if w.skipped || r.ctx.Err() != nil {
			return // stopped: the file was not checked, or not to the end
		}
		prog.clear() // the terminal may show standard output and error together
		r.settled(w)
	})
	prog.clear()
}

// checkOne is a worker's whole work on one file: checked, then settled for
// the end of the run unless the text is streamed.
func (r *runner) checkOne(p string) workerResult {
	if r.ctx.Err() != nil {
		return workerResult{skipped: true}
	}
	res := r.files.file(p, r.stdin)
	if res.Err != nil && r.walked[p] && notAReport(res.Err) {
		res.Skipped = true // a README beside the reports: said, not failed
	}
	if p == "-" && r.cfg.stdinName != "" {
		res.Path = r.cfg.stdinName
	}
	if res.Report != nil {
		d := rules.DigestOf(res.Path, res.Report)
		res.Digest = &d
	}
	// --fail-on is never below --min-level: what fails the run is printed
	failed := anyAtLeast(res, r.cfg.failOn)
	res.Findings = atLeast(res.Findings, r.cfg.minLevel)
	if r.stream {
		return workerResult{res: res, failed: failed}
	}
	c, err := r.fin.finish(res, nil)
	if p != "-" {
		res = format.FileResult{Path: res.Path, Err: res.Err, Skipped: res.Skipped, Digest: res.Digest}
	}
	return workerResult{res: res, settled: c, err: err}
}

// settled takes a checked file's result, in the order of the files.
func (r *runner) settled(w workerResult) {
	res := w.res
	r.tally.Add(res)
	if res.Err != nil && !res.Skipped && r.cfg.format != formatText {
		// the output is for a program: a person reading the error stream
		// learns here that a file was not checked (text says it in line)
		fmt.Fprintf(r.errs, "reportlint: %s\n", format.Printable(bilingual.Message(res.Err, r.cfg.en)))
	}
	if res.Digest != nil {
		// the sentences go into the index, which keeps them compactly
		r.prose.Add(len(r.digests), res.Digest)
		res.Digest.Sentences = nil
		r.digests = append(r.digests, *res.Digest)
	}
	if res.Report != nil && (res.Path == "-" || res.Path == r.cfg.stdinName) {
		r.stdinRes = &res
	}
	if !r.stream {
		if w.err != nil && r.outErr == nil {
			r.outErr = w.err
		}
		r.kept.add(w.settled)
		return
	}
	r.failed = r.failed || w.failed
	if err := r.printer.File(res); err != nil && r.outErr == nil {
		r.outErr = err
	}
	if r.interactive {
		r.out.Flush()
	}
}

// load gives a report again for the checks across years.
func (r *runner) load(p string) *parse.Report {
	if r.stdinRes != nil && p == r.stdinRes.Path {
		return r.stdinRes.Report
	}
	return r.files.load(p)
}

// crossYear runs the checks across reports over what the files left.
func (r *runner) crossYear() ([]crossFinding, []pairNames, error) {
	cross, pairs, err := crossYear(r.ctx, r.digests, r.prose, r.load, r.cfg.rules, r.cfg.pair, r.cfg.force, r.cfg.en, r.cfg.jobs)
	kept := cross[:0]
	for _, c := range cross {
		if c.Finding.Severity >= r.cfg.minLevel {
			kept = append(kept, c)
		}
	}
	return kept, pairs, err
}

// finishStream prints the findings across reports and the summary.
func (r *runner) finishStream(cross []crossFinding) {
	for _, c := range cross {
		r.failed = r.failed || c.Finding.Severity >= r.cfg.failOn
		if err := r.printer.Finding(c.Finding.Path, c.Where, c.Place, c.Finding); err != nil && r.outErr == nil {
			r.outErr = err
		}
	}
	if r.outErr == nil {
		r.outErr = r.printer.Finish()
	}
}

// finishCollected settles the files the findings across reports land in,
// then prints the whole output, the overview, or writes the baseline.
func (r *runner) finishCollected(cross []crossFinding, pairs []pairNames) {
	if r.outErr == nil {
		var unread int
		unread, r.outErr = settleCross(r.kept, r.fin, cross, func(p string) format.FileResult {
			if r.stdinRes != nil && p == r.stdinRes.Path {
				return *r.stdinRes
			}
			return r.files.file(p, nil)
		}, r.cfg.jobs)
		r.tally.Unchecked += unread
	}
	if r.outErr == nil {
		r.outErr = r.kept.ready()
	}
	if r.outErr != nil {
		return
	}
	if r.cfg.writeBaseline != "" {
		n, err := writeBaseline(r.cfg.writeBaseline, r.kept, r.cfg.en)
		if err != nil {
			r.outErr = err
			return
		}
		fmt.Fprintln(r.out, say(r.cfg.en,
			fmt.Sprintf("已将 %d 个问题记录到 %s；可在每条的 reason 中写明接受的理由", n, r.cfg.writeBaseline),
			fmt.Sprintf("recorded %d findings in %s; write in each one's reason why it is accepted", n, r.cfg.writeBaseline)))
		return
	}
	out := format.Run{
		Tool:    format.Tool{Name: "reportlint", Version: programVersion(), InformationURI: informationURI},
		Rules:   r.cfg.rules,
		English: r.cfg.en,
		Pairs:   pairInfos(pairs, r.cfg.root),
	}
	if r.baseline != nil {
		var err error
		if out.Baseline, err = baselineOutcome(r.cfg.baseline, r.baseline, r.kept.used, r.kept.parts, r.cfg.en); err != nil {
			r.outErr = err
			return
		}
	}
	if r.cfg.overview {
		r.outErr = format.Overview(r.out, r.kept.entries, r.cfg.format == formatCSV, r.cfg.en)
		return
	}
	r.outErr = r.fin.renderer.Write(r.out, out, r.kept.parts, r.kept.data)
}

// notAReport: the file was read, and is not a report (or not text).
func notAReport(err error) bool {
	return errors.Is(err, parse.ErrNotReport) || errors.Is(err, decode.ErrBinary)
}

// atLeast keeps the findings at the level or above.
func atLeast(fs []rules.Finding, level rules.Severity) []rules.Finding {
	if level == rules.Info {
		return fs
	}
	out := fs[:0:0]
	for _, f := range fs {
		if f.Severity >= level {
			out = append(out, f)
		}
	}
	return out
}

// signalContext is stopped by SIGINT and SIGTERM (Ctrl+C, a CI timeout):
// the file being read stops (pdftotext is killed, its temporary copy of
// the PDF removed), no file is started after, nothing is written at the
// end, and the spooled results are removed.
func signalContext() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}

// errTooSlow is the error of a file that took longer than its budget.
func errTooSlow(budget fmt.Stringer) error {
	return bilingual.New(
		fmt.Sprintf("检查超时（超过 %s），未检查；可用 --file-timeout 放宽", budget),
		fmt.Sprintf("too slow to check (over %s), not checked; --file-timeout allows more", budget))
}
