package main

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// Large files are admitted in order, each from its start until its result
// is emitted: three 40 MB files with three workers are never two started
// and not yet emitted, however fast the later ones would finish; small
// files are not held back.
func TestCheckAllAdmitsBySizeUntilEmitted(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for _, name := range []string{"a", "b", "c"} {
		p := filepath.Join(dir, name)
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.Truncate(40 << 20); err != nil { // sparse: no disk used
			t.Fatal(err)
		}
		f.Close()
		paths = append(paths, p)
	}
	small := filepath.Join(dir, "small")
	if err := os.WriteFile(small, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	paths = append(paths, small, small)
	var mu sync.Mutex
	open, most := 0, 0
	checkAll(paths, 3, &progress{}, func(p string) string {
		if p != small {
			mu.Lock()
			open++
			most = max(most, open)
			mu.Unlock()
		}
		return p
	}, func(p string) {
		if p != small {
			mu.Lock()
			open--
			mu.Unlock()
		}
	})
	if most != 1 {
		t.Errorf("%d large files started and not emitted at once, want 1", most)
	}
}
