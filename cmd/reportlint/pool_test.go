package main

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"golang.org/x/sync/semaphore"
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

// A large file is read after a collection: the model of the large file
// before it, printed and dropped, would otherwise still be in the heap when
// the new file's bytes are allocated in one piece (three 50 MB reports with
// -j 3 peaked 50 MB higher at each new file; .ci/bench-large measures it).
// A small file starts without one.
func TestLargeFileReadAfterCollection(t *testing.T) {
	dir := t.TempDir()
	large := filepath.Join(dir, "large.txt")
	f, err := os.Create(large)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(collectFirst); err != nil { // sparse: no disk used
		t.Fatal(err)
	}
	f.Close()
	c := &checker{ctx: context.Background(), inFlight: semaphore.NewWeighted(inFlightBytes)}
	collections := func() uint32 {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.NumGC
	}
	before := collections()
	release, ok := c.admit(large)
	if !ok {
		t.Fatal("not admitted")
	}
	release()
	if after := collections(); after == before {
		t.Errorf("no collection before a file of %d bytes was read", collectFirst)
	}
}
