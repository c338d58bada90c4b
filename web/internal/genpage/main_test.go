package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestWriteGeneratedKeepsHandWritten: writing the generated files into the
// page's folder rewrites them and leaves the hand-written files as they are.
func TestWriteGeneratedKeepsHandWritten(t *testing.T) {
	dir := t.TempDir()
	hand := map[string]string{"index.html": "<!doctype html>", "app.js": "// app", "style.css": "body{}"}
	for n, s := range hand {
		if err := os.WriteFile(filepath.Join(dir, n), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, wasmScript), []byte("stale"), 0o644); err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{wasmScript: []byte("fresh wasm"), wasmExec: []byte("fresh exec")}
	if err := writeGenerated(dir, files); err != nil {
		t.Fatal(err)
	}
	for n, s := range hand {
		if b, err := os.ReadFile(filepath.Join(dir, n)); err != nil || string(b) != s {
			t.Errorf("hand-written %s: %q, %v; want %q untouched", n, b, err, s)
		}
	}
	for n, s := range files {
		if b, err := os.ReadFile(filepath.Join(dir, n)); err != nil || string(b) != string(s) {
			t.Errorf("generated %s: %q, %v; want %q", n, b, err, s)
		}
	}
	// a name that is not a generated file is refused, and nothing is written
	err := writeGenerated(dir, map[string][]byte{wasmExec: []byte("again"), "index.html": []byte("overwritten")})
	if err == nil {
		t.Error("writeGenerated wrote index.html, a hand-written file")
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "index.html")); string(b) != hand["index.html"] {
		t.Errorf("index.html became %q", b)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, wasmExec)); string(b) != "fresh exec" {
		t.Errorf("%s became %q after a refused write", wasmExec, b)
	}
}
