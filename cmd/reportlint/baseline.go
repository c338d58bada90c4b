package main

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/reportlint/reportlint/format"
)

// baselineVersion is the version of the reviewed-findings file.
const baselineVersion = 1

// baselineFile is a file of reviewed findings: findings a reviewer has
// checked and accepts (a published report cannot be edited), each matched
// by its file and fingerprint, never its line.
type baselineFile struct {
	SchemaVersion int             `json:"schema_version"`
	Findings      []baselineEntry `json:"findings"`
}

type baselineEntry struct {
	File        string `json:"file"`
	Fingerprint string `json:"fingerprint"`
	Rule        string `json:"rule"`
	Table       string `json:"table,omitempty"`
	Row         string `json:"row,omitempty"`
	Column      string `json:"column,omitempty"`
	// Line is where the finding was when it was recorded, for the reader;
	// it is not used to match.
	Line      int    `json:"line"`
	Message   string `json:"message"`
	MessageEn string `json:"message_en"`
	// Reason is the reviewer's: why the finding is accepted.
	Reason string `json:"reason"`
}

type baselineKey struct{ file, fingerprint string }

// keepFunc says what of entry i, read from bytes at of the file, is kept,
// or false to keep nothing of it; it is called with i = -1 where a
// findings array (or null) begins, since only the last of the key counts,
// as encoding/json reads it.
type keepFunc func(i int, e baselineEntry, at span) (baselineEntry, bool)

// span is where an entry is in the file: its bytes from from to to, after
// white space and the comma before it.
type span struct{ from, to int64 }

// readBaseline reads a file of reviewed findings, an entry at a time, as
// keep says. Unknown fields, a version other than this program's
// and an entry without file or fingerprint are errors.
func readBaseline(path string, en bool, keep keepFunc) (*baselineFile, error) {
	f, err := openBaseline(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readBaselineFrom(f, path, en, keep)
}

// openBaseline opens a file of reviewed findings, a regular file only.
func openBaseline(path string) (*os.File, error) {
	if err := regularFile(path); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, unwrapPathError(err))
	}
	return f, nil
}

// readBaselineFile reads an open file of reviewed findings from its start.
func readBaselineFile(f *os.File, path string, en bool, keep keepFunc) error {
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("%s: %w", path, unwrapPathError(err))
	}
	_, err := readBaselineFrom(f, path, en, keep)
	return err
}

func readBaselineFrom(f io.Reader, path string, en bool, keep keepFunc) (*baselineFile, error) {
	b, unnamed, err := decodeBaseline(json.NewDecoder(bufio.NewReaderSize(f, 1<<16)), keep)
	if err != nil {
		return nil, fmt.Errorf("%s: %s: %v", path, say(en, "不是有效的审阅记录文件", "not a valid file of reviewed findings"), err)
	}
	if b.SchemaVersion != baselineVersion {
		return nil, fmt.Errorf("%s: %s", path, say(en,
			fmt.Sprintf("schema_version 为 %d，本程序读取版本 %d", b.SchemaVersion, baselineVersion),
			fmt.Sprintf("schema_version is %d; this program reads version %d", b.SchemaVersion, baselineVersion)))
	}
	if unnamed >= 0 {
		return nil, fmt.Errorf("%s: %s", path, say(en,
			fmt.Sprintf("第 %d 条记录缺少 file 或 fingerprint", unnamed+1),
			fmt.Sprintf("entry %d lacks file or fingerprint", unnamed+1)))
	}
	return b, nil
}

// baselineWriter writes a baseline file's document an entry at a time,
// each as the whole file indented by encoding/json would print it.
type baselineWriter struct {
	w   *bufio.Writer
	n   int
	buf []byte
}

func newBaselineWriter(f io.Writer) *baselineWriter {
	bw := &baselineWriter{w: bufio.NewWriterSize(f, 1<<16)}
	fmt.Fprintf(bw.w, "{\n  \"schema_version\": %d,\n  \"findings\": [", baselineVersion)
	return bw
}

