package rules

import "github.com/reportlint/reportlint/parse"

// A span is a place in one report's decoded text: printed with another
// report's text at hand it would name the wrong line (an HTML file's lines
// are not its text's). A finding across reports therefore carries, beside
// each span, where the span stands in its own file, found here while that
// file's report is at hand; the formats print those places as they are.

// placeIn is where a span of r's text starts and ends in r's file.
func placeIn(r *parse.Report, s parse.Span) (start, end parse.Location) {
	if r == nil || r.Text == nil {
		return parse.Location{Line: s.Start.Line, Col: s.Start.Col}, parse.Location{Line: s.End.Line, Col: s.End.Col}
	}
	start = r.Text.Locate(s.Start)
	if s.End.Line > 0 {
		end = r.Text.Locate(s.End)
	}
	return start, end
}

// relatedIn is a place in another report, m's, found while m is at hand.
func relatedIn(m Member, s parse.Span, msg Text) Location {
	at, end := placeIn(m.Report, s)
	return Location{Path: m.Path, Span: s, Loc: at, EndLoc: end, Message: msg}
}

// locateIn fills the places of a finding made in r that its rule left
// unfilled: the finding's own, and its numbers'.
func locateIn(f *Finding, r *parse.Report) {
	if !f.Loc.Known() && f.Span.Start.Line > 0 {
		f.Loc, f.EndLoc = placeIn(r, f.Span)
	}
	for i := range f.Operands {
		if o := &f.Operands[i]; !o.Loc.Known() && o.Span.Start.Line > 0 {
			o.Loc, _ = placeIn(r, o.Span)
		}
	}
}
