// Package format prints findings for people and for tools.
package format

import (
	"fmt"
	"io"
	"strings"

	"github.com/fatih/color"

	"github.com/reportlint/reportlint/parse"
	"github.com/reportlint/reportlint/rules"
)

// FileResult is what checking one file gave.
type FileResult struct {
	Path     string
	Report   *parse.Report // nil when the file could not be read
	Findings []rules.Finding
	Err      error
	// ID is the file's identity in fingerprints and SARIF: its path
	// relative to the working directory, with forward slashes.
	ID string
	// Fingerprints holds one fingerprint per finding (rules.Fingerprints).
	Fingerprints []string
	// Suppressed counts the findings hidden because a reviewer recorded them.
	Suppressed int
	// Digest is what the checks across reports keep of the file, made by the
	// worker that checked it.
	Digest *rules.Digest
	// Skipped: Err says the file is not a report, and a folder walk found
	// it; said at info level, not a failure.
	Skipped bool
}

// Options control the text output.
type Options struct {
	English bool
	Color   bool
	// Baseline, when set, adds the reviewed findings that no longer occur
	// and the count of those hidden.
	Baseline *BaselineResult
	// MinLevel is the lowest level printed; above info, the status lines
	// (which are about what was checked, not findings) are left out too.
	MinLevel rules.Severity
	// Rules are the rules that ran (nil: all), for the status lines.
	Rules []*rules.Rule
}

// TextPrinter writes the text output — one finding a line, `path:line:col:
// severity: message [rule-id]`, then a status line for each file, then a
// summary line — one file at a time, so that a run over thousands of files
// need not keep their results: only the counts for the summary line stay.
// A file that could not be checked is a line `path: error: why
// [input-unreadable]` (or an info, for a file in a folder that is not a
// report), with no line and column since it has no place.
type TextPrinter struct {
	w      io.Writer
	opt    Options
	paint  func(rules.Severity) string
	counts [3]int
	tally  Tally
}

// NewTextPrinter returns a printer writing to w.
func NewTextPrinter(w io.Writer, opt Options) *TextPrinter {
	return &TextPrinter{w: w, opt: opt, paint: painter(opt.Color)}
}

// File writes one file's findings and its status line, or why it was not
// checked.
func (p *TextPrinter) File(res FileResult) error {
	p.tally.Add(res)
	if res.Err != nil {
		f := InputFinding(res)
		if f.Severity < p.opt.MinLevel {
			return nil
		}
		_, err := fmt.Fprintf(p.w, "%s: %s: %s %s\n", Printable(res.Path), p.paint(f.Severity), Printable(p.opt.message(f.Message)), p.ruleTag(f.Rule))
		return err
	}
	for _, f := range res.Findings {
		p.counts[f.Severity]++
		msg := f.Message.Zh
		if p.opt.English {
			msg = f.Message.En
		}
		_, err := fmt.Fprintf(p.w, "%s:%s: %s: %s %s\n", Printable(res.Path), Where(res.Report, f),
			p.paint(f.Severity), Printable(withPlace(msg, Place(res.Report, f, p.opt.English))), p.ruleTag(f.Rule))
		if err == nil {
			err = p.related(f)
		}
		if err != nil {
			return err
		}
	}
	if p.opt.MinLevel > rules.Info {
		return nil
	}
	_, err := fmt.Fprintf(p.w, "%s: %s\n", Printable(res.Path), StatusAfter(res.Report, p.opt.Rules, p.opt.English))
	return err
}

// message is a text in the output's language.
func (o Options) message(t rules.Text) string {
	if o.English {
		return t.En
	}
	return t.Zh
}

