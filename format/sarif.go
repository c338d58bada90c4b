package format

import (
	"bytes"
	"errors"
	"io"
	"net/url"
	"strings"

	"github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/reportlint/reportlint/rules"
)

// FingerprintKey names reportlint's fingerprint among a SARIF result's
// partialFingerprints.
const FingerprintKey = "reportlintFinding/v1"

// SARIF writes the run as a SARIF 2.1.0 log that GitHub code scanning
// accepts: one run whose driver lists the rules that ran, one result per
// finding located by a URI relative to %SRCROOT% (the working directory)
// and a region in Unicode code points, with a fingerprint that does not
// depend on the line. Files that could not be read and reviewed findings
// that no longer occur are tool execution notifications. Messages are in
// the run's language.
func SARIF(w io.Writer, run Run) error { return writeWhole(w, "sarif", run) }

// errNoResultsPlace: the SARIF library printed a log without the empty
// results array the results are written into.
var errNoResultsPlace = errors.New("sarif: the log has no place for results")

// writeSARIFParts writes the log from the files' parts: the log is printed
// with no results, then cut where they go, and the parts' results are
// written there as rendered, as the whole log indented would print them,
// so that the log is never held whole.
func writeSARIFParts(w io.Writer, run Run, parts []Part, data func(int) ([]byte, error)) error {
	log, err := sarif.New(sarif.Version210)
	if err != nil {
		return err
	}
	sr := sarif.NewRunWithInformationURI(run.Tool.Name, run.Tool.InformationURI)
	sr.Tool.Driver.WithVersion(run.Tool.Version)
	sr.WithColumnKind("unicodeCodePoints")
	for _, r := range append(run.Rules[:len(run.Rules):len(run.Rules)], rules.InputRules()...) {
		sr.Tool.Driver.AddRule(sarifRule(r, run))
	}
	inv := sarif.NewInvocation()
	ok := true
	for _, p := range parts {
		if p.Err != nil && !p.Skipped {
			ok = false
			inv.AddTToolExecutionNotification(sarif.NewNotification().
				WithLevel("error").
				WithTextMessage(p.ID + ": " + strings.TrimPrefix(p.Err.Error(), p.Path+": ")).
				WithLocations([]*sarif.Location{artifactOnly(p.ID)}))
		}
	}
	if b := run.Baseline; b != nil {
		for _, s := range b.Stale {
			inv.AddTToolExecutionNotification(sarif.NewNotification().
				WithLevel("note").
				WithTextMessage(staleMessage(b.Path, s, run.English)).
				WithLocations([]*sarif.Location{artifactOnly(s.File)}))
		}
	}
	inv.WithExecutionSuccess(ok)
	sr.AddInvocations(inv)
	log.AddRun(sr)
	var env bytes.Buffer
	if err := writeJSON(&env, log); err != nil {
		return err
	}
	at := bytes.Index(env.Bytes(), []byte("\n"+sarifIndent+`"results": []`))
	if at < 0 {
		return errNoResultsPlace
	}
	at += len("\n" + sarifIndent + `"results": [`)
	jw := &jsonWriter{w: w}
	jw.raw(env.String()[:at])
	wrote := false
	for i := range parts {
		if jw.err != nil {
			continue
		}
		b, err := data(i)
		if err != nil {
			return err
		}
		if len(b) == 0 {
			continue
		}
		if wrote {
			jw.raw(",")
		}
		if jw.err == nil {
			_, jw.err = w.Write(b)
		}
		wrote = true
	}
	if wrote {
		jw.raw("\n" + sarifIndent)
	}
	jw.raw(env.String()[at:])
	return jw.err
}

// inputResult is the result saying a file was not checked: located at the
// file alone, since there is no line to point to (a region's lines start
// at 1, and GitHub refuses a log with a line 0).
func inputResult(run Run, res FileResult, f rules.Finding, ruleIndex map[string]int) *sarif.Result {
	msg := f.Message.Zh
	if run.English {
		msg = f.Message.En
	}
	return sarif.NewRuleResult(f.Rule).
		WithRuleIndex(ruleIndex[f.Rule]).
		WithLevel(sarifLevel(f.Severity)).
		WithMessage(sarif.NewTextMessage(msg)).
		WithLocations([]*sarif.Location{artifactOnly(res.ID)})
}

