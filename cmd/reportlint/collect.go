package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"

	"github.com/reportlint/reportlint/format"
	"github.com/reportlint/reportlint/rules"
)

// A run whose output is printed at its end (JSON, SARIF, CSV, text with a
// baseline, the overview, a baseline written) used to keep every file's
// result to the end: memory grew with the number of files. Now each file
// is settled by the worker that checked it — its identity, fingerprints
// and baseline, its part of the output rendered — and the run keeps a few
// numbers of it; the renderings wait in a temporary file. A file that a
// finding across reports lands in is checked again at the end and
// rendered anew with it.

// finisher settles a checked file for the output printed at the end.
type finisher struct {
	root     string           // file identities are relative to it
	renderer *format.Renderer // nil for the overview and a baseline written
	// recorded indexes --baseline's reviewed findings, read by every
	// worker and never written
	recorded       *reviewedIndex
	overview       bool // --overview
	writesBaseline bool // --write-baseline
}

// collected is what the run keeps of a file once it is settled.
type collected struct {
	part    format.Part // its Data goes to the spool
	entry   format.OverviewEntry
	entries []baselineEntry // its findings, for --write-baseline
	used    []int           // the reviewed findings of --baseline it matched
}

// finish settles a file's result, with the findings across reports that
// land in it (at the end of the run) or none (as it is checked).
func (fin *finisher) finish(res format.FileResult, cross []rules.Finding) (collected, error) {
	// the findings are the worker's own, but standard input's result is
	// kept and may be settled again
	res.Findings = append(slices.Clone(res.Findings), cross...)
	if len(cross) > 0 {
		rules.SortFindings(res.Findings)
	}
	identify(&res, fin.root)
	var c collected
	if fin.recorded != nil && res.Err == nil {
		c.used = hideRecorded(&res, fin.recorded)
	}
	if fin.writesBaseline && res.Err == nil {
		c.entries = baselineEntries(res)
	}
	if fin.overview {
		c.entry = format.OverviewEntryOf(res)
		c.entry.Path = res.ID
	}
	if fin.renderer == nil {
		// nothing printed of the file itself: its counts decide the exit
		c.part = format.Part{Path: res.Path, ID: res.ID, Err: res.Err, Suppressed: res.Suppressed}
		for _, f := range res.Findings {
			c.part.Counts[f.Severity]++
		}
		return c, nil
	}
	var err error
	c.part, err = fin.renderer.Part(res)
	return c, err
}

// collection is what the run keeps of its files, in order: their parts
// (the renderings in a temporary file) and what else the end reads.
type collection struct {
	parts   []format.Part
	entries []format.OverviewEntry // for --overview only
	used    map[int]bool
	spool   *spool
	// found are each file's findings for --write-baseline: where they
	// sort, their entries waiting in a spool of their own
	found    [][]entryKey
	recorded *spool
	overview bool
}

// entryKey is where a finding to be recorded sorts in the baseline, and
// where its entry waits.
type entryKey struct {
	file, fingerprint string
	line              int
	at                int
}

func newCollection(fin *finisher) *collection {
	c := &collection{used: map[int]bool{}, overview: fin.overview}
	if fin.renderer != nil {
		c.spool = newSpool()
	}
	if fin.writesBaseline {
		c.recorded = newSpool()
	}
	return c
}

// ready makes sure every rendering reached the temporary files, before
// anything is printed from them: an output cut short by a full disk is
// worse than none.
func (c *collection) ready() error {
	for _, s := range []*spool{c.spool, c.recorded} {
		if err := s.flush(); err != nil {
			return err
		}
	}
	return nil
}

// close removes the spools' files.
func (c *collection) close() {
	c.spool.close()
	c.recorded.close()
}

// add keeps a settled file, its rendering spooled.
func (c *collection) add(k collected) {
	c.set(-1, k)
}

// replace puts a file rendered anew in place of its first rendering.
func (c *collection) replace(i int, k collected) {
	c.set(i, k)
}

