// Command reportlint checks Chinese government information-disclosure annual
// reports (政府信息公开工作年度报告) for errors in their tables, dates and prose.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/mattn/go-isatty"
	"github.com/spf13/pflag"

	"github.com/reportlint/reportlint/format"
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
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "rules":
			return runRules(args[1:], stdout, stderr)
		case "explain":
			return runExplain(args[1:], stdout, stderr)
		case "serve":
			return runServe(args[1:], stdout, stderr)
		}
	}
	fs := pflag.NewFlagSet("reportlint", pflag.ContinueOnError)
	fs.SetOutput(stderr)
	lang := fs.String("lang", "zh", "language of messages: zh or en")
	colorMode := fs.String("color", "auto", "colour the output: auto, always or never")
	township := fs.String("township-deadline", "", "local deadline MM-DD for township and street reports (none by law)")
	pairFlag := fs.Bool("pair", false, "check the two files given as one body's reports of consecutive years")
	overviewFlag := fs.Bool("overview", false, "print a table of issuing bodies × years instead of the findings (text or csv)")
	outFormat := fs.String("format", "text", "output format: text, json, sarif or csv")
	fs.StringSlice("enable", nil, "run only these rules (IDs, comma-separated or repeated)")
	fs.StringSlice("disable", nil, "do not run these rules (IDs, comma-separated or repeated)")
	fs.String("fail-on", "error", "exit 1 when a finding at this level or above remains: error, warning or info")
	configPath := fs.String("config", "", "settings file (default: "+configName+" in the working directory or a directory above)")
	baselinePath := fs.String("baseline", "", "hide the reviewed findings recorded in this file; list those that no longer occur")
	writeBaselinePath := fs.String("write-baseline", "", "record the current findings in this file as reviewed, then exit")
	showVersion := fs.Bool("version", false, "print the version and exit")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "用法 usage: reportlint [flags] FILE|DIR|- ...\n"+
			"       reportlint rules [--lang en]\n"+
			"       reportlint explain [--lang en] RULE\n"+
			"       reportlint serve [--addr 127.0.0.1:8080]   (网页版 the web page)\n\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return exitClean
		}
		fmt.Fprintf(stderr, "reportlint: %v\n", err)
		return exitTrouble
	}
	if *showVersion {
		fmt.Fprintf(stdout, "reportlint %s\n", version)
		return exitClean
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
	en := *lang == "en"
	if !validFormat(*outFormat) {
		fmt.Fprintf(stderr, "reportlint: --format: %s\n", say(en,
			fmt.Sprintf("只能是 text、json、sarif 或 csv，不能是「%s」", *outFormat),
			fmt.Sprintf("must be text, json, sarif or csv, not %q", *outFormat)))
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
		fs.Usage()
		return exitTrouble
	}
	var baseline *baselineFile
	if *baselinePath != "" && *writeBaselinePath == "" {
		if baseline, err = readBaseline(*baselinePath, en); err != nil {
			fmt.Fprintf(stderr, "reportlint: %v\n", err)
			return exitTrouble
		}
	}
	paths, trouble := expand(fs.Args(), stderr)
	var results []format.FileResult
	for _, p := range paths {
		res := checkFile(p, stdin, ruleSet, opts)
		if res.Err != nil {
			fmt.Fprintf(stderr, "reportlint: %v\n", res.Err)
			trouble = true
		}
		results = append(results, res)
	}
	pairs, err := crossYear(results, ruleSet, *pairFlag, en)
	if err != nil {
		fmt.Fprintf(stderr, "reportlint: %v\n", err)
		return exitTrouble
	}
	identify(results, wd)
	if *writeBaselinePath != "" {
		n, err := writeBaseline(*writeBaselinePath, results, en)
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
		Results: results,
		English: en,
		Pairs:   pairInfos(pairs, results),
	}
	if baseline != nil {
		out.Baseline = applyBaseline(*baselinePath, baseline, results, en)
	}
	if *overviewFlag {
		err = overview(stdout, *outFormat, results, en)
	} else {
		err = write(stdout, *outFormat, out, useColor)
	}
	if err != nil {
		fmt.Fprintf(stderr, "reportlint: %v\n", err)
		return exitTrouble
	}
	switch {
	case trouble:
		return exitTrouble
	case anyAtLeast(results, failOn):
		return exitFindings
	}
	return exitClean
}

// version is the program's version, set at build time with
// -ldflags "-X main.version=…".
var version = "0.1.0-dev"

const informationURI = "https://github.com/reportlint/reportlint"

func validFormat(f string) bool {
	switch f {
	case "text", "json", "sarif", "csv":
		return true
	}
	return false
}

