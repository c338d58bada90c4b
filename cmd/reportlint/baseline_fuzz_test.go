package main

import (
	"bytes"
	"encoding/json"
	"testing"
)

// FuzzDecodeBaseline: whatever a file of reviewed findings holds, reading
// it an entry at a time gives an error or entries, never a panic; and for
// a document encoding/json reads whole without error, the entries are the
// same as its.
func FuzzDecodeBaseline(f *testing.F) {
	for _, seed := range []string{
		`{"schema_version": 1, "findings": [{"file": "a.txt", "fingerprint": "f", "rule": "r", "line": 3, "message": "甲", "message_en": "A", "reason": "ok"}]}`,
		`{"schema_version": 1, "findings": [{"file": "001.txt"}]}`,
		`{"schema_version": 1, "findings": [], "extra": 1}`,
		`{"findings": null, "Schema_Version": 2}`,
		`[`, ``, `null`, `{"schema_version": "1"}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		whole := func(_ int, e baselineEntry) (baselineEntry, bool) { return e, true }
		got, _, err := decodeBaseline(json.NewDecoder(bytes.NewReader(data)), whole)
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.DisallowUnknownFields()
		var want baselineFile
		if dec.Decode(&want) != nil || err != nil {
			return
		}
		if got.SchemaVersion != want.SchemaVersion || len(got.Findings) != len(want.Findings) {
			t.Fatalf("streamed %+v, whole %+v", got, want)
		}
		for i := range want.Findings {
			if got.Findings[i] != want.Findings[i] {
				t.Fatalf("entry %d: streamed %+v, whole %+v", i, got.Findings[i], want.Findings[i])
			}
		}
	})
}
