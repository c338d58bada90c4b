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
	if len(args) > 0 && args[0] == "serve" {
		return runServe(args[1:], stdout, stderr)
	}
	fs := pflag.NewFlagSet("reportlint", pflag.ContinueOnError)
	fs.SetOutput(stderr)
	lang := fs.String("lang", "zh", "language of messages: zh or en")
	colorMode := fs.String("color", "auto", "colour the output: auto, always or never")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "用法 usage: reportlint [flags] FILE|DIR|- ...\n       reportlint serve [--addr 127.0.0.1:8080]   (网页版 the web page)\n\n")
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
	paths, trouble := expand(fs.Args(), stderr)
	var results []format.FileResult
	for _, p := range paths {
		res := checkFile(p, stdin)
		if res.Err != nil {
			fmt.Fprintf(stderr, "reportlint: %v\n", res.Err)
			trouble = true
		}
		results = append(results, res)
	}
	if err := format.Text(stdout, results, format.Options{English: *lang == "en", Color: useColor}); err != nil {
		fmt.Fprintf(stderr, "reportlint: %v\n", err)
		return exitTrouble
	}
	switch {
	case trouble:
		return exitTrouble
	case anyErrors(results):
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

func checkFile(path string, stdin io.Reader) format.FileResult {
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
	res.Findings = rules.Check(rep, rules.All())
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

func anyErrors(results []format.FileResult) bool {
	for _, r := range results {
		for _, f := range r.Findings {
			if f.Severity == rules.Error {
				return true
			}
		}
	}
	return false
}
