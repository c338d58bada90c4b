//go:build js && wasm

// Command reportlint-wasm is reportlint compiled to WebAssembly for the web
// page in web/: GOOS=js GOARCH=wasm. It defines one JavaScript function,
//
//	reportlintCheck(name string, data Uint8Array) {json: string, text: string}
//
// which checks a file's bytes (pasted text encoded as UTF-8, or a dropped
// file as it is). json is check.Result as JSON without its lines; text is
// the decoded text those lines make, joined by "\n" (a line never holds a
// line break), handed over as one string because encoding a long report's
// lines as JSON costs more than the rest of the result. Nothing leaves the
// browser: the function only computes.
package main

import (
	"encoding/json"
	"runtime/debug"
	"strings"
	"syscall/js"

	"github.com/reportlint/reportlint/check"
)

func main() {
	// A check allocates some 90 bytes for each character of the report, and
	// almost nothing of it survives the check. With the default GOGC the
	// collector would run every few megabytes, which in WebAssembly costs
	// a good part of the check; with a 32 MB minimum goal it seldom runs
	// during one check.
	debug.SetGCPercent(800)
	js.Global().Set("reportlintCheck", js.FuncOf(checkJS))
	select {} // keep the function callable
}

func checkJS(_ js.Value, args []js.Value) (out any) {
	// a panic would end the Go program and leave the page without a checker
	defer func() {
		if r := recover(); r != nil {
			out = failure("内部错误：检查程序出错，请把这份报告反馈给维护者", "internal error: the checker failed; please report this file to the maintainers")
		}
	}()
	if len(args) != 2 || args[0].Type() != js.TypeString || args[1].Type() != js.TypeObject {
		return failure("内部错误：调用参数不对", "internal error: bad arguments")
	}
	data := make([]byte, args[1].Get("length").Int())
	js.CopyBytesToGo(data, args[1])
	res := check.Bytes(args[0].String(), data)
	text := strings.Join(res.Lines, "\n")
	res.Lines = nil
	b, err := json.Marshal(res)
	if err != nil {
		return failure("内部错误："+err.Error(), "internal error: "+err.Error())
	}
	return map[string]any{"json": string(b), "text": text}
}

func failure(zh, en string) any {
	b, _ := json.Marshal(&check.Result{Error: &check.Text{Zh: zh, En: en}})
	return map[string]any{"json": string(b), "text": ""}
}
