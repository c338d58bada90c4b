package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/spf13/pflag"

	"github.com/reportlint/reportlint/decode"
	"github.com/reportlint/reportlint/rules"
)

// usageError is a mistake on the command line or in the settings: exit 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

// newFlagSet declares every flag of a check run.
func newFlagSet() *pflag.FlagSet {
	fs := pflag.NewFlagSet("reportlint", pflag.ContinueOnError)
	fs.String("lang", "zh", "language of messages: zh or en")
	fs.String("color", "auto", "colour the output: auto, always or never")
	fs.String("township-deadline", "", "local deadline MM-DD for township and street reports (none by law)")
	fs.Bool("pair", false, "check the two files given as one body's reports of consecutive years")
	fs.Bool("force", false, "with --pair: pair the two files even if their bodies differ or their years are not consecutive")
	fs.Bool("overview", false, "print a table of issuing bodies × years instead of the findings (text or csv)")
	fs.String("format", "text", "output format: "+strings.Join(formatNames, ", "))
	fs.StringP("output", "o", "", "write the results to this file instead of standard output")
	fs.StringSlice("enable", nil, "run only these rules (IDs or globs such as 'carry-*', comma-separated or repeated)")
	fs.StringSlice("disable", nil, "do not run these rules (IDs or globs, comma-separated or repeated)")
	fs.String("fail-on", "error", "exit 1 when a finding at this level or above remains: error, warning or info")
	fs.String("min-level", "", "print only findings at this level or above: error, warning or info (default: info; warning for --format sarif)")
	fs.StringArray("exclude", nil, "leave out files and folders matching this glob (repeatable; a glob without / matches a name anywhere)")
	fs.String("root", "", "the folder file paths in SARIF, JSON and fingerprints are relative to (default: the baseline's folder, else the repository root above the working directory, else the working directory)")
	fs.String("stdin-filename", "", "the name standard input (-) is given in the output")
	fs.Duration("file-timeout", 0, "give up on one file after this long (default: 10s, plus 5s per MB above 1 MB)")
	fs.String("config", "", "settings file (default: .reportlint.yaml or .reportlint.yml in the working directory or a directory above)")
	fs.String("baseline", "", "hide the reviewed findings recorded in this file; list those that no longer occur")
	fs.String("write-baseline", "", "record the current findings in this file as reviewed, then exit")
	fs.Bool("version", false, "print the version and exit")
	fs.BoolP("verbose", "v", false, "say which settings file was read")
	fs.IntP("jobs", "j", 0, "files checked at once (default: the number of CPUs + 1)")
	fs.String("pdftotext", "pdftotext", "the command that extracts a PDF's text (poppler's pdftotext)")
	// For the people who work on reportlint's speed: a CPU profile of the
	// whole run, the input default.pgo is made from. Hidden from --help.
	fs.String("cpuprofile", "", "write a CPU profile of the run to this file")
	_ = fs.MarkHidden("cpuprofile")
	fs.Usage = func() {} // the help is printed by the caller, on stdout
	return fs
}

// printUsage writes the synopsis and the flags.
func printUsage(w io.Writer, fs *pflag.FlagSet) {
	fmt.Fprintf(w, "用法 usage: reportlint [flags] FILE|DIR|- ...\n"+
		"       reportlint rules [--lang en]\n"+
		"       reportlint explain [--lang en] RULE\n"+
		"       reportlint serve [--addr 127.0.0.1:8080]   (网页版 the web page)\n"+
		"       reportlint help | version\n\n")
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
}