func (bw *baselineWriter) entry(e *baselineEntry) {
	if bw.n > 0 {
		bw.w.WriteString(",")
	}
	bw.n++
	bw.w.WriteString("\n    ")
	bw.buf = appendEntry(bw.buf[:0], e)
	bw.w.Write(bw.buf)
}

func (bw *baselineWriter) finish() error {
	if bw.n > 0 {
		bw.w.WriteString("\n  ")
	}
	bw.w.WriteString("]\n}\n")
	return bw.w.Flush()
}

// compareEntries orders a baseline's entries: by file, line and
// fingerprint.
func compareEntries(fileA string, lineA int, fpA string, fileB string, lineB int, fpB string) int {
	if c := strings.Compare(fileA, fileB); c != 0 {
		return c
	}
	if lineA != lineB {
		return cmp.Compare(lineA, lineB)
	}
	return strings.Compare(fpA, fpB)
}

// runEntries are this run's findings to record, sorted, written from the
// spool among the old entries kept, each with the reason recorded for it
// before.
type runEntries struct {
	keys    []entryKey
	next    int
	kept    *collection
	reasons map[baselineKey]string
	err     error
}

// writeBefore writes the findings that sort before file, line and
// fingerprint fp (all that are left when file is "" and line -1).
func (r *runEntries) writeBefore(bw *baselineWriter, file string, line int, fp string, all bool) {
	for ; r.next < len(r.keys) && r.err == nil; r.next++ {
		k := r.keys[r.next]
		// no old entry is kept for a file this run checked: no key is both
		if !all && compareEntries(k.file, k.line, k.fingerprint, file, line, fp) > 0 {
			return
		}
		e, err := r.kept.recordedEntry(k)
		if err != nil {
			r.err = err
			return
		}
		e.Reason = r.reasons[baselineKey{e.File, e.Fingerprint}]
		bw.entry(&e)
	}
}

// oldItems are the old entries kept when the file written before is out
// of order (edited by hand): where they sort, and where they are in the
// file, to be read again in order. An item holds no strings (a file's
// name is a number, a fingerprint a place in one buffer), so that the
// collector need not walk them.
type oldItems struct {
	items []oldItem
	files []string // the items' file names
	fps   []byte   // their fingerprints, one after another
}

type oldItem struct {
	file      int32
	fp, fpLen uint32 // the fingerprint: fps[fp:fp+fpLen]
	line      int64
	at, end   int64 // the entry's bytes in the file
	order     int64 // where it was added: equal keys keep that order
}

func (o *oldItems) add(file, fingerprint string, line int, at span) {
	if n := len(o.files); n == 0 || file != o.files[n-1] {
		// a file's entries stand together: its name once
		o.files = append(o.files, file)
	}
	o.items = append(o.items, oldItem{file: int32(len(o.files) - 1), fp: uint32(len(o.fps)), fpLen: uint32(len(fingerprint)),
		line: int64(line), at: at.from, end: at.to, order: int64(len(o.items))})
	o.fps = append(o.fps, fingerprint...)
}

func (o *oldItems) compare(x, y oldItem) int {
	if x.file != y.file {
		if c := strings.Compare(o.files[x.file], o.files[y.file]); c != 0 {
			return c
		}
	}
	if x.line != y.line {
		return cmp.Compare(x.line, y.line)
	}
	if c := bytes.Compare(o.fps[x.fp:x.fp+x.fpLen], o.fps[y.fp:y.fp+y.fpLen]); c != 0 {
		return c
	}
	return cmp.Compare(x.order, y.order)
}

// write writes the items in order, each read again from the file, with the
// run's findings among them.
func (o *oldItems) write(bw *baselineWriter, old io.ReaderAt, run *runEntries) error {
	slices.SortFunc(o.items, o.compare)
	var raw []byte
	for _, it := range o.items {
		raw = slices.Grow(raw[:0], int(it.end-it.at))[:it.end-it.at]
		if _, err := old.ReadAt(raw, it.at); err != nil {
			return err
		}
		// after the comma that stood before the entry
		var e baselineEntry
		dec := json.NewDecoder(bytes.NewReader(bytes.TrimLeft(raw, " \t\r\n,")))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&e); err != nil || e.File != o.files[it.file] || e.Fingerprint != string(o.fps[it.fp:it.fp+it.fpLen]) {
			return errChangedDuringRun
		}
		run.writeBefore(bw, e.File, e.Line, e.Fingerprint, false)
		bw.entry(&e)
	}
	return nil
}

