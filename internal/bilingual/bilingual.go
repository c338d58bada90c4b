// Package bilingual holds errors written in Chinese and English, so that
// the reason a file could not be read is printed in the language the user
// chose (--lang) and handed to the page in both.
package bilingual

import (
	"errors"
	"strings"
)

// Error is an error in two languages. Error() writes both, "中文 (English)",
// the form the JSON output has always carried; In picks one.
type Error struct {
	Zh, En string
	// kind is the error this one is a case of (New's own, for a reason
	// that carries details such as a file name or a limit)
	kind *Error
}

// New makes an error; compare against it with errors.Is.
func New(zh, en string) *Error {
	e := &Error{Zh: zh, En: en}
	e.kind = e
	return e
}

// Of makes a case of kind with its own words: errors.Is(Of(k, …), k) holds.
func Of(kind *Error, zh, en string) *Error {
	return &Error{Zh: zh, En: en, kind: kind.kind}
}

func (e *Error) Error() string { return e.Zh + " (" + e.En + ")" }

// In is the error in English when en is set, else in Chinese.
func (e *Error) In(en bool) string {
	if en {
		return e.En
	}
	return e.Zh
}

// Is makes a case of a kind match the kind.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.kind != nil && t.kind == e.kind
}

// Message writes err in one language: the bilingual error it wraps, if
// any, in that language, with what wraps it (a file name) kept.
func Message(err error, en bool) string {
	s := err.Error()
	var b *Error
	if errors.As(err, &b) {
		return strings.Replace(s, b.Error(), b.In(en), 1)
	}
	return s
}

// Text is err in both languages, for a result that carries both: a
// bilingual error's two texts, or the error's one text twice.
func Text(err error) (zh, en string) {
	return Message(err, false), Message(err, true)
}
