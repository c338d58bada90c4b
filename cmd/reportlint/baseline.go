package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

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

// readBaseline reads a file of reviewed findings, an entry at a time;
// keep says what of entry i is kept, or false to keep nothing of it; it is
// called with i = -1 where a findings array (or null) begins, since only
// the last of the key counts, as encoding/json reads it. Unknown fields, a version other than this program's
// and an entry without file or fingerprint are errors.
func readBaseline(path string, en bool, keep func(i int, e baselineEntry) (baselineEntry, bool)) (*baselineFile, error) {
	if err := regularFile(path); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, unwrapPathError(err))
	}
	defer f.Close()
	b, unnamed, err := decodeBaseline(json.NewDecoder(bufio.NewReader(f)), keep)
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

// baselineItem is an entry of the baseline written: this run's finding,
// waiting in the spool, or an old entry kept.
type baselineItem struct {
	key entryKey
	old *baselineEntry
}

// writeEntries writes the baseline file's document, its entries one at a
// time, as the whole file indented would print them.
func writeEntries(f io.Writer, items []baselineItem, kept *collection, reasons map[baselineKey]string) error {
	w := bufio.NewWriter(f)
	fmt.Fprintf(w, "{\n  \"schema_version\": %d,\n  \"findings\": [", baselineVersion)
	var buf bytes.Buffer
	for i, it := range items {
		e := baselineEntry{}
		if it.old != nil {
			e = *it.old
		} else {
			var err error
			if e, err = kept.recordedEntry(it.key); err != nil {
				return err
			}
			e.Reason = reasons[baselineKey{e.File, e.Fingerprint}]
		}
		buf.Reset()
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.SetIndent("    ", "  ")
		if err := enc.Encode(e); err != nil {
			return err
		}
		if i > 0 {
			w.WriteString(",")
		}
		w.WriteString("\n    ")
		w.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
	}
	if len(items) > 0 {
		w.WriteString("\n  ")
	}
	w.WriteString("]\n}\n")
	return w.Flush()
}

// reviewed is a file of reviewed findings as a run applying it keeps it:
// each entry's key, and its file by index. A file recording a large
// collection's findings then weighs little; what is said of the entries
// that no longer occur is read again at the end.
type reviewed struct {
	index map[baselineKey]int // the last entry of a key, as matching finds it
	files []string
}

// readReviewed reads a file of reviewed findings for applying it.
func readReviewed(path string, en bool) (*reviewed, error) {
	r := &reviewed{index: map[baselineKey]int{}}
	_, err := readBaseline(path, en, func(i int, e baselineEntry) (baselineEntry, bool) {
		if i < 0 {
			r.index, r.files = map[baselineKey]int{}, nil
			return e, false
		}
		if n := len(r.files); n > 0 && r.files[n-1] == e.File {
			e.File = r.files[n-1] // a file's entries stand together: its name once
		}
		r.index[baselineKey{e.File, e.Fingerprint}] = i
		r.files = append(r.files, e.File)
		return baselineEntry{}, false
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}

// decodeBaseline decodes the file's one object, its findings one by one;
// unnamed is the first entry without file or fingerprint, or -1.
func decodeBaseline(dec *json.Decoder, keep func(int, baselineEntry) (baselineEntry, bool)) (b *baselineFile, unnamed int, err error) {
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
func decodeEntries(dec *json.Decoder, keep func(int, baselineEntry) (baselineEntry, bool)) ([]baselineEntry, int, error) {
	unnamed := -1
	t, err := dec.Token()
	if err != nil {
		return nil, unnamed, err
	}
	keep(-1, baselineEntry{})
	if t == nil {
		return nil, unnamed, nil
	}
	if d, ok := t.(json.Delim); !ok || d != '[' {
		return nil, unnamed, fmt.Errorf("findings: %v is not an array", t)
	}
	var out []baselineEntry
	for i := 0; dec.More(); i++ {
		var e baselineEntry
		if err := dec.Decode(&e); err != nil {
			return nil, unnamed, err
		}
		if (e.File == "" || e.Fingerprint == "") && unnamed < 0 {
			unnamed = i
		}
		if k, ok := keep(i, e); ok {
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
func hideRecorded(res *format.FileResult, recorded map[baselineKey]int) []int {
	var used []int
	keep, keepFP := res.Findings[:0:0], res.Fingerprints[:0:0]
	for j, f := range res.Findings {
		if k, ok := recorded[baselineKey{res.ID, res.Fingerprints[j]}]; ok {
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
		if !used[i] && checked[file] {
			stale[i] = true
		}
	}
	if len(stale) == 0 {
		return out, nil
	}
	_, err := readBaseline(path, en, func(i int, e baselineEntry) (baselineEntry, bool) {
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
	// of the file written before: the reasons given (the last of a key
	// counts), and whole only the entries of files this run did not check
	checked := checkedIDs(kept.parts)
	reasons := map[baselineKey]string{}
	var old []baselineEntry
	if _, err := os.Stat(path); err == nil {
		b, err := readBaseline(path, en, func(i int, e baselineEntry) (baselineEntry, bool) {
			if i < 0 {
				clear(reasons)
				return e, false
			}
			if k := (baselineKey{e.File, e.Fingerprint}); e.Reason != "" {
				reasons[k] = e.Reason
			} else {
				delete(reasons, k)
			}
			return e, !checked[e.File]
		})
		if err != nil {
			return 0, err
		}
		old = b.Findings
	} else if !errors.Is(err, fs.ErrNotExist) {
		return 0, fmt.Errorf("%s: %w", path, unwrapPathError(err))
	}
	// what is recorded: this run's findings, read back from the spool,
	// and the old entries of files it did not check
	var items []baselineItem
	for _, keys := range kept.found {
		for _, k := range keys {
			items = append(items, baselineItem{key: k})
		}
	}
	n := len(items)
	for i, e := range old {
		items = append(items, baselineItem{key: entryKey{file: e.File, fingerprint: e.Fingerprint, line: e.Line}, old: &old[i]})
	}
	sort.SliceStable(items, func(i, j int) bool {
		a, b := items[i].key, items[j].key
		if a.file != b.file {
			return a.file < b.file
		}
		if a.line != b.line {
			return a.line < b.line
		}
		return a.fingerprint < b.fingerprint
	})
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
	err = writeEntries(f, items, kept, reasons)
	if err == nil {
		err = f.Sync() // on the disk before the rename makes it the file
	}
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
	return n, nil
}