// sarifResult is the result of a file's i-th finding f.
func sarifResult(run Run, res FileResult, i int, f rules.Finding, ruleIndex int) *sarif.Result {
	msg := f.Message.Zh
	if run.English {
		msg = f.Message.En
	}
	start, end := findingStart(res.Report, f), findingEnd(res.Report, f)
	msg = withPlace(msg, Place(res.Report, f, run.English)) // a DOCX or PDF position, in words
	region := sarif.NewRegion().
		WithStartLine(start.Line).WithStartColumn(start.Col).
		WithEndLine(end.Line).WithEndColumn(end.Col)
	loc := sarif.NewLocationWithPhysicalLocation(sarif.NewPhysicalLocation().
		WithArtifactLocation(artifact(res.ID)).
		WithRegion(region))
	result := sarif.NewRuleResult(f.Rule).
		WithRuleIndex(ruleIndex).
		WithLevel(sarifLevel(f.Severity)).
		WithMessage(sarif.NewTextMessage(msg)).
		WithLocations([]*sarif.Location{loc}).
		WithPartialFingerPrints(map[string]any{FingerprintKey: fingerprint(res, i)})
	for k, r := range f.Related {
		rmsg := r.Message.Zh
		if run.English {
			rmsg = r.Message.En
		}
		rstart, rend := lineCol(r.Span.Start, r.Loc), relatedEnd(r)
		rmsg = withPlace(rmsg, relatedPlace(r, run.English)) // a DOCX or PDF position, in words
		rl := sarif.NewLocationWithPhysicalLocation(sarif.NewPhysicalLocation().
			WithArtifactLocation(artifact(r.Path)).
			WithRegion(sarif.NewRegion().
				WithStartLine(rstart.Line).WithStartColumn(rstart.Col).
				WithEndLine(rend.Line).WithEndColumn(rend.Col))).
			WithId(k + 1)
		if rmsg != "" {
			rl.WithMessage(sarif.NewTextMessage(rmsg))
		}
		result.RelatedLocations = append(result.RelatedLocations, rl)
	}
	return result
}

func sarifRule(r *rules.Rule, run Run) *sarif.ReportingDescriptor {
	en := run.English
	name, doc := r.Name, r.Doc.Zh
	if en {
		name, doc = r.NameEn, r.Doc.En
	}
	help, md := doc, doc
	if ex, ok := rules.ExampleOf(r.ID); ok {
		want := ex.Want.Zh
		label, gives := "示例（报告片段）：", "报告："
		if en {
			want, label, gives = ex.Want.En, "Example (report excerpt):", "Reported:"
		}
		help += "\n\n" + label + "\n" + ex.Report + "\n" + gives + "\n" + want
		md += "\n\n" + label + "\n\n```\n" + ex.Report + "```\n\n" + gives + "\n\n```\n" + want + "```\n"
	}
	return sarif.NewRule(r.ID).
		WithName(r.Name).
		WithShortDescription(sarif.NewMultiformatMessageString(name)).
		WithFullDescription(sarif.NewMultiformatMessageString(doc)).
		WithHelp(sarif.NewMultiformatMessageString(help).WithMarkdown(md)).
		WithHelpURI(HelpURI(run.Tool.InformationURI, r.ID)).
		WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(sarifLevel(r.Severity)))
}

func sarifLevel(s rules.Severity) string {
	return [...]string{"note", "warning", "error"}[s]
}

// artifact locates a file relative to %SRCROOT% (the run's root), its
// path escaped as a URI reference; a file outside the root (its identity
// an absolute path) by a file: URI of its own.
func artifact(id string) *sarif.ArtifactLocation {
	if abs := absoluteID(id); abs != "" {
		return sarif.NewSimpleArtifactLocation((&url.URL{Scheme: "file", Path: abs}).String())
	}
	return sarif.NewSimpleArtifactLocation(uriOf(id)).WithUriBaseId("%SRCROOT%")
}

// absoluteID is an absolute identity as a URI path ("/srv/a.txt",
// "/C:/reports/a.txt"), or "" for a relative one.
func absoluteID(id string) string {
	switch {
	case strings.HasPrefix(id, "/"):
		return id
	case len(id) > 2 && id[1] == ':' && id[2] == '/':
		return "/" + id // a Windows drive
	}
	return ""
}

func artifactOnly(id string) *sarif.Location {
	return sarif.NewLocationWithPhysicalLocation(sarif.NewPhysicalLocation().WithArtifactLocation(artifact(id)))
}

// uriOf escapes a slash-separated relative path as a URI reference:
// "报告/2019 年.txt" becomes "%E6%8A%A5%E5%91%8A/2019%20%E5%B9%B4.txt".
func uriOf(path string) string {
	return (&url.URL{Path: path}).String()
}
