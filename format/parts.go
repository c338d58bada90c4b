package format

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"

	"github.com/reportlint/reportlint/rules"
)

// Part is one file's share of the output of a run that prints at its end
// (JSON, SARIF, CSV, or text with a baseline), rendered as soon as the
// file is checked: a run over many files then keeps a few numbers of each
// file and its rendering, which need not stay in memory, instead of its
// report.
type Part struct {
	Path string // as named
	ID   string // identity, relative to the working directory
	Err  error  // the file could not be read
	// Skipped: Err says the file is not a report, found in a folder
	Skipped bool
	// Counts are its findings by severity, Suppressed those a baseline hid.
	Counts     [3]int
	Suppressed int
	// Data is the file's rendering in the run's format: its entry of the
	// JSON document, its SARIF results, its CSV row, its text lines. Empty
	// when the file prints nothing there.
	Data []byte
}

// Renderer renders files' parts in one output format and puts a run
// together from them. The whole-run writers (JSON, SARIF, CSV) are built
// on it, so that a run put together from parts prints exactly as they do.
type Renderer struct {
	format    string // json, sarif, csv or text
	english   bool
	color     bool
	minLevel  rules.Severity
	ruleSet   []*rules.Rule
	ruleIndex map[string]int
	custom    Custom // a format rendered outside this package
}

// Custom is an output format rendered outside this package (the HTML
// collection report, which inlines the web page's script and reads the
// page's shapes of a finding): a file's part, and the run put together
// from the parts, as the formats here do.
type Custom interface {
	Part(res FileResult) ([]byte, error)
	Write(w io.Writer, run Run, parts []Part, data func(int) ([]byte, error)) error
}

// NewCustomRenderer returns a renderer whose parts and run c renders.
func NewCustomRenderer(c Custom) *Renderer {
	return &Renderer{format: "custom", custom: c, ruleIndex: map[string]int{}}
}

// SetMinLevel sets the lowest level the text printed at the end shows
// (the findings below it are left out by the caller).
func (r *Renderer) SetMinLevel(l rules.Severity) { r.minLevel = l }

// NewRenderer returns a renderer for the format (json, sarif, csv or
// text), the rules that ran in registry order, the messages' language and,
// for text, colour.
func NewRenderer(outFormat string, ruleSet []*rules.Rule, en, color bool) *Renderer {
	r := &Renderer{format: outFormat, english: en, color: color, ruleSet: ruleSet, ruleIndex: map[string]int{}}
	// the input rules follow the rules that ran in a SARIF log's driver
	for i, rule := range append(ruleSet[:len(ruleSet):len(ruleSet)], rules.InputRules()...) {
		r.ruleIndex[rule.ID] = i
	}
	return r
}

// sarifIndent is where a SARIF log's results stand: in its one run.
const sarifIndent = "      "

// Part renders one file's result, its ID, fingerprints and baseline
// already settled.
func (r *Renderer) Part(res FileResult) (Part, error) {
	p := Part{Path: res.Path, ID: res.ID, Err: res.Err, Skipped: res.Skipped, Counts: counts(res.Findings), Suppressed: res.Suppressed}
	var buf bytes.Buffer
	var err error
	if r.custom != nil {
		p.Data, err = r.custom.Part(res)
		return p, err
	}
	switch r.format {
	case "json":
		jw := &jsonWriter{w: &buf}
		var ignored jsonSummary // Write sums the parts
		jw.value(jsonFileOf(res, &ignored, r.ruleSet), "    ")
		err = jw.err
	case "sarif":
		jw := &jsonWriter{w: &buf}
		run := Run{English: r.english}
		if res.Err != nil {
			// a result too (code scanning does not show tool notifications),
			// unless a note below the level printed
			if f := InputFinding(res); f.Severity >= r.minLevel {
				jw.raw("\n" + sarifIndent + "  ")
				jw.value(inputResult(run, res, f, r.ruleIndex), sarifIndent+"  ")
			}
			err = jw.err
			break
		}
		for i, f := range res.Findings {
			if i > 0 {
				jw.raw(",")
			}
			jw.raw("\n" + sarifIndent + "  ")
			jw.value(sarifResult(run, res, i, f, r.ruleIndex[f.Rule]), sarifIndent+"  ")
		}
		err = jw.err
	case "csv":
		cw := csv.NewWriter(&buf)
		if err = cw.Write(csvRow(res, r.english, r.ruleSet)); err == nil {
			cw.Flush()
			err = cw.Error()
		}
	case "text":
		err = NewTextPrinter(&buf, Options{English: r.english, Color: r.color, MinLevel: r.minLevel, Rules: r.ruleSet}).File(res)
	default:
		err = fmt.Errorf("format: no output format %q", r.format)
	}
	p.Data = buf.Bytes()
	return p, err
}

// Parts renders every result of the run.
func (r *Renderer) Parts(results []FileResult) ([]Part, error) {
	parts := make([]Part, 0, len(results))
	for _, res := range results {
		p, err := r.Part(res)
		if err != nil {
			return nil, err
		}
		parts = append(parts, p)
	}
	return parts, nil
}

// Write writes the run put together from its files' parts, in the order
// given; run.Results is not read. data gives the rendering of a part whose
// Data is not held (kept on disk); nil when every part holds its own.
func (r *Renderer) Write(w io.Writer, run Run, parts []Part, data func(i int) ([]byte, error)) error {
	if data == nil {
		data = func(i int) ([]byte, error) { return parts[i].Data, nil }
	}
	if r.custom != nil {
		return r.custom.Write(w, run, parts, data)
	}
	switch r.format {
	case "json":
		return writeJSONParts(w, run, parts, data)
	case "sarif":
		return writeSARIFParts(w, run, parts, data)
	case "csv":
		return writeCSVParts(w, run, parts, data)
	case "text":
		p := NewTextPrinter(w, Options{English: r.english, Color: r.color, Baseline: run.Baseline, MinLevel: r.minLevel, Rules: r.ruleSet})
		for i, part := range parts {
			p.tally.addPart(part)
			for s, n := range part.Counts {
				p.counts[s] += n
			}
			if err := copyPart(w, data, i); err != nil {
				return err
			}
		}
		return p.Finish()
	}
	return fmt.Errorf("format: no output format %q", r.format)
}

// copyPart writes part i's rendering.
func copyPart(w io.Writer, data func(int) ([]byte, error), i int) error {
	b, err := data(i)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// writeWhole renders every result of the run and writes it.
func writeWhole(w io.Writer, outFormat string, run Run) error {
	r := NewRenderer(outFormat, run.Rules, run.English, false)
	parts, err := r.Parts(run.Results)
	if err != nil {
		return err
	}
	return r.Write(w, run, parts, nil)
}