// errChangedDuringRun: the file of reviewed findings was changed between
// its reading and its rewriting.
var errChangedDuringRun = errors.New("changed while the run read it")

// appendEntry appends an entry as encoding/json writes it indented by
// "  " after a prefix of four spaces, without HTML escaping (what
// TestAppendEntry and FuzzAppendEntry compare): a baseline's entries are
// written in a few hundred nanoseconds each, not microseconds.
func appendEntry(dst []byte, e *baselineEntry) []byte {
	field := func(dst []byte, name, v string, omitEmpty bool) []byte {
		if omitEmpty && v == "" {
			return dst
		}
		dst = append(dst, "\n      \""...)
		dst = append(dst, name...)
		dst = append(dst, "\": "...)
		dst = appendJSONString(dst, v)
		return append(dst, ',')
	}
	dst = append(dst, '{')
	dst = field(dst, "file", e.File, false)
	dst = field(dst, "fingerprint", e.Fingerprint, false)
	dst = field(dst, "rule", e.Rule, false)
	dst = field(dst, "table", e.Table, true)
	dst = field(dst, "row", e.Row, true)
	dst = field(dst, "column", e.Column, true)
	dst = append(dst, "\n      \"line\": "...)
	dst = strconv.AppendInt(dst, int64(e.Line), 10)
	dst = append(dst, ',')
	dst = field(dst, "message", e.Message, false)
	dst = field(dst, "message_en", e.MessageEn, false)
	dst = field(dst, "reason", e.Reason, false)
	dst = dst[:len(dst)-1] // the last comma
	return append(dst, "\n    }"...)
}

// appendJSONString appends s quoted as encoding/json quotes a string with
// HTML escaping off: quotes, backslashes and control characters escaped,
// invalid UTF-8 as \ufffd, U+2028 and U+2029 escaped.
func appendJSONString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '\\', '"':
				dst = append(dst, '\\', c)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// reviewed is a file of reviewed findings as a run applying it keeps it:
// each entry's key, and its file by number. A file recording a large
// collection's findings then weighs little (two million entries: some
// 70 MB, against 200 MB as strings); what is said of the entries that no
// longer occur is read again at the end.
type reviewed struct {
	index *reviewedIndex
	files []int32 // each entry's file, as index.names numbers it
}

// reviewedIndex finds the last entry of a file and fingerprint, as
// matching finds it. A fingerprint as reportlint writes it, 32 lowercase
// hex digits, is kept as its 16 bytes, the file as a number: no string per
// entry. Any other fingerprint (edited by hand) is kept as it is.
type reviewedIndex struct {
	names map[string]int32
	list  []string // the file of each number
	hex   map[hexKey]int32
	other map[baselineKey]int32
}

type hexKey struct {
	file int32
	fp   [16]byte
}

func newReviewedIndex() *reviewedIndex {
	return &reviewedIndex{names: map[string]int32{}, hex: map[hexKey]int32{}, other: map[baselineKey]int32{}}
}

// hexFingerprint is a fingerprint of 32 lowercase hex digits as its bytes.
func hexFingerprint(fp string) (k [16]byte, ok bool) {
	if len(fp) != 32 {
		return k, false
	}
	for i := 0; i < 32; i++ {
		c := fp[i]
		var v byte
		switch {
		case '0' <= c && c <= '9':
			v = c - '0'
		case 'a' <= c && c <= 'f':
			v = c - 'a' + 10
		default:
			return k, false
		}
		k[i/2] |= v << (4 * (1 - i%2))
	}
	return k, true
}

// add records entry i and returns its file's number.
func (x *reviewedIndex) add(file, fp string, i int) int32 {
	n, ok := x.names[file]
	if !ok {
		n = int32(len(x.list))
		x.names[file] = n
		x.list = append(x.list, file)
	}
	if k, ok := hexFingerprint(fp); ok {
		x.hex[hexKey{n, k}] = int32(i)
	} else {
		x.other[baselineKey{file, fp}] = int32(i)
	}
	return n
}

