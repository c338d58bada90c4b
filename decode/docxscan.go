package decode

import (
	"bytes"
	"errors"
	"strconv"
	"unicode/utf8"
)

// document.xml is read by a small scanner of its own rather than
// encoding/xml: the reader needs a dozen element names, the text of <w:t>
// and one attribute, and encoding/xml's general tokens (namespaces
// resolved, attributes copied, one allocation a token) made DOCX the
// slowest input by far. The scanner accepts any well-formed WordprocessingML
// and stops without panicking on anything else.

var errXML = errors.New("malformed XML")

// xmlTag is one start or end tag.
type xmlTag struct {
	prefix, local []byte
	attrs         []byte // the raw attributes
	end, empty    bool   // </x>, <x/>
	after         []byte // the document after the tag
}

// attr returns the value of the attribute with the local name (any prefix).
func (t *xmlTag) attr(local string) (string, bool) {
	a := t.attrs
	for len(a) > 0 {
		a = bytes.TrimLeft(a, " \t\r\n")
		eq := bytes.IndexByte(a, '=')
		if eq < 0 {
			return "", false
		}
		name := bytes.TrimSpace(a[:eq])
		rest := bytes.TrimLeft(a[eq+1:], " \t\r\n")
		if len(rest) == 0 || (rest[0] != '"' && rest[0] != '\'') {
			return "", false
		}
		q := rest[0]
		close := bytes.IndexByte(rest[1:], q)
		if close < 0 {
			return "", false
		}
		val := rest[1 : 1+close]
		if i := bytes.IndexByte(name, ':'); i >= 0 {
			name = name[i+1:]
		}
		if string(name) == local {
			return string(unescapeXML(val)), true
		}
		a = rest[close+2:]
	}
	return "", false
}

// scanXML calls tag for each tag and text for the raw text between tags
// (unescapeXML resolves its references), in document order. The tag is
// valid during the call only. When tag returns an end tag ("</w:pPr>"),
// the scan goes on after its next occurrence: the element's content is of
// no interest and is passed over without being read tag by tag.
func scanXML(data []byte, tag func(*xmlTag) []byte, text func([]byte)) error {
	var t xmlTag
	i := 0
	for i < len(data) {
		lt := bytes.IndexByte(data[i:], '<')
		if lt < 0 {
			text(data[i:])
			return nil
		}
		if lt > 0 {
			text(data[i : i+lt])
		}
		i += lt
		rest := data[i:]
		// what follows '<' tells the kind of markup: a letter or '/' almost
		// always
		var next byte
		if len(rest) > 1 {
			next = rest[1]
		}
		switch {
		case next == '?':
			i = skipPast(data, i, "?>")
		case next != '!':
			gt := tagEnd(rest)
			if gt < 0 {
				return errXML
			}
			parseTag(&t, rest[1:gt])
			t.after = rest[gt+1:]
			skipTo := tag(&t)
			i += gt + 1
			if skipTo != nil {
				i = skipPast(data, i, skipTo)
			}
		case bytes.HasPrefix(rest, []byte("<!--")):
			i = skipPast(data, i, "-->")
		case bytes.HasPrefix(rest, []byte("<![CDATA[")):
			end := bytes.Index(rest, []byte("]]>"))
			if end < 0 {
				return errXML
			}
			text(bytes.ReplaceAll(rest[len("<![CDATA["):end], []byte("&"), []byte("&amp;")))
			i += end + 3
		default:
			i = skipPast(data, i, ">")
		}
		if i < 0 {
			return errXML
		}
	}
	return nil
}

func skipPast[E string | []byte](data []byte, i int, end E) int {
	k := bytes.Index(data[i:], []byte(end))
	if k < 0 {
		return -1
	}
	return i + k + len(end)
}

// tagEnd finds the '>' that closes the tag at the start of b, skipping
// quoted attribute values.
func tagEnd(b []byte) int {
	for k := 1; k < len(b); k++ {
		switch c := b[k]; c {
		case '>':
			return k
		case '"', '\'':
			close := bytes.IndexByte(b[k+1:], c)
			if close < 0 {
				return -1
			}
			k += 1 + close
		}
	}
	return -1
}

// parseTag reads the inside of <...> into t.
func parseTag(t *xmlTag, b []byte) {
	t.end, t.empty = false, false
	if len(b) > 0 && b[0] == '/' {
		t.end = true
		b = b[1:]
	}
	if n := len(b); n > 0 && b[n-1] == '/' {
		t.empty = true
		b = b[:n-1]
	}
	n, colon := 0, -1
	for ; n < len(b); n++ {
		c := b[n]
		if c == ' ' || c == '\t' || c == '\r' || c == '\n' {
			break
		}
		if c == ':' && colon < 0 {
			colon = n
		}
	}
	t.attrs = b[n:]
	if colon >= 0 {
		t.prefix, t.local = b[:colon], b[colon+1:n]
	} else {
		t.prefix, t.local = nil, b[:n]
	}
}

// unescapeXML resolves the five named references and numeric ones.
func unescapeXML(b []byte) []byte {
	amp := bytes.IndexByte(b, '&')
	if amp < 0 {
		return b
	}
	out := make([]byte, 0, len(b))
	for amp >= 0 {
		out = append(out, b[:amp]...)
		b = b[amp:]
		semi := bytes.IndexByte(b, ';')
		if semi < 0 || semi > 12 {
			out = append(out, '&')
			b = b[1:]
		} else {
			ref := string(b[1:semi])
			switch ref {
			case "lt":
				out = append(out, '<')
			case "gt":
				out = append(out, '>')
			case "amp":
				out = append(out, '&')
			case "quot":
				out = append(out, '"')
			case "apos":
				out = append(out, '\'')
			default:
				r, ok := numericRef(ref)
				if !ok {
					out = append(out, b[:semi+1]...)
					b = b[semi+1:]
					amp = bytes.IndexByte(b, '&')
					continue
				}
				out = utf8.AppendRune(out, r)
			}
			b = b[semi+1:]
		}
		amp = bytes.IndexByte(b, '&')
	}
	return append(out, b...)
}

func numericRef(ref string) (rune, bool) {
	if len(ref) < 2 || ref[0] != '#' {
		return 0, false
	}
	var n uint64
	var err error
	if ref[1] == 'x' || ref[1] == 'X' {
		n, err = strconv.ParseUint(ref[2:], 16, 32)
	} else {
		n, err = strconv.ParseUint(ref[1:], 10, 32)
	}
	if err != nil || n > utf8.MaxRune {
		return 0, false
	}
	return rune(n), true
}
