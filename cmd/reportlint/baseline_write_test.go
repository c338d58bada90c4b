package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// wantRewritten is the baseline that keeps every old entry, as encoding/json
// prints it: the file read whole, its entries sorted (stably) by file, line
// and fingerprint, each indented by the encoder.
func wantRewritten(t testing.TB, old []byte) []byte {
	dec := json.NewDecoder(bytes.NewReader(old))
	dec.DisallowUnknownFields()
	var b baselineFile
	if err := dec.Decode(&b); err != nil {
		t.Fatal(err)
	}
	slices.SortStableFunc(b.Findings, func(x, y baselineEntry) int {
		if c := strings.Compare(x.File, y.File); c != 0 {
			return c
		}
		if x.Line != y.Line {
			return x.Line - y.Line
		}
		return strings.Compare(x.Fingerprint, y.Fingerprint)
	})
	var out bytes.Buffer
	fmt.Fprintf(&out, "{\n  \"schema_version\": %d,\n  \"findings\": [", baselineVersion)
	for i, e := range b.Findings {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.SetIndent("    ", "  ")
		if err := enc.Encode(e); err != nil {
			t.Fatal(err)
		}
		if i > 0 {
			out.WriteString(",")
		}
		out.WriteString("\n    ")
		out.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
	}
	if len(b.Findings) > 0 {
		out.WriteString("\n  ")
	}
	out.WriteString("]\n}\n")
	return out.Bytes()
}

// A baseline rewritten with none of its files checked keeps every entry,
// read again from the old file and written as encoding/json writes it:
// entries out of order, repeated keys (kept in their order), field names
// in other cases, escapes, invalid UTF-8, U+2028, HTML characters, a
// findings array given twice (the last counts).
func TestWriteBaselineKeepsOldEntries(t *testing.T) {
	old := []byte("{\"findings\": [{\"file\": \"gone.txt\", \"fingerprint\": \"x\"}],\n" +
		` "schema_version": 1, "FINDINGS": [` +
		`{"file": "b.txt", "fingerprint": "f2", "rule": "r", "line": 9, "message": "甲\u2028乙", "message_en": "<a&b>", "reason": "ok"},` +
		"\n\n\t" + `{"File": "a.txt", "FINGERPRINT": "f1", "line": 3, "table": "t", "row": "r", "column": "c", "message": "\"q\"\\ \t\b\f\u0001\u007f", "reason": ""}` + " ,\n" +
		`{"file": "a.txt", "fingerprint": "f1", "line": 3, "rule": "dup", "reason": "second"},` +
		`{"file": "a.txt", "fingerprint": "f0", "line": 3, "message": "` + "\xff\xfe" + `"},` +
		`{"file": "a.txt", "fingerprint": "f9", "line": -2, "line": 1},` +
		`{"file": "c/d.txt", "fingerprint": "0", "line": 0, "message": null}` +
		"]}")
	path := filepath.Join(t.TempDir(), "reviewed.json")
	if err := os.WriteFile(path, old, 0o644); err != nil {
		t.Fatal(err)
	}
	n, err := writeBaseline(path, &collection{}, false)
	if err != nil || n != 0 {
		t.Fatalf("writeBaseline: %d, %v", n, err)
	}
	got, _ := os.ReadFile(path)
	if want := wantRewritten(t, old); !bytes.Equal(got, want) {
		t.Errorf("rewritten:\n%s\nwant:\n%s", got, want)
	}
}

// appendEntry writes an entry as encoding/json indents it.
func FuzzAppendEntry(f *testing.F) {
	f.Add("a.txt", "f", "rule", "", "r", "", 3, "甲\u2028乙\x01", "<a&b>\"\\", "\xff")
	f.Fuzz(func(t *testing.T, file, fp, rule, table, row, column string, line int, msg, msgEn, reason string) {
		e := baselineEntry{File: file, Fingerprint: fp, Rule: rule, Table: table, Row: row, Column: column, Line: line, Message: msg, MessageEn: msgEn, Reason: reason}
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.SetIndent("    ", "  ")
		if err := enc.Encode(e); err != nil {
			t.Fatal(err)
		}
		want := bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
		if got := appendEntry(nil, &e); !bytes.Equal(got, want) {
			t.Fatalf("appendEntry:\n%s\nencoding/json:\n%s", got, want)
		}
	})
}

// Rewriting a baseline of many entries: its time and memory grow with
// the entries, not faster (ns and bytes per entry steady from 20k to
// 200k entries).
func BenchmarkWriteBaseline(b *testing.B) {
	for _, n := range []int{20000, 200000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			dir := b.TempDir()
			doc := baselineDoc(n, true)
			path := filepath.Join(dir, "reviewed.json")
			b.SetBytes(int64(doc.Len()))
			for b.Loop() {
				b.StopTimer()
				if err := os.WriteFile(path, doc.Bytes(), 0o644); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				if _, err := writeBaseline(path, &collection{}, false); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/entry")
		})
	}
}