// Printable writes the control characters of a file name or a message
// (a newline, an escape sequence: a name can hold any of them, and a
// message quotes the report) as visible escapes, \n or \x1b, so that one
// finding stays one line and nothing reaches the terminal as a command.
func Printable(s string) string {
	clean := true
	for _, r := range s {
		if isControl(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case isControl(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isControl: C0 controls but the tab, DEL, and the C1 controls.
func isControl(r rune) bool {
	return (r < 0x20 && r != '\t') || (r >= 0x7f && r <= 0x9f)
}

// Finding writes one finding found across reports (the pair checks run
// after every file was printed), counted in the summary; where and place
// are Where(report, f) and Place(report, f), found while the report was at
// hand.
func (p *TextPrinter) Finding(path, where, place string, f rules.Finding) error {
	p.counts[f.Severity]++
	msg := f.Message.Zh
	if p.opt.English {
		msg = f.Message.En
	}
	_, err := fmt.Fprintf(p.w, "%s:%s: %s: %s %s\n", Printable(path), where,
		p.paint(f.Severity), Printable(withPlace(msg, place)), p.ruleTag(f.Rule))
	if err != nil {
		return err
	}
	return p.related(f)
}

// related writes the other places a finding is about, a line each under
// it, indented so that a problem matcher reading path:line:col lines does
// not take them for findings.
func (p *TextPrinter) related(f rules.Finding) error {
	for _, l := range f.Related {
		msg := l.Message.Zh
		if p.opt.English {
			msg = l.Message.En
		}
		if msg == "" {
			msg = pick(p.opt.English, "related", "相关位置")
		}
		if _, err := fmt.Fprintf(p.w, "    %s:%s: %s\n", Printable(l.Path), relatedWhere(l), Printable(withPlace(msg, relatedPlace(l, p.opt.English)))); err != nil {
			return err
		}
	}
	return nil
}

// Finish writes the reviewed findings that no longer occur, if a baseline
// was used, and the summary line.
func (p *TextPrinter) Finish() error {
	opt := p.opt
	line := summaryLine(p.tally, p.counts, opt.English)
	if b := opt.Baseline; b != nil {
		for _, st := range b.Stale {
			if _, err := fmt.Fprintln(p.w, staleMessage(b.Path, st, opt.English)); err != nil {
				return err
			}
		}
		if opt.English {
			line += fmt.Sprintf("; %d reviewed %s hidden by %s, %d no longer %s", b.Suppressed, plural(b.Suppressed, "finding"), b.Path, len(b.Stale), pick(len(b.Stale) == 1, "occurs", "occur"))
		} else {
			line += fmt.Sprintf("；按 %s 隐藏已审阅的问题 %d 个，已不再出现 %d 个", b.Path, b.Suppressed, len(b.Stale))
		}
	}
	_, err := fmt.Fprintln(p.w, line)
	return err
}

// ruleTag is a finding's [rule-id], faint when colour is on: decided by
// the run's --color, never by the colour library's own guess from the
// terminal (which printed ESC[2m with --color never).
func (p *TextPrinter) ruleTag(id string) string {
	if !p.opt.Color {
		return "[" + id + "]"
	}
	c := color.New(color.Faint)
	c.EnableColor()
	return c.Sprintf("[%s]", id)
}

func painter(on bool) func(rules.Severity) string {
	cols := map[rules.Severity]*color.Color{
		rules.Error:   color.New(color.FgRed, color.Bold),
		rules.Warning: color.New(color.FgYellow, color.Bold),
		rules.Info:    color.New(color.FgCyan),
	}
	return func(s rules.Severity) string {
		if !on {
			return s.String()
		}
		c := cols[s]
		c.EnableColor()
		return c.Sprint(s.String())
	}
}

func summary(files int, c [3]int, en bool) string {
	if en {
		return fmt.Sprintf("%d %s checked: %d %s, %d %s, %d %s", files, plural(files, "file"),
			c[rules.Error], plural(c[rules.Error], "error"), c[rules.Warning], plural(c[rules.Warning], "warning"), c[rules.Info], plural(c[rules.Info], "info"))
	}
	return fmt.Sprintf("共检查 %d 个文件：错误 %d 个，警告 %d 个，提示 %d 个", files, c[rules.Error], c[rules.Warning], c[rules.Info])
}

func plural(n int, w string) string {
	if n == 1 {
		return w
	}
	return w + "s"
}

// Status says in one line what was recognised and checked in a report, so
// that "no findings" can be told from "could not check", every rule having
// run.
func Status(r *parse.Report, en bool) string { return StatusAfter(r, nil, en) }

// StatusAfter is the status of a report checked with the rule set (nil:
// every rule): a table none of whose rules ran is "not checked".
func StatusAfter(r *parse.Report, ruleSet []*rules.Rule, en bool) string {
	if r == nil {
		return ""
	}
	var parts []string
	if en {
		parts = append(parts, fmt.Sprintf("status: year %s, template %s", yearOr(r.Year, "unknown"), r.Era))
	} else {
		parts = append(parts, fmt.Sprintf("状态：%s年度，%s", yearOr(r.Year, "未知"), r.Era.Zh()))
	}
	states := tableStates(r, ruleSet)
	for _, s := range states {
		parts = append(parts, s.words(en))
	}
	if len(states) == 0 {
		parts = append(parts, noTable(en))
	}
	sep := "；"
	if en {
		sep = "; "
	}
	return strings.Join(parts, sep)
}

func worst(ts []*parse.Table) parse.TableStatus {
	w := parse.TableRead
	for _, t := range ts {
		if t.Status > w {
			w = t.Status
		}
	}
	return w
}

func tableWord(k parse.TableKind, en bool) string { return k.Short(en) }

func statusWord(s parse.TableStatus, en bool) string {
	if en {
		return map[parse.TableStatus]string{parse.TableRead: " checked", parse.TablePartial: " partly checked", parse.TableUnchecked: " not checked"}[s]
	}
	return map[parse.TableStatus]string{parse.TableRead: "已核对", parse.TablePartial: "部分核对", parse.TableUnchecked: "未核对"}[s]
}

func yearOr(y int, unknown string) string {
	if y == 0 {
		return unknown
	}
	return fmt.Sprint(y)
}

func pick(en bool, e, z string) string {
	if en {
		return e
	}
	return z
}
