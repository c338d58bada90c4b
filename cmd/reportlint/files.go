package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/reportlint/reportlint/check"
	"github.com/reportlint/reportlint/decode"
	"github.com/reportlint/reportlint/format"
	"github.com/reportlint/reportlint/internal/bilingual"
	"github.com/reportlint/reportlint/parse"
	"github.com/reportlint/reportlint/rules"
	"golang.org/x/sync/semaphore"
)

// reportExts are the files a folder is searched for. Which format a file
// is in is decided by its content; the name only decides what a folder
// walk picks up.
var reportExts = map[string]bool{
	".txt": true, ".text": true, ".md": true, ".markdown": true,
	".html": true, ".htm": true, ".shtml": true, ".xhtml": true,
	".docx": true, ".pdf": true,
}

// input is a file to check, and whether a folder walk found it (a file
// that is not a report is then skipped, not a failure).
type input struct {
	path   string
	walked bool
}

// expand turns the arguments into files: folders are walked recursively for
// report-like files, in lexical order so that output is deterministic;
// hidden folders (.git) are skipped, and so is whatever an --exclude glob
// matches. A file named twice, or through a link, is checked once. A folder
// that cannot be walked is an error: the run would check less than asked.
func expand(args, exclude []string, stderr io.Writer) ([]input, error) {
	var out []input
	stdinNamed := false
	seen := map[string]bool{}
	add := func(p string, walked bool) {
		if key := realPath(p); key != "" {
			if seen[key] {
				return
			}
			seen[key] = true
		}
		out = append(out, input{p, walked})
	}
	for _, a := range args {
		if a == "-" {
			if stdinNamed {
				a = stdinAgain // read once, by the first naming alone
			}
			stdinNamed = true
			out = append(out, input{path: a})
			continue
		}
		if excluded(a, exclude) {
			continue
		}
		info, err := os.Stat(a)
		if err != nil || !info.IsDir() {
			add(a, false) // checkFile reports what is wrong with it
			continue
		}
		err = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return fmt.Errorf("%s: %s", p, unwrapPathError(err))
			}
			if p != a && excluded(p, exclude) {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if p != a && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if reportExts[strings.ToLower(filepath.Ext(p))] {
				add(p, true)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// excluded: a glob with a slash matches the path as given (slashes
// forward, no leading ./); one without matches any one name in it, as in
// .gitignore: "README.md", "草稿", "*.tsv".
func excluded(p string, globs []string) bool {
	if len(globs) == 0 {
		return false
	}
	slash := strings.TrimPrefix(filepath.ToSlash(filepath.Clean(p)), "./")
	for _, g := range globs {
		g = filepath.ToSlash(g)
		if strings.Contains(g, "/") {
			if ok, _ := doublestar.Match(strings.TrimPrefix(g, "./"), slash); ok {
				return true
			}
			continue
		}
		for _, name := range strings.Split(slash, "/") {
			if ok, _ := doublestar.Match(g, name); ok {
				return true
			}
		}
	}
	return false
}

// realPath is the file's absolute path with links resolved, or "" when it
// cannot be found (reading it will say why).
func realPath(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return ""
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return ""
	}
	return real
}

// ruleOptions reads the options rules take from their flags.
func ruleOptions(township string) (rules.Options, error) {
	var opt rules.Options
	if township == "" {
		return opt, nil
	}
	var m, d int
	if n, err := fmt.Sscanf(township, "%d-%d", &m, &d); n != 2 || err != nil || m < 1 || m > 12 || d < 1 || d > 31 {
		return opt, fmt.Errorf("--township-deadline 应为 月-日，如 02-20 (must be MM-DD), not %q", township)
	}
	opt.TownshipDeadline = parse.YMD{Month: m, Day: d}
	return opt, nil
}

// checker reads, parses and checks files: what every file of a run is
// checked with.
type checker struct {
	ctx      context.Context
	decoding decode.Options
	rules    []*rules.Rule
	opt      rules.Options
	// inFlight weighs the files being checked at once by their size: a
	// report's model takes five to ten times its bytes, so -j large files at
	// once took gigabytes; past inFlightBytes the next large file waits.
	// checkAll (pool.go) weighs files from their start until their result
	// is printed; this one weighs the check itself, which outlives its
	// result when the file ran past its time budget (the abandoned check
	// runs out in the background, and no new large file starts beside it)
	inFlight *semaphore.Weighted
	// budget is how long a file of a size may take (nil: no limit)
	budget func(size int64) time.Duration
}

// inFlightBytes is how many bytes of input are checked at once, whatever
// -j: one file of the largest size allowed always fits.
const inFlightBytes = decode.MaxInputBytes

// admit waits until the file's bytes fit beside the files being checked,
// and returns what to release when it is done; false when the run stopped
// while it waited.
func (c *checker) admit(path string) (func(), bool) {
	if c.inFlight == nil || path == "-" {
		return func() {}, true
	}
	info, err := os.Stat(path)
	if err != nil || !info.Mode().IsRegular() || info.Size() < 1<<20 {
		return func() {}, true // small or unreadable: reading will say
	}
	w := min(info.Size(), inFlightBytes)
	if err := c.inFlight.Acquire(c.ctx, w); err != nil {
		return nil, false
	}
	if w >= collectFirst {
		// the file is read in one allocation as large as it, which the
		// collector sees only once it is made: the model of the large
		// file before it, printed and dropped just now, would still be
		// in the heap beside it (three 50 MB reports: 50 MB more at
		// each new file's start)
		runtime.GC()
	}
	return func() { c.inFlight.Release(w) }, true
}

// collectFirst is the size from which a file is read after a collection.
// A collection costs little beside reading and checking such a file.
const collectFirst = 16 << 20

// errInternal is the kind of a panic caught while checking one file: that
// file's error line, and the run goes on with the others.
var errInternal = bilingual.New("内部错误，请报告此问题", "internal error, please report it")

// file reads, parses and checks one file with the rules chosen. A panic
// in any step becomes the file's error: one bad file must not end a run
// over thousands. A file that takes longer than its budget is given up:
// its error says so and the run goes on (the work on it stops at its next
// look at the context, or runs out in the background, still weighed
// against the bytes in flight so that memory stays bounded).
func (c *checker) file(path string, stdin io.Reader) format.FileResult {
	if path == stdinAgain {
		return format.FileResult{Path: "-", Err: fmt.Errorf("-: %w", errStdinAgain)}
	}
	release, ok := c.admit(path)
	if !ok {
		return format.FileResult{Path: path, Err: fmt.Errorf("%s: %w", path, c.ctx.Err())}
	}
	data, err := readInput(path, stdin)
	if err != nil {
		release()
		return format.FileResult{Path: path, Err: fmt.Errorf("%s: %w", path, err)}
	}
	if c.budget == nil {
		defer release()
		return c.checkBytes(c.ctx, path, data)
	}
	limit := c.budget(int64(len(data)))
	ctx, cancel := context.WithTimeout(c.ctx, limit)
	defer cancel()
	done := make(chan format.FileResult, 1)
	go func() {
		defer release()
		done <- c.checkBytes(ctx, path, data)
	}()
	select {
	case res := <-done:
		return res
	case <-ctx.Done():
		if c.ctx.Err() != nil {
			// the run stops: the check stops too (pdftotext killed, its
			// temporary file removed) before the run ends
			<-done
			return format.FileResult{Path: path, Err: fmt.Errorf("%s: %w", path, c.ctx.Err())}
		}
		return format.FileResult{Path: path, Err: fmt.Errorf("%s: %w", path, errTooSlow(limit))}
	}
}

// checkBytes parses and checks a file's bytes; a panic is the file's error.
func (c *checker) checkBytes(ctx context.Context, path string, data []byte) (res format.FileResult) {
	res = format.FileResult{Path: path}
	defer func() {
		if r := recover(); r != nil {
			res = format.FileResult{Path: path, Err: fmt.Errorf("%s: %w", path, panicError(r))}
		}
	}()
	rep, err := check.Parse(ctx, path, data, c.decoding)
	if err != nil {
		res.Err = fmt.Errorf("%s: %w", path, err)
		return res
	}
	res.Report = rep
	res.Findings = rules.CheckWith(rep, c.rules, c.opt)
	return res
}

// panicError is a panic's value as an internal error, with the place it
// happened, for the report a user would send.
func panicError(r any) error {
	detail := fmt.Sprint(r)
	stack := strings.Split(string(debug.Stack()), "\n")
	// after the runtime's panic frame (two lines): the function that
	// panicked, then its file and line
	for i := 0; i+4 < len(stack); i++ {
		if strings.HasPrefix(stack[i], "panic(") {
			fn := stack[i+2]
			if k := strings.LastIndexByte(fn, '('); k > 0 {
				fn = fn[:k]
			}
			at := strings.TrimSpace(stack[i+3])
			if k := strings.Index(at, " +0x"); k > 0 {
				at = at[:k]
			}
			detail += " (" + fn + ", " + filepath.Base(at) + ")"
			break
		}
	}
	return bilingual.Of(errInternal, "内部错误，请报告此问题："+detail, "internal error, please report it: "+detail)
}

// load reads and parses a file again, for a check across years after the
// file's own result was printed and dropped; nil if it cannot be read.
func (c *checker) load(path string) (rep *parse.Report) {
	defer func() {
		if recover() != nil {
			rep = nil
		}
	}()
	data, err := readFile(path)
	if err != nil {
		return nil
	}
	rep, err = check.Parse(c.ctx, path, data, c.decoding)
	if err != nil {
		return nil
	}
	return rep
}

// errNotRegular is returned for a FIFO, device or socket: reading one could
// block for ever or never end.
var errNotRegular = bilingual.New("不是普通文件", "not a regular file")

// stdinAgain stands for standard input named a second time: it can be
// read once, and reading it from two workers at once gave a different
// answer on every run. Each later naming is this error, decided by the
// order of the arguments alone.
const stdinAgain = "\x00stdin-again"

var errStdinAgain = bilingual.New("标准输入只能读取一次，此处重复列出，未检查", "standard input can be read once; named again here, not checked")

// errIsDir is returned for a folder named where a file was expected.
var errIsDir = bilingual.New("是目录，不是文件", "is a directory")

// readInput reads a file, or standard input for "-", refusing more than
// decode.MaxInputBytes so that memory stays bounded. A file's size is
// checked before it is read.
func readInput(path string, stdin io.Reader) ([]byte, error) {
	if path != "-" {
		return readFile(path)
	}
	data, err := io.ReadAll(io.LimitReader(stdin, decode.MaxInputBytes+1))
	if err != nil {
		return nil, unwrapPathError(err)
	}
	if len(data) > decode.MaxInputBytes {
		return nil, decode.ErrTooLarge
	}
	return data, nil
}

// readFile reads a regular file of known size in one buffer.
func readFile(path string) ([]byte, error) { return readFileMax(path, decode.MaxInputBytes) }

// readFileMax reads a regular file of at most limit bytes: a FIFO, a
// device or a folder is refused before it is opened, a larger file before
// it is read.
func readFileMax(path string, limit int64) ([]byte, error) {
	// stat before opening: opening a FIFO blocks until a writer comes
	info, err := os.Stat(path)
	switch {
	case err != nil:
		return nil, unwrapPathError(err)
	case info.IsDir():
		return nil, errIsDir
	case !info.Mode().IsRegular():
		return nil, errNotRegular
	case info.Size() > limit:
		return nil, tooLarge(limit)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, unwrapPathError(err)
	}
	defer f.Close()
	// one byte more than the size tells a file that grew while read
	buf := make([]byte, info.Size()+1)
	n, err := io.ReadFull(f, buf)
	switch {
	case err == io.ErrUnexpectedEOF || err == io.EOF:
		return buf[:n], nil
	case err != nil:
		return nil, unwrapPathError(err)
	}
	rest, err := io.ReadAll(io.LimitReader(f, limit+1-int64(n)))
	if err != nil {
		return nil, unwrapPathError(err)
	}
	data := append(buf, rest...)
	if int64(len(data)) > limit {
		return nil, tooLarge(limit)
	}
	return data, nil
}

// tooLarge is the error of a file over limit bytes: the input limit's own
// error for reports.
func tooLarge(limit int64) error {
	if limit == decode.MaxInputBytes {
		return decode.ErrTooLarge
	}
	return bilingual.New(fmt.Sprintf("文件过大（超过 %d KB）", limit>>10), fmt.Sprintf("too large (over %d KB)", limit>>10))
}

// maxSettingsBytes bounds a settings file: a few lines of YAML.
const maxSettingsBytes = 1 << 20

// regularFile refuses, before it is opened, what is not a regular file: a
// FIFO would block the run, a device never end.
func regularFile(path string) error {
	info, err := os.Stat(path)
	switch {
	case err != nil:
		return unwrapPathError(err)
	case info.IsDir():
		return errIsDir
	case !info.Mode().IsRegular():
		return errNotRegular
	}
	return nil
}

// unwrapPathError keeps the reason of an *os.PathError: the caller names
// the file already.
func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return osErrorIn2(err)
}

// osErrorIn2 gives the system's usual errors about a file in both
// languages (the system words them in English only), keeping the original
// for errors.Is.
func osErrorIn2(err error) error {
	for _, e := range osErrors {
		if errors.Is(err, e.target) {
			return &bilingualOSError{text: e.text, err: err}
		}
	}
	return err
}

var osErrors = []struct {
	target error
	text   *bilingual.Error
}{
	{fs.ErrNotExist, bilingual.New("文件不存在", "no such file or directory")},
	{fs.ErrPermission, bilingual.New("没有读取权限", "permission denied")},
	{syscall.EISDIR, errIsDir},
	{syscall.ENOTDIR, bilingual.New("路径中有一段不是目录", "not a directory")},
	{syscall.ENAMETOOLONG, bilingual.New("文件名过长", "file name too long")},
	{syscall.ELOOP, bilingual.New("符号链接循环", "too many levels of symbolic links")},
}

// bilingualOSError is an OS error worded in both languages that still
// answers errors.Is for the original.
type bilingualOSError struct {
	text *bilingual.Error
	err  error
}

func (e *bilingualOSError) Error() string { return e.text.Error() }
func (e *bilingualOSError) Unwrap() []error {
	return []error{e.text, e.err}
}