// lookup is the last entry recorded for a file's finding.
func (x *reviewedIndex) lookup(file, fp string) (int, bool) {
	if k, ok := hexFingerprint(fp); ok {
		n, ok := x.names[file]
		if !ok {
			return 0, false
		}
		i, ok := x.hex[hexKey{n, k}]
		return int(i), ok
	}
	i, ok := x.other[baselineKey{file, fp}]
	return int(i), ok
}

// readReviewed reads a file of reviewed findings for applying it.
func readReviewed(path string, en bool) (*reviewed, error) {
	r := &reviewed{index: newReviewedIndex()}
	_, err := readBaseline(path, en, func(i int, e baselineEntry, _ span) (baselineEntry, bool) {
		if i < 0 {
			r.index, r.files = newReviewedIndex(), nil
			return e, false
		}
		r.files = append(r.files, r.index.add(e.File, e.Fingerprint, i))
		return baselineEntry{}, false
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}

// decodeBaseline decodes the file's one object, its findings one by one;
// unnamed is the first entry without file or fingerprint, or -1.
func decodeBaseline(dec *json.Decoder, keep keepFunc) (b *baselineFile, unnamed int, err error) {
	dec.DisallowUnknownFields()
	b, unnamed = &baselineFile{}, -1
	t, err := dec.Token()
	if err != nil {
		return nil, 0, err
	}
	if t == nil {
		return b, unnamed, nil // null: no version, as encoding/json reads it
	}
	if d, ok := t.(json.Delim); !ok || d != '{' {
		return nil, 0, fmt.Errorf("want \"{\", found %v", t)
	}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil, 0, err
		}
		// field names match in any case, as encoding/json matches them
		switch key, _ := t.(string); {
		case strings.EqualFold(key, "schema_version"):
			if err := dec.Decode(&b.SchemaVersion); err != nil {
				return nil, 0, err
			}
		case strings.EqualFold(key, "findings"):
			if b.Findings, unnamed, err = decodeEntries(dec, keep); err != nil {
				return nil, 0, err
			}
		default:
			return nil, 0, fmt.Errorf("json: unknown field %q", key)
		}
	}
	// what follows the object is not read, as json.Decoder.Decode leaves it
	return b, unnamed, expectDelim(dec, '}')
}

// decodeEntries decodes the findings array (or null).
func decodeEntries(dec *json.Decoder, keep keepFunc) ([]baselineEntry, int, error) {
	unnamed := -1
	t, err := dec.Token()
	if err != nil {
		return nil, unnamed, err
	}
	keep(-1, baselineEntry{}, span{})
	if t == nil {
		return nil, unnamed, nil
	}
	if d, ok := t.(json.Delim); !ok || d != '[' {
		return nil, unnamed, fmt.Errorf("findings: %v is not an array", t)
	}
	var out []baselineEntry
	for i := 0; dec.More(); i++ {
		var e baselineEntry
		from := dec.InputOffset()
		if err := dec.Decode(&e); err != nil {
			return nil, unnamed, err
		}
		if (e.File == "" || e.Fingerprint == "") && unnamed < 0 {
			unnamed = i
		}
		if k, ok := keep(i, e, span{from, dec.InputOffset()}); ok {
			out = append(out, k)
		}
	}
	return out, unnamed, expectDelim(dec, ']')
}

func expectDelim(dec *json.Decoder, want json.Delim) error {
	t, err := dec.Token()
	if err != nil {
		return err
	}
	if d, ok := t.(json.Delim); !ok || d != want {
		return fmt.Errorf("want %q, found %v", string(want), t)
	}
	return nil
}

// hideRecorded takes the reviewed findings out of a checked file's result
// and returns the entries they matched.
func hideRecorded(res *format.FileResult, recorded *reviewedIndex) []int {
	var used []int
	keep, keepFP := res.Findings[:0:0], res.Fingerprints[:0:0]
	for j, f := range res.Findings {
		if k, ok := recorded.lookup(res.ID, res.Fingerprints[j]); ok {
			used = append(used, k)
			res.Suppressed++
			continue
		}
		keep, keepFP = append(keep, f), append(keepFP, res.Fingerprints[j])
	}
	res.Findings, res.Fingerprints = keep, keepFP
	return used
}