func (c *collection) set(i int, k collected) {
	if c.spool != nil {
		c.spool.put(i, k.part.Data)
		k.part.Data = nil
	}
	for _, u := range k.used {
		c.used[u] = true
	}
	var keys []entryKey
	for _, e := range k.entries {
		data, err := json.Marshal(e)
		if err != nil && c.recorded.err == nil {
			c.recorded.err = err
		}
		keys = append(keys, entryKey{file: e.File, fingerprint: e.Fingerprint, line: e.Line, at: c.recorded.len()})
		c.recorded.put(-1, data)
	}
	if i < 0 {
		c.parts = append(c.parts, k.part)
		if c.overview {
			c.entries = append(c.entries, k.entry)
		}
		if c.recorded != nil {
			c.found = append(c.found, keys)
		}
		return
	}
	c.parts[i] = k.part
	if c.overview {
		c.entries[i] = k.entry
	}
	if c.recorded != nil {
		c.found[i] = keys
	}
}

// recordedEntry reads back a finding's entry for the baseline.
func (c *collection) recordedEntry(k entryKey) (baselineEntry, error) {
	var e baselineEntry
	data, err := c.recorded.get(k.at)
	if err == nil {
		err = json.Unmarshal(data, &e)
	}
	return e, err
}

// data is part i's rendering.
func (c *collection) data(i int) ([]byte, error) {
	return c.spool.get(i)
}

// failed: a finding at the level or above remains.
func (c *collection) failed(level rules.Severity) bool {
	for _, p := range c.parts {
		for s := level; s <= rules.Error; s++ {
			if p.Counts[s] > 0 {
				return true
			}
		}
	}
	return false
}

// spool keeps the files' renderings in a temporary file, one after the
// other; a file rendered anew is written at the end and read from there.
// Where no temporary file can be made, the renderings stay in memory, as
// they did before.
type spool struct {
	f   *os.File
	w   *bufio.Writer
	end int64
	at  []spoolPlace
	mem [][]byte // without a file
	err error
}

type spoolPlace struct {
	off int64
	n   int
}

func newSpool() *spool {
	f, err := os.CreateTemp("", "reportlint-*.spool")
	if err != nil {
		return &spool{}
	}
	// gone from the folder at once where the system allows it (the file
	// stays readable while open), so that an interrupted run leaves
	// nothing behind; elsewhere close removes it
	_ = os.Remove(f.Name())
	return &spool{f: f, w: bufio.NewWriterSize(f, 64<<10)}
}

// put writes the rendering of file i, or of the next file when i < 0.
func (s *spool) put(i int, data []byte) {
	if s.f == nil {
		if i < 0 {
			s.mem = append(s.mem, data)
		} else {
			s.mem[i] = data
		}
		return
	}
	p := spoolPlace{off: s.end, n: len(data)}
	if s.err == nil {
		_, s.err = s.w.Write(data)
	}
	s.end += int64(len(data))
	if i < 0 {
		s.at = append(s.at, p)
	} else {
		s.at[i] = p
	}
}

// len is how many renderings the spool holds.
func (s *spool) len() int {
	if s.f == nil {
		return len(s.mem)
	}
	return len(s.at)
}

// flush writes out what is buffered and reports the first failure.
func (s *spool) flush() error {
	if s == nil || s.f == nil {
		return nil
	}
	if s.err == nil {
		s.err = s.w.Flush()
	}
	if s.err != nil {
		return fmt.Errorf("%s: %w", errSpool, s.err)
	}
	return nil
}

// get reads back the rendering of file i.
func (s *spool) get(i int) ([]byte, error) {
	if s.f == nil {
		return s.mem[i], nil
	}
	if err := s.flush(); err != nil {
		return nil, err
	}
	p := s.at[i]
	b := make([]byte, p.n)
	if _, err := s.f.ReadAt(b, p.off); err != nil {
		return nil, fmt.Errorf("%s: %w", errSpool, err)
	}
	return b, nil
}

// close ends the spool and removes its file.
func (s *spool) close() {
	if s == nil || s.f == nil {
		return
	}
	s.f.Close()
	os.Remove(s.f.Name()) // already gone where the system allowed it
}

var errSpool = errors.New("临时文件 (temporary file)")
