package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sort"

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

// readBaseline reads a file of reviewed findings. Unknown fields and a
// version other than this program's are errors.
func readBaseline(path string, en bool) (*baselineFile, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, unwrapPathError(err))
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var b baselineFile
	if err := dec.Decode(&b); err != nil {
		return nil, fmt.Errorf("%s: %s: %v", path, say(en, "不是有效的审阅记录文件", "not a valid file of reviewed findings"), err)
	}
	if b.SchemaVersion != baselineVersion {
		return nil, fmt.Errorf("%s: %s", path, say(en,
			fmt.Sprintf("schema_version 为 %d，本程序读取版本 %d", b.SchemaVersion, baselineVersion),
			fmt.Sprintf("schema_version is %d; this program reads version %d", b.SchemaVersion, baselineVersion)))
	}
	for i, e := range b.Findings {
		if e.File == "" || e.Fingerprint == "" {
			return nil, fmt.Errorf("%s: %s", path, say(en,
				fmt.Sprintf("第 %d 条记录缺少 file 或 fingerprint", i+1),
				fmt.Sprintf("entry %d lacks file or fingerprint", i+1)))
		}
	}
	return &b, nil
}

// recordedIndex indexes a file of reviewed findings by file and
// fingerprint.
func recordedIndex(b *baselineFile) map[baselineKey]int {
	recorded := map[baselineKey]int{}
	for i, e := range b.Findings {
		recorded[baselineKey{e.File, e.Fingerprint}] = i
	}
	return recorded
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
// longer occur. Entries for files this run did not check are left alone:
// they are neither used nor stale.
func baselineOutcome(path string, b *baselineFile, used map[int]bool, parts []format.Part, en bool) *format.BaselineResult {
	checked := checkedIDs(parts)
	out := &format.BaselineResult{Path: path, Stale: []format.StaleEntry{}}
	for _, p := range parts {
		out.Suppressed += p.Suppressed
	}
	for i, e := range b.Findings {
		if used[i] || !checked[e.File] {
			continue
		}
		msg := e.Message
		if en {
			msg = e.MessageEn
		}
		out.Stale = append(out.Stale, format.StaleEntry{File: e.File, Fingerprint: e.Fingerprint, Rule: e.Rule, Message: msg, Reason: e.Reason})
	}
	return out
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
func writeBaseline(path string, kept *collection, en bool) (int, error) {
	var old []baselineEntry
	if _, err := os.Stat(path); err == nil {
		b, err := readBaseline(path, en)
		if err != nil {
			return 0, err
		}
		old = b.Findings
	} else if !errors.Is(err, fs.ErrNotExist) {
		return 0, fmt.Errorf("%s: %w", path, unwrapPathError(err))
	}
	reasons := map[baselineKey]string{}
	for _, e := range old {
		reasons[baselineKey{e.File, e.Fingerprint}] = e.Reason
	}
	// what is recorded: this run's findings, read back from the spool,
	// and the old entries of files it did not check
	type item struct {
		key entryKey
		old *baselineEntry
	}
	var items []item
	for _, keys := range kept.found {
		for _, k := range keys {
			items = append(items, item{key: k})
		}
	}
	n := len(items)
	checked := checkedIDs(kept.parts)
	for i, e := range old {
		if !checked[e.File] {
			items = append(items, item{key: entryKey{file: e.File, fingerprint: e.Fingerprint, line: e.Line}, old: &old[i]})
		}
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
	f, err := os.Create(path)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", path, unwrapPathError(err))
	}
	w := bufio.NewWriter(f)
	fmt.Fprintf(w, "{\n  \"schema_version\": %d,\n  \"findings\": [", baselineVersion)
	var buf bytes.Buffer
	for i, it := range items {
		e := baselineEntry{}
		if it.old != nil {
			e = *it.old
		} else if e, err = kept.recordedEntry(it.key); err != nil {
			f.Close()
			return 0, fmt.Errorf("%s: %w", path, err)
		} else {
			e.Reason = reasons[baselineKey{e.File, e.Fingerprint}]
		}
		buf.Reset()
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.SetIndent("    ", "  ")
		if err := enc.Encode(e); err != nil {
			f.Close()
			return 0, err
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
	err = w.Flush()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return 0, fmt.Errorf("%s: %w", path, unwrapPathError(err))
	}
	return n, nil
}
