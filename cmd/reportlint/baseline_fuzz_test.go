package main

import (
	"bytes"
	"encoding/json"
	"testing"
)

// FuzzDecodeBaseline: whatever a file of reviewed findings holds, reading
// it an entry at a time gives an error or entries, never a panic; and a
// document encoding/json reads whole without error is read too, with the
// same entries, numbered as the last findings array numbers them, each
// found again in its own bytes.
func FuzzDecodeBaseline(f *testing.F) {
	for _, seed := range []string{
		`{"schema_version": 1, "findings": [{"file": "a.txt", "fingerprint": "f", "rule": "r", "line": 3, "message": "甲", "message_en": "A", "reason": "ok"}]}`,
		`{"schema_version": 1, "findings": [{"file": "001.txt"}]}`,
		`{"schema_version": 1, "findings": [], "extra": 1}`,
		`{"findings": null, "Schema_Version": 2}`,
		`[`, ``, `null`, `{"schema_version": "1"}`,
		`{"findings": [{"file": "a", "fingerprint": "b"}], "findings": []}`,
		`{"findings": [{"file": "a", "fingerprint": "b"}], "FINDINGS": null, "ſchema_version": 1}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		// kept counts the entries since the last array began, as
		// readReviewed indexes them
		kept := 0
		whole := func(i int, e baselineEntry, at span) (baselineEntry, bool) {
			if i < 0 {
				kept = 0
				return e, false
			}
			if i != kept {
				t.Fatalf("entry %d after %d", i, kept)
			}
			kept++
			// the entry's bytes, read again by themselves as writeBaseline
			// reads an out-of-order file's, are the same entry
			if at.from < 0 || at.from > at.to || at.to > int64(len(data)) {
				t.Fatalf("entry %d at %d-%d of %d bytes", i, at.from, at.to, len(data))
			}
			dec := json.NewDecoder(bytes.NewReader(bytes.TrimLeft(data[at.from:at.to], " \t\r\n,")))
			dec.DisallowUnknownFields()
			var again baselineEntry
			if err := dec.Decode(&again); err != nil || again != e {
				t.Fatalf("entry %d read again from %q: %+v, %v; read in the document: %+v", i, data[at.from:at.to], again, err, e)
			}
			return e, true
		}
		got, _, err := decodeBaseline(json.NewDecoder(bytes.NewReader(data)), whole)
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.DisallowUnknownFields()
		var want baselineFile
		if dec.Decode(&want) != nil {
			return // a document encoding/json refuses: any error will do
		}
		if err != nil {
			t.Fatalf("refused what encoding/json reads: %v", err)
		}
		if got.SchemaVersion != want.SchemaVersion || len(got.Findings) != len(want.Findings) || kept != len(want.Findings) {
			t.Fatalf("streamed %+v (%d kept), whole %+v", got, kept, want)
		}
		for i := range want.Findings {
			if got.Findings[i] != want.Findings[i] {
				t.Fatalf("entry %d: streamed %+v, whole %+v", i, got.Findings[i], want.Findings[i])
			}
		}
	})
}
