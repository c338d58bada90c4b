package main

import (
	"context"
	"os"
	"time"

	"golang.org/x/sync/semaphore"
)

// checkAll checks the files with a fixed number of workers and hands the
// results to emit one at a time, in the order of paths, whatever order the
// workers finish in. At most 16 results per worker wait to be emitted,
// so memory does not grow with the number of files. A large file's result
// (its report's model, five to ten times its bytes) weighs on memory from its
// start until it is emitted, not only while it is checked: the files are
// admitted in order by their size, at most inFlightBytes of them started
// and not yet emitted, so that large files that finish while an earlier
// one is checked do not wait with their models beside it.
func checkAll[T any](paths []string, workers int, prog *progress, check func(string) T, emit func(T)) {
	type job struct {
		path string
		out  chan T
	}
	type waiting struct {
		out    chan T
		weight int64
	}
	admitted := semaphore.NewWeighted(inFlightBytes)
	jobs := make(chan job)
	// a window of results wide enough that a slow file (a large saved
	// page) does not leave the other workers idle; the memory limit set in
	// tuneGC keeps the waiting reports within bounds
	pending := make(chan waiting, 16*workers)
	for w := 0; w < workers; w++ {
		go func() {
			for j := range jobs {
				j.out <- check(j.path)
			}
		}()
	}
	go func() {
		for _, p := range paths {
			out := make(chan T, 1)
			w := inputWeight(p)
			// in order, and released in order as the results are emitted:
			// the earliest file not emitted always holds its share
			_ = admitted.Acquire(context.Background(), w)
			pending <- waiting{out, w} // blocks while the window is full
			jobs <- job{p, out}
		}
		close(jobs)
		close(pending)
	}()
	tick := time.NewTicker(250 * time.Millisecond)
	defer tick.Stop()
	done := 0
	for p := range pending {
		for waiting := true; waiting; {
			select {
			case res := <-p.out:
				emit(res)
				admitted.Release(p.weight)
				done++
				waiting = false
			case <-tick.C:
				prog.show(done)
			}
		}
	}
}

// inputWeight is what a file weighs on the memory of a run: its size, for
// a regular file of a megabyte or more (at most inFlightBytes, the most
// decode reads); nothing for a smaller one, standard input or a file that
// cannot be read (reading it will say).
func inputWeight(path string) int64 {
	if path == "-" {
		return 0
	}
	info, err := os.Stat(path)
	if err != nil || !info.Mode().IsRegular() || info.Size() < 1<<20 {
		return 0
	}
	return min(info.Size(), inFlightBytes)
}