// buildConfig reads the parsed flags, with the settings file under them,
// into a checked config. The language is read first, so that every later
// message is in it.
func buildConfig(fs *pflag.FlagSet, stdout io.Writer) (*config, error) {
	str := func(name string) string { v, _ := fs.GetString(name); return v }
	flag := func(name string) bool { v, _ := fs.GetBool(name); return v }
	lang := str("lang")
	if lang != "zh" && lang != "en" {
		return nil, usagef("--lang 只能是 zh 或 en (must be zh or en), not %q", lang)
	}
	cfg := &config{en: lang == "en", args: fs.Args()}
	en := cfg.en
	wd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	if cfg.settingsFile, err = applySettingsFile(fs, str("config"), wd, en); err != nil {
		return nil, usageError{err.Error()}
	}
	if lang = str("lang"); lang != "zh" && lang != "en" {
		return nil, usagef("lang: --lang 只能是 zh 或 en (must be zh or en), not %q", lang)
	}
	cfg.en = lang == "en"
	en = cfg.en
	var ok bool
	if cfg.color, ok = colorFor(str("color"), stdout); !ok {
		return nil, usagef("--color 只能是 auto、always 或 never (must be auto, always or never), not %q", str("color"))
	}
	if cfg.format, ok = parseFormat(str("format")); !ok {
		return nil, usagef("--format: %s", badFormat(str("format"), en))
	}
	enable, _ := fs.GetStringSlice("enable")
	disable, _ := fs.GetStringSlice("disable")
	if cfg.rules, err = selectRules(enable, disable, en); err != nil {
		return nil, usageError{err.Error()}
	}
	if cfg.failOn, ok = rules.ParseSeverity(str("fail-on")); !ok {
		return nil, usagef("--fail-on: %s", badLevel(str("fail-on"), en))
	}
	if err := cfg.setMinLevel(str("min-level"), fs.Changed("min-level") || str("min-level") != ""); err != nil {
		return nil, err
	}
	if cfg.options, err = ruleOptions(str("township-deadline")); err != nil {
		return nil, usageError{err.Error()}
	}
	cfg.overview, cfg.pair, cfg.force, cfg.verbose = flag("overview"), flag("pair"), flag("force"), flag("verbose")
	if cfg.overview && cfg.format != formatText && cfg.format != formatCSV {
		return nil, usageError{say(en, "--overview 只能与 --format text 或 csv 一起用", "--overview goes with --format text or csv")}
	}
	cfg.baseline, cfg.writeBaseline = str("baseline"), str("write-baseline")
	if cfg.writeBaseline != "" {
		cfg.baseline = "" // the file is written, not read
	}
	if cfg.jobs, err = jobsFrom(fs, en); err != nil {
		return nil, err
	}
	cfg.decoding = decode.Options{PDFToText: str("pdftotext")}
	cfg.exclude, _ = fs.GetStringArray("exclude")
	for _, g := range cfg.exclude {
		if !doublestar.ValidatePattern(filepath.ToSlash(g)) {
			return nil, usagef("--exclude: %s", badGlob(g, en))
		}
	}
	cfg.stdinName = str("stdin-filename")
	cfg.fileTimeout, _ = fs.GetDuration("file-timeout")
	if cfg.fileTimeout < 0 {
		return nil, usageError{say(en, "--file-timeout 不能为负", "--file-timeout cannot be negative")}
	}
	if cfg.root, err = rootFor(str("root"), cfg.baseline+cfg.writeBaseline, wd, en); err != nil {
		return nil, err
	}
	cfg.cpuProfile = str("cpuprofile")
	cfg.output = str("output")
	return cfg, nil
}

// setMinLevel sets the lowest level printed. By default every level is,
// but SARIF prints from warning up: GitHub keeps 25,000 results a run and
// cannot filter them by level, and infos were most of them. It never hides
// a level that fails the run: an exit code 1 with nothing printed would
// leave the user nothing to fix.
func (c *config) setMinLevel(v string, given bool) error {
	if !given {
		c.minLevel = rules.Info
		if c.format == formatSARIF {
			c.minLevel = min(rules.Warning, c.failOn)
		}
		return nil
	}
	level, ok := rules.ParseSeverity(v)
	if !ok {
		return usagef("--min-level: %s", badLevel(v, c.en))
	}
	if level > c.failOn {
		return usageError{say(c.en,
			fmt.Sprintf("--min-level %s 会隐藏 --fail-on %s 所计的问题：运行会失败却不显示原因", level, c.failOn),
			fmt.Sprintf("--min-level %s would hide findings that --fail-on %s fails on: the run would fail without showing why", level, c.failOn))}
	}
	c.minLevel = level
	return nil
}