// Rewriting a baseline over a run: the run's findings are written among
// the old entries of the files it did not check, each finding with the
// reason recorded for it, whether the old file is in order (read again in
// one pass) or not (its entries read again one by one).
func TestRewriteBaselineAmongOldEntries(t *testing.T) {
	root := repoRoot(t)
	dir := t.TempDir()
	t.Chdir(dir)
	copySeeds(t, root, dir, "001", "002")
	if code, _, errs := runCLI(t, "", "--write-baseline", "reviewed.json", "."); code != 0 {
		t.Fatalf("--write-baseline: exit %d: %s", code, errs)
	}
	first := readBaselineForTest(t, "reviewed.json")
	first.Findings[0].Reason = "已核实"
	others := []baselineEntry{
		{File: "000.txt", Fingerprint: "b", Line: 4, Rule: "r", Message: "甲"},
		{File: "000.txt", Fingerprint: "a", Line: 4, Rule: "r", Reason: "x"},
		{File: "001.txt~", Fingerprint: "c", Line: 1},
		{File: "zzz.txt", Fingerprint: "d", Line: 1, Reason: "<&>"},
	}
	all := append(append([]baselineEntry{}, first.Findings...), others...)
	doc, _ := json.Marshal(baselineFile{SchemaVersion: 1, Findings: all})
	want := wantRewritten(t, doc)
	for _, order := range []string{"in order", "out of order"} {
		data := want
		if order == "out of order" {
			slices.Reverse(all)
			data, _ = json.Marshal(baselineFile{SchemaVersion: 1, Findings: all})
		}
		if err := os.WriteFile("reviewed.json", data, 0o644); err != nil {
			t.Fatal(err)
		}
		code, out, errs := runCLI(t, "", "--write-baseline", "reviewed.json", ".")
		if code != 0 || !strings.HasPrefix(out, fmt.Sprintf("已将 %d 个问题记录到", len(first.Findings))) {
			t.Fatalf("%s: exit %d: %s%s", order, code, out, errs)
		}
		if got, _ := os.ReadFile("reviewed.json"); !bytes.Equal(got, want) {
			t.Errorf("%s: rewritten:\n%s\nwant:\n%s", order, got, want)
		}
	}
}

// The reviewed findings applied are found as a map of their keys would
// find them: fingerprints as reportlint writes them and any other (upper
// case, short, not hex), the same fingerprint in two files, a key given
// twice (the last entry counts), a file not recorded.
func TestReviewedIndexAsMap(t *testing.T) {
	keys := []baselineKey{
		{"a.txt", "0123456789abcdef0123456789abcdef"},
		{"b.txt", "0123456789abcdef0123456789abcdef"},
		{"a.txt", "0123456789ABCDEF0123456789ABCDEF"},
		{"a.txt", "0123456789abcdef0123456789abcde"},
		{"a.txt", "0123456789abcdef0123456789abcdeg"},
		{"a.txt", "x"},
		{"b.txt", "0123456789abcdef0123456789abcdef"},
		{"c/d.txt", "ffffffffffffffffffffffffffffffff"},
	}
	x := newReviewedIndex()
	want := map[baselineKey]int{}
	for i, k := range keys {
		x.add(k.file, k.fingerprint, i)
		want[k] = i
	}
	probes := append(slices.Clone(keys), baselineKey{"e.txt", "0123456789abcdef0123456789abcdef"},
		baselineKey{"a.txt", "1123456789abcdef0123456789abcdef"}, baselineKey{"b.txt", "x"})
	for _, k := range probes {
		i, ok := x.lookup(k.file, k.fingerprint)
		if w, wok := want[k]; i != w || ok != wok {
			t.Errorf("%v: entry %d %v, want %d %v", k, i, ok, w, wok)
		}
	}
}

// Applying a baseline of many entries: what the run keeps of it, in bytes
// an entry (retained/entry), and the time to read it.
func BenchmarkReadReviewed(b *testing.B) {
	const n = 200000
	doc := baselineDoc(n, false)
	path := filepath.Join(b.TempDir(), "reviewed.json")
	if err := os.WriteFile(path, doc.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(doc.Len()))
	var kept float64
	for b.Loop() {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		r, err := readReviewed(path, false)
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		kept = float64(after.HeapAlloc-before.HeapAlloc) / n
		runtime.KeepAlive(r)
	}
	b.ReportMetric(kept, "retained/entry")
}

// baselineDoc is a baseline of n entries, a hundred a file, with their
// messages or without them.
func baselineDoc(n int, messages bool) *bytes.Buffer {
	var doc bytes.Buffer
	doc.WriteString("{\n  \"schema_version\": 1,\n  \"findings\": [")
	for i := 0; i < n; i++ {
		if i > 0 {
			doc.WriteString(",")
		}
		doc.WriteString("\n    ")
		e := baselineEntry{File: fmt.Sprintf("reports/%05d.txt", i/100), Fingerprint: fmt.Sprintf("%032x", i*7919), Rule: "deadline", Line: i%500 + 1}
		if messages {
			e.Message, e.MessageEn = fmt.Sprintf("发布日期晚于法定公布期限第%d条", i), fmt.Sprintf("the publication date is after the deadline %d", i)
		}
		doc.Write(appendEntry(nil, &e))
	}
	doc.WriteString("\n  ]\n}\n")
	return &doc
}
