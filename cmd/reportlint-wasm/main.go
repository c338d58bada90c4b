//go:build js && wasm

// Command reportlint-wasm is reportlint compiled to WebAssembly for the web
// page in web/: GOOS=js GOARCH=wasm. It defines one JavaScript function,
//
//	reportlintCheck(name string, data Uint8Array) string
//
// which checks a file's bytes (pasted text encoded as UTF-8, or a dropped
// file as it is) and returns check.Result as JSON. Nothing leaves the
// browser: the function only computes.
package main

import (
	"runtime/debug"
	"syscall/js"

	"github.com/reportlint/reportlint/check"
)

func main() {
	// A check allocates some 90 bytes for each character of the report, and
	// almost nothing of it survives the check. With the default GOGC the
	// collector would run every few megabytes, which in WebAssembly costs
	// about as much as the check itself; with a 32 MB minimum goal it seldom
	// runs during one check.
	debug.SetGCPercent(800)
	js.Global().Set("reportlintCheck", js.FuncOf(checkJS))
	select {} // keep the function callable
}

func checkJS(_ js.Value, args []js.Value) (out any) {
	// a panic would end the Go program and leave the page without a checker
	defer func() {
		if r := recover(); r != nil {
			out = `{"name":"","error":{"zh":"内部错误：检查程序出错，请把这份报告反馈给维护者","en":"internal error: the checker failed; please report this file to the maintainers"}}`
		}
	}()
	if len(args) != 2 || args[0].Type() != js.TypeString || args[1].Type() != js.TypeObject {
		return `{"name":"","error":{"zh":"内部错误：调用参数不对","en":"internal error: bad arguments"}}`
	}
	data := make([]byte, args[1].Get("length").Int())
	js.CopyBytesToGo(data, args[1])
	return string(check.JSON(args[0].String(), data))
}
