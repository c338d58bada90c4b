//go:build !unix

package main

import "errors"

// makeFIFO: named pipes are made only on unix systems here.
func makeFIFO(string) error { return errors.ErrUnsupported }