// jobsFrom reads -j: at least 1, at most maxJobs, by default one more than
// the CPUs (a worker waiting on a file's read or on the printing of results
// leaves its CPU to the extra one: over 10,000 files on 2 CPUs, 1.79 ->
// 1.90 CPUs busy, ~3% less time).
func jobsFrom(fs *pflag.FlagSet, en bool) (int, error) {
	n, _ := fs.GetInt("jobs")
	switch {
	case fs.Changed("jobs") && n < 1:
		return 0, usageError{say(en, fmt.Sprintf("-j 至少为 1，不能是 %d", n), fmt.Sprintf("-j must be at least 1, not %d", n))}
	case n > maxJobs:
		return 0, usageError{say(en, fmt.Sprintf("-j %d 过大：最多 %d", n, maxJobs), fmt.Sprintf("-j %d is too many: at most %d", n, maxJobs))}
	case n < 1:
		return defaultJobs(), nil
	}
	return n, nil
}

// rootFor decides what file identities are relative to: --root; else the
// baseline's folder, so that a baseline matches from whatever folder the
// run starts in; else the repository root above the working directory
// (the folder holding .git), as GitHub code scanning reads SARIF URIs;
// else the working directory.
func rootFor(root, baseline, wd string, en bool) (string, error) {
	if root != "" {
		info, err := os.Stat(root)
		if err != nil || !info.IsDir() {
			return "", usagef("--root: %s", say(en, fmt.Sprintf("「%s」不是目录", root), fmt.Sprintf("%q is not a folder", root)))
		}
		return filepath.Abs(root)
	}
	if baseline != "" {
		return filepath.Abs(filepath.Dir(baseline))
	}
	for dir := wd; ; {
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return dir, nil
		}
		up := filepath.Dir(dir)
		if up == dir {
			return wd, nil
		}
		dir = up
	}
}

// parseCommandLine reads a check run's command line into a config. done
// is set, with the exit code, when the command line was answered already
// (help, version) or is wrong.
func parseCommandLine(args []string, stdout, stderr io.Writer) (cfg *config, code int, done bool) {
	fs := newFlagSet()
	fs.SetOutput(io.Discard)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			printUsage(stdout, fs) // asked for: the help is the answer
			return nil, exitClean, true
		}
		// pflag words its errors in English; the Chinese run says what
		// kind of error it is first (the language as far as it was read)
		if lang, _ := fs.GetString("lang"); lang == "en" {
			fmt.Fprintf(stderr, "reportlint: %v\n", err)
		} else {
			fmt.Fprintf(stderr, "reportlint: 命令行有误：%v（reportlint --help 列出全部选项）\n", err)
		}
		return nil, exitUsage, true
	}
	if v, _ := fs.GetBool("version"); v {
		fmt.Fprintf(stdout, "reportlint %s\n", programVersion())
		return nil, exitClean, true
	}
	cfg, err := buildConfig(fs, stdout)
	if err != nil {
		fmt.Fprintf(stderr, "reportlint: %s\n", err)
		return nil, exitUsage, true
	}
	if len(cfg.args) == 0 {
		printUsage(stderr, fs)
		return nil, exitUsage, true
	}
	if cfg.verbose {
		used := cfg.settingsFile
		if used == "" {
			used = say(cfg.en, "（无）", "(none)")
		}
		fmt.Fprintf(stderr, "reportlint: %s %s\n", say(cfg.en, "设置文件：", "settings file:"), used)
	}
	return cfg, exitClean, false
}

// fileBudget is how long one file may take: generous, since a real
// report takes milliseconds; past it the file is "too slow to check" and
// the run goes on with the others.
func (c *config) fileBudget(size int64) time.Duration {
	if c.fileTimeout > 0 {
		return c.fileTimeout
	}
	const base, perMB = 10 * time.Second, 5 * time.Second
	if size <= 1<<20 {
		return base
	}
	return base + time.Duration((size-1<<20)>>20+1)*perMB
}