// baselineOutcome says what the reviewed findings hid and which of them no
// longer occur, read again from the file (the run kept only their keys).
// Entries for files this run did not check are left alone: they are
// neither used nor stale.
func baselineOutcome(path string, b *reviewed, used map[int]bool, parts []format.Part, en bool) (*format.BaselineResult, error) {
	checked := checkedIDs(parts)
	out := &format.BaselineResult{Path: path, Stale: []format.StaleEntry{}}
	for _, p := range parts {
		out.Suppressed += p.Suppressed
	}
	stale := map[int]bool{}
	for i, file := range b.files {
		if !used[i] && checked[b.index.list[file]] {
			stale[i] = true
		}
	}
	if len(stale) == 0 {
		return out, nil
	}
	_, err := readBaseline(path, en, func(i int, e baselineEntry, _ span) (baselineEntry, bool) {
		if i < 0 {
			out.Stale = out.Stale[:0]
		}
		if i >= 0 && stale[i] {
			msg := e.Message
			if en {
				msg = e.MessageEn
			}
			out.Stale = append(out.Stale, format.StaleEntry{File: e.File, Fingerprint: e.Fingerprint, Rule: e.Rule, Message: msg, Reason: e.Reason})
		}
		return baselineEntry{}, false
	})
	if err == nil && len(out.Stale) != len(stale) {
		err = fmt.Errorf("%s: %s", path, say(en, "在检查过程中被改动", "changed while the run read it"))
	}
	return out, err
}

// checkedIDs are the identities of the files the run could read.
func checkedIDs(parts []format.Part) map[string]bool {
	checked := map[string]bool{}
	for _, p := range parts {
		if p.Err == nil {
			checked[p.ID] = true
		}
	}
	return checked
}

// baselineEntries are a checked file's findings as recorded, without
// reasons yet.
func baselineEntries(res format.FileResult) []baselineEntry {
	var entries []baselineEntry
	for j, f := range res.Findings {
		entries = append(entries, baselineEntry{
			File: res.ID, Fingerprint: res.Fingerprints[j], Rule: f.Rule,
			Table: f.Table, Row: f.Row, Column: f.Column,
			Line: f.Span.Start.Line, Message: f.Message.Zh, MessageEn: f.Message.En,
		})
	}
	return entries
}

// writeBaseline records the findings of the files checked in this run,
// keeping the reason of every finding already recorded in the file and the
// entries of files this run did not check, sorted by file, line and
// fingerprint. The entries are written one at a time, as the whole file
// indented would print them. It returns how many findings of this run it
// recorded.
// baselineTarget refuses, before the run, a file of reviewed findings that
// could not be written at its end: a folder, something that is not a
// regular file, a read-only file (whose protection would be replaced).
func baselineTarget(path string, en bool) error {
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("%s: %w", path, unwrapPathError(err))
	case info.IsDir():
		return fmt.Errorf("%s: %w", path, errIsDir)
	case !info.Mode().IsRegular():
		return fmt.Errorf("%s: %w", path, errNotRegular)
	case info.Mode().Perm()&0o200 == 0:
		return fmt.Errorf("%s: %s", path, say(en, "是只读文件，不予改写", "is read-only; not replaced"))
	}
	return nil
}

