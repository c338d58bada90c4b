// Command reportlint checks Chinese government information-disclosure annual
// reports (政府信息公开工作年度报告) for errors in their tables, dates and prose.
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"strings"

	"github.com/mattn/go-isatty"

	"github.com/reportlint/reportlint/format"
	"github.com/reportlint/reportlint/rules"
)

// Exit codes.
const (
	exitClean     = 0 // nothing at --fail-on or above
	exitFindings  = 1 // findings at --fail-on or above
	exitUsage     = 2 // the command line or settings are wrong, or the run itself failed
	exitUnchecked = 3 // some input could not be checked; the others were
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

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
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
			args = append([]string{"--help"}, args[1:]...)
		case "version":
			args = append([]string{"--version"}, args[1:]...)
		}
	}
	cfg, code, done := parseCommandLine(args, stdout, stderr)
	if done {
		return code
	}
	if cfg.output != "" {
		out, err := createOutput(cfg.output, cfg.en)
		if err != nil {
			fmt.Fprintf(stderr, "reportlint: %s\n", format.Printable(err.Error()))
			return exitUsage
		}
		stdout = out
		defer func() {
			if err := out.finish(code != exitUsage); err != nil {
				fmt.Fprintf(stderr, "reportlint: -o: %v\n", err)
				code = exitUsage
			}
		}()
	}
	if cfg.cpuProfile != "" {
		stop, err := startCPUProfile(cfg.cpuProfile)
		if err != nil {
			fmt.Fprintf(stderr, "reportlint: --cpuprofile: %v\n", err)
			return exitUsage
		}
		defer stop()
	}
	ctx, stop := signalContext()
	defer stop()
	r, err := newRunner(ctx, cfg, stdin, stdout, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "reportlint: %v\n", err)
		return exitUsage
	}
	return r.run()
}

// workerResult is what a worker hands back of a file: the whole result when
// streaming; otherwise the file settled for the end of the run, with its
// path, error and digest (and, for standard input, its whole result).
type workerResult struct {
	res     format.FileResult
	settled collected
	err     error // rendering failed
	skipped bool  // the run was stopped before the file was read
	failed  bool  // a finding at --fail-on or above (streamed runs)
}

// version is the program's version when a release sets it at build time
// with -ldflags "-X main.version=v1.2.3"; otherwise the module's version
// or the commit it was built from (programVersion).
var version = ""

// programVersion is the version the output names: the release's, the
// module version `go install …@v1.2.3` records, or devel with the commit
// of a build from a clone.
func programVersion() string {
	if version != "" {
		return version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	rev, dirty := "", false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return "devel"
	}
	v := "devel+" + rev[:min(12, len(rev))]
	if dirty {
		v += "-dirty"
	}
	return v
}

const informationURI = "https://github.com/reportlint/reportlint"

// identify gives a checked file its identity — its path relative to the
// run's root, with forward slashes — and its findings their fingerprints.
func identify(res *format.FileResult, root string) {
	res.ID = fileID(res.Path, root)
	res.Fingerprints = rules.Fingerprints(res.ID, res.Findings)
	// findings across reports point to the other files by identity too
	for k := range res.Findings {
		rel := slices.Clone(res.Findings[k].Related)
		for j := range rel {
			rel[j].Path = fileID(rel[j].Path, root)
		}
		res.Findings[k].Related = rel
	}
}

// fileID is a file's identity: its path relative to root with forward
// slashes, or, for a file outside root, its absolute path, never a path
// climbing out with "..", which SARIF consumers refuse. Standard input
// keeps the name it was given.
func fileID(path, root string) string {
	if path == "-" {
		return "-"
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.ToSlash(path)
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
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

// defaultJobs is one more worker than the CPUs.
func defaultJobs() int { return runtime.GOMAXPROCS(0) + 1 }

// outputFile is the file -o names, written as a temporary file beside it
// and renamed over it when the run ends: an interrupted or failed run
// leaves the previous results, never a file cut short or empty.
type outputFile struct {
	*os.File
	path string
}

func createOutput(path string, en bool) (*outputFile, error) {
	if info, err := os.Stat(path); err == nil && !info.Mode().IsRegular() {
		return nil, fmt.Errorf("-o %s: %s", path, say(en, "不是普通文件", "not a regular file"))
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+"-*")
	if err != nil {
		return nil, fmt.Errorf("-o %s: %w", path, unwrapPathError(err))
	}
	return &outputFile{File: f, path: path}, nil
}

// finish renames the results into place when keep, else removes them.
func (o *outputFile) finish(keep bool) error {
	err := o.Sync()
	if cerr := o.Close(); err == nil {
		err = cerr
	}
	if !keep || err != nil {
		os.Remove(o.Name())
		return err
	}
	if err := os.Chmod(o.Name(), 0o644); err != nil {
		os.Remove(o.Name())
		return err
	}
	if err := os.Rename(o.Name(), o.path); err != nil {
		os.Remove(o.Name())
		return err
	}
	return nil
}
