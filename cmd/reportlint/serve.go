package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/pflag"

	"github.com/reportlint/reportlint/web"
)

// runServe is `reportlint serve [--addr host:port]`: it serves the web
// page for an office that wants one shared address. The page checks
// reports in each person's browser; the server only hands out the page's
// files and keeps nothing.
func runServe(args []string, stdout, stderr io.Writer) int {
	fs := pflag.NewFlagSet("reportlint serve", pflag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on (host:port); 0.0.0.0:8080 for the whole office network")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "用法 usage: reportlint serve [--addr 127.0.0.1:8080]\n\n"+
			"提供检查页面；报告在浏览器里检查，服务器不接收也不保存报告。\n"+
			"Serves the checking page; reports are checked in the browser, the server receives and stores nothing.\n\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return exitClean
		}
		fmt.Fprintf(stderr, "reportlint serve: %v\n", err)
		return exitUsage
	}
	if fs.NArg() != 0 {
		fs.Usage()
		return exitUsage
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "reportlint serve: %v\n", err)
		return exitUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	listenHost, _, _ := net.SplitHostPort(*addr)
	if err := serve(ctx, ln, listenHost, stdout); err != nil {
		fmt.Fprintf(stderr, "reportlint serve: %v\n", err)
		return exitUsage
	}
	return exitClean
}

// serve serves the page on ln until ctx ends.
// Requests are answered only for the Host names of this server (see
// web.HostGuard); listenHost is the name --addr gave, if any.
func serve(ctx context.Context, ln net.Listener, listenHost string, stdout io.Writer) error {
	srv := &http.Server{
		Handler:           web.HostGuard(web.Handler(), listenHost),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
	fmt.Fprintf(stdout, "reportlint: 在浏览器中打开 open in a browser: http://%s/\n", ln.Addr())
	fmt.Fprintf(stdout, "报告在各人的浏览器里检查，本服务器不接收、不保存任何报告。按 Ctrl+C 停止。\n")
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return srv.Shutdown(shutdown)
}