func writeBaseline(path string, kept *collection, en bool) (int, error) {
	// what is recorded: this run's findings, read back from the spool,
	// and the old entries of files it did not check, each read again from
	// the file written before, of which only the reasons of this run's
	// findings are kept (the last of a key counts). A file this program
	// wrote is in order: its entries are read again one by one as the
	// run's findings are written among them, nothing kept of them
	// (two million entries: 98 s and 1.2 GB before).
	run := &runEntries{kept: kept, reasons: map[baselineKey]string{}}
	runKeys := map[baselineKey]bool{}
	for _, keys := range kept.found {
		for _, k := range keys {
			run.keys = append(run.keys, k)
			runKeys[baselineKey{k.file, k.fingerprint}] = true
		}
	}
	slices.SortStableFunc(run.keys, func(a, b entryKey) int {
		return compareEntries(a.file, a.line, a.fingerprint, b.file, b.line, b.fingerprint)
	})
	checked := checkedIDs(kept.parts)
	changed := fmt.Errorf("%s: %s", path, say(en, "在检查过程中被改动", "changed while the run read it"))
	named := func(err error) error { return fmt.Errorf("%s: %w", path, unwrapPathError(err)) }
	// of the file written before: its findings arrays (only the last
	// counts), the old entries kept, whether they are in order
	var old *os.File
	arrays, nold, sorted := 0, 0, true
	var prev baselineEntry
	if _, err := os.Stat(path); err == nil {
		// held open from the first reading to the last: the entries are
		// read again from the same file
		if old, err = openBaseline(path); err != nil {
			return 0, err
		}
		defer old.Close()
		err := readBaselineFile(old, path, en, func(i int, e baselineEntry, _ span) (baselineEntry, bool) {
			if i < 0 {
				clear(run.reasons)
				arrays, nold, sorted = arrays+1, 0, true
				return e, false
			}
			if k := (baselineKey{e.File, e.Fingerprint}); runKeys[k] {
				if e.Reason != "" {
					run.reasons[k] = e.Reason
				} else {
					delete(run.reasons, k)
				}
			}
			if !checked[e.File] {
				if nold > 0 && compareEntries(prev.File, prev.Line, prev.Fingerprint, e.File, e.Line, e.Fingerprint) > 0 {
					sorted = false
				}
				nold, prev = nold+1, e
			}
			return e, false
		})
		if err != nil {
			return 0, err
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return 0, fmt.Errorf("%s: %w", path, unwrapPathError(err))
	}
	// the entries in order, the old ones read again as they are written
	// (in one reading of the file, or, out of order, one by one), the
	// run's findings among them
	writeAll := func(f io.Writer) error {
		bw := newBaselineWriter(f)
		switch {
		case nold > 0 && sorted:
			seen, n := 0, 0
			err := readBaselineFile(old, path, en, func(i int, e baselineEntry, _ span) (baselineEntry, bool) {
				if i < 0 {
					seen++
					return e, false
				}
				if seen == arrays && !checked[e.File] {
					run.writeBefore(bw, e.File, e.Line, e.Fingerprint, false)
					bw.entry(&e)
					n++
				}
				return e, false
			})
			if err == nil && (seen != arrays || n != nold) {
				err = changed
			}
			if err != nil {
				return err
			}
		case nold > 0:
			var items oldItems
			seen := 0
			err := readBaselineFile(old, path, en, func(i int, e baselineEntry, at span) (baselineEntry, bool) {
				if i < 0 {
					seen++
				} else if seen == arrays && !checked[e.File] {
					items.add(e.File, e.Fingerprint, e.Line, at)
				}
				return e, false
			})
			if err == nil && (seen != arrays || len(items.items) != nold) {
				err = changed
			}
			if err != nil {
				return err
			}
			if err = items.write(bw, old, run); errors.Is(err, errChangedDuringRun) {
				return changed
			} else if err != nil {
				return named(err)
			}
		}
		run.writeBefore(bw, "", 0, "", true)
		if run.err != nil {
			return named(run.err)
		}
		if err := bw.finish(); err != nil {
			return named(err)
		}
		return nil
	}
	// written beside the file and renamed over it once whole: a failure on
	// the way (a full disk, the spool unreadable) leaves the reviewers'
	// file as it was
	mode := fs.FileMode(0o644)
	if info, err := os.Stat(path); err == nil {
		mode = info.Mode().Perm()
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".reportlint-baseline-*")
	if err != nil {
		return 0, fmt.Errorf("%s: %w", path, unwrapPathError(err))
	}
	defer os.Remove(f.Name()) // gone once renamed; removed if not
	if err := writeAll(f); err != nil {
		f.Close()
		return 0, err // named already
	}
	err = f.Sync() // on the disk before the rename makes it the file
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(f.Name(), mode)
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		return 0, fmt.Errorf("%s: %w", path, unwrapPathError(err))
	}
	return len(run.keys), nil
}