// write prints the run in the chosen format.
func write(w io.Writer, outFormat string, run format.Run, useColor bool) error {
	switch outFormat {
	case "json":
		return format.JSON(w, run)
	case "sarif":
		return format.SARIF(w, run)
	case "csv":
		return format.CSV(w, run)
	}
	return format.Text(w, run.Results, format.Options{English: run.English, Color: useColor, Baseline: run.Baseline})
}

// overview prints the collection as issuing bodies × years.
func overview(w io.Writer, outFormat string, results []format.FileResult, en bool) error {
	if outFormat != "text" && outFormat != "csv" {
		return errors.New(say(en, "--overview 只能与 --format text 或 csv 一起用", "--overview goes with --format text or csv"))
	}
	es := make([]format.OverviewEntry, 0, len(results))
	for _, r := range results {
		e := format.OverviewEntryOf(r)
		e.Path = r.ID
		es = append(es, e)
	}
	return format.Overview(w, es, outFormat == "csv", en)
}

// identify gives each checked file its identity — its path relative to the
// working directory, with forward slashes — and its findings their
// fingerprints.
func identify(results []format.FileResult, wd string) {
	for i := range results {
		res := &results[i]
		res.ID = fileID(res.Path, wd)
		res.Fingerprints = rules.Fingerprints(res.ID, res.Findings)
		// findings across reports point to the other files by identity too
		for k := range res.Findings {
			rel := res.Findings[k].Related
			for j := range rel {
				rel[j].Path = fileID(rel[j].Path, wd)
			}
		}
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
		f, isFile := w.(*os.File)
		return isFile && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())), true
	}
	return false, false
}

// reportExts are the files a folder is searched for.
var reportExts = map[string]bool{".txt": true, ".text": true, ".md": true, ".html": true, ".htm": true}

// expand turns the arguments into files: folders are walked for report-like
// files, in lexical order so that output is deterministic.
func expand(args []string, stderr io.Writer) ([]string, bool) {
	var out []string
	trouble := false
	for _, a := range args {
		if a == "-" {
			out = append(out, a)
			continue
		}
		info, err := os.Stat(a)
		if err != nil || !info.IsDir() {
			out = append(out, a) // checkFile reports what is wrong with it
			continue
		}
		err = filepath.WalkDir(a, func(p string, d os.DirEntry, err error) error {
			if err != nil {
				fmt.Fprintf(stderr, "reportlint: %v\n", err)
				trouble = true
				return nil
			}
			if !d.IsDir() && reportExts[strings.ToLower(filepath.Ext(p))] {
				out = append(out, p)
			}
			return nil
		})
		if err != nil {
			fmt.Fprintf(stderr, "reportlint: %s: %v\n", a, err)
			trouble = true
		}
	}
	return out, trouble
}

// ruleOptions reads the options rules take from their flags.
func ruleOptions(township string) (rules.Options, error) {
	var opt rules.Options
	if township == "" {
		return opt, nil
	}
	var m, d int
	if n, err := fmt.Sscanf(township, "%d-%d", &m, &d); n != 2 || err != nil || m < 1 || m > 12 || d < 1 || d > 31 {
		return opt, fmt.Errorf("--township-deadline 应为 月-日，如 02-20 (must be MM-DD), not %q", township)
	}
	opt.TownshipDeadline = parse.YMD{Month: m, Day: d}
	return opt, nil
}

func checkFile(path string, stdin io.Reader, ruleSet []*rules.Rule, opt rules.Options) format.FileResult {
	res := format.FileResult{Path: path}
	data, err := readInput(path, stdin)
	if err != nil {
		res.Err = fmt.Errorf("%s: %w", path, err)
		return res
	}
	rep, err := parse.ParseBytes(path, data)
	if err != nil {
		res.Err = fmt.Errorf("%s: %w", path, err)
		return res
	}
	res.Report = rep
	res.Findings = rules.CheckWith(rep, ruleSet, opt)
	return res
}

// readInput reads a file, or standard input for "-", refusing more than
// parse.MaxInputBytes so that memory stays bounded.
func readInput(path string, stdin io.Reader) ([]byte, error) {
	var r io.Reader = stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return nil, unwrapPathError(err)
		}
		defer f.Close()
		if info, err := f.Stat(); err == nil && info.IsDir() {
			return nil, errors.New("是目录，不是文件 (is a directory)")
		}
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, parse.MaxInputBytes+1))
	if err != nil {
		return nil, unwrapPathError(err)
	}
	if len(data) > parse.MaxInputBytes {
		return nil, parse.ErrTooLarge
	}
	return data, nil
}

// unwrapPathError keeps the reason of an *os.PathError: the caller names
// the file already.
func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// anyAtLeast reports a finding at the level or above.
func anyAtLeast(results []format.FileResult, level rules.Severity) bool {
	for _, r := range results {
		for _, f := range r.Findings {
			if f.Severity >= level {
				return true
			}
		}
	}
	return false
}
