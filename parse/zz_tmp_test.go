package parse

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"
	"unsafe"
)

func cpuNow() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_THREAD, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestZZCPU: CPU time per parse (thread time, robust to other load).
func TestZZCPU(t *testing.T) {
	runtime.LockOSThread()
	pattern := os.Getenv("ZZGLOB")
	if pattern == "" {
		t.Skip()
	}
	paths, _ := filepath.Glob(pattern)
	var totalBytes int
	var dec, par time.Duration
	for _, p := range paths {
		data, _ := os.ReadFile(p)
		txt, err := Decode(p, data)
		if err != nil {
			continue
		}
		n := 300
		t0 := cpuNow()
		for i := 0; i < n; i++ {
			Decode(p, data)
		}
		d := (cpuNow() - t0) / time.Duration(n)
		t0 = cpuNow()
		for i := 0; i < n; i++ {
			Parse(txt)
		}
		q := (cpuNow() - t0) / time.Duration(n)
		totalBytes += len(data)
		dec += d
		par += q
		if os.Getenv("ZZV") != "" {
			fmt.Printf("%-40s %7d B decode %8v parse %8v\n", p, len(data), d, q)
		}
	}
	fmt.Printf("ZZ total %d B: decode %v (%.1f MB/s) parse %v (%.1f MB/s)\n", totalBytes, dec, float64(totalBytes)/dec.Seconds()/1e6, par, float64(totalBytes)/par.Seconds()/1e6)
}

func BenchmarkZZOne(b *testing.B) {
	data, _ := os.ReadFile(os.Getenv("ZZFILE"))
	txt, err := Decode("x", data)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		Parse(txt)
	}
}

func TestZZSize(t *testing.T) { fmt.Println("token size", unsafe.Sizeof(token{})) }
