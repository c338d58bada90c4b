package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe to read while the server writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestServe serves the page on a free port, fetches it, is refused when it
// posts a report, and stops when told to.
func TestServe(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var out syncBuffer
	done := make(chan error, 1)
	go func() { done <- serve(ctx, ln, "", &out) }()
	base := "http://" + ln.Addr().String()

	client := &http.Client{Timeout: 10 * time.Second}
	resp, err := client.Get(base + "/")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(page), "政府信息公开工作年度报告检查") {
		t.Errorf("GET /: %s %.200s", resp.Status, page)
	}
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "connect-src 'none'") {
		t.Errorf("no Content-Security-Policy forbidding connections: %q", csp)
	}
	resp, err = client.Post(base+"/", "text/plain", strings.NewReader("2019年政府信息公开工作年度报告"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed || resp.Header.Get("X-Content-Type-Options") != "nosniff" || resp.Header.Get("Content-Security-Policy") == "" {
		t.Errorf("POST /: %s %v, want 405 with the security headers", resp.Status, resp.Header)
	}
	// a page that pointed its own name at this address (DNS rebinding)
	// sends that name as Host: refused; localhost and the address are not
	for host, want := range map[string]int{
		"evil.example:" + strings.Split(ln.Addr().String(), ":")[1]: http.StatusMisdirectedRequest,
		"localhost": http.StatusOK, ln.Addr().String(): http.StatusOK,
	} {
		req, _ := http.NewRequest(http.MethodGet, base+"/", nil)
		req.Host = host
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("Host %q: %s, want %d", host, resp.Status, want)
		}
	}
	if !strings.Contains(out.String(), base+"/") {
		t.Errorf("the address is not printed: %q", out.String())
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve returned %v after the stop", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop")
	}
	if _, err := client.Get(base + "/"); err == nil {
		t.Error("the server still answers after the stop")
	}
}

func TestServeUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"serve", "--addr", "127.0.0.1:99999"},
		{"serve", "--port", "80"},
		{"serve", "report.txt"},
	} {
		code, out, errs := runCLI(t, "", args...)
		if code != exitUsage || errs == "" {
			t.Errorf("%v: exit %d, stderr %q, want 2 and a message", args, code, errs)
		}
		if out != "" {
			t.Errorf("%v: stdout %q", args, out)
		}
	}
	if code, _, errs := runCLI(t, "", "serve", "--help"); code != exitClean || !strings.Contains(errs, "--addr") {
		t.Errorf("serve --help: exit %d, %q", code, errs)
	}
}
