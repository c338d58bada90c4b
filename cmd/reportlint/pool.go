package main

import (
	"time"
)

// checkAll checks the files with a fixed number of workers and hands the
// results to emit one at a time, in the order of paths, whatever order the
// workers finish in. At most 16 results per worker wait to be emitted,
// so memory does not grow with the number of files.
func checkAll[T any](paths []string, workers int, prog *progress, check func(string) T, emit func(T)) {
	type job struct {
		path string
		out  chan T
	}
	jobs := make(chan job)
	// a window of results wide enough that a slow file (a large saved
	// page) does not leave the other workers idle; the memory limit set in
	// tuneGC keeps the waiting reports within bounds
	pending := make(chan chan T, 16*workers)
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
			pending <- out // blocks while the window is full
			jobs <- job{p, out}
		}
		close(jobs)
		close(pending)
	}()
	tick := time.NewTicker(250 * time.Millisecond)
	defer tick.Stop()
	done := 0
	for out := range pending {
		for waiting := true; waiting; {
			select {
			case res := <-out:
				emit(res)
				done++
				waiting = false
			case <-tick.C:
				prog.show(done)
			}
		}
	}
}
