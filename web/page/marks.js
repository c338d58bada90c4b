// The findings' marks in a report's lines, as HTML: shared by the page
// (app.js) and by the collection report that `reportlint --format html`
// writes, which inlines this file, so that both mark a report alike.
'use strict';

globalThis.reportlintMarks = (function () {
  const rank = { info: 1, warning: 2, error: 3 };

  function escape(s) {
    return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
  }

  // lineMarks lays the findings over the lines: each finding marks its
  // span (class "m sev-S fI"; columns count characters, not UTF-16 units),
  // each of its numbers its cell ("op oI"). lineText(n) is line n's text,
  // undefined for a line not at hand (the report shows only some). It
  // returns the marks of each line and each line's most severe finding.
  function lineMarks(findings, lineText) {
    const perLine = new Map(); // line number → [{a, b, cls}]
    const add = (line, a, b, cls) => {
      if (!perLine.has(line)) {
        perLine.set(line, []);
      }
      perLine.get(line).push({ a, b, cls });
    };
    const spread = (span, cls) => {
      const first = Math.max(1, span.start.line);
      const last = Math.max(span.end.line, first);
      for (let l = first; l <= last; l++) {
        const text = lineText(l);
        if (text === undefined) {
          continue;
        }
        const len = [...text].length;
        const a = l === span.start.line ? span.start.col - 1 : 0;
        const b = l === span.end.line ? span.end.col - 1 : len;
        add(l, Math.min(a, len), Math.min(Math.max(b, a), len), cls);
      }
    };
    const lineSev = new Map();
    findings.forEach((f, i) => {
      spread(f.span, `m sev-${f.severity} f${i}`);
      for (let l = f.span.start.line; l <= Math.max(f.span.start.line, f.span.end.line); l++) {
        if (!lineSev.has(l) || rank[f.severity] > rank[lineSev.get(l)]) {
          lineSev.set(l, f.severity);
        }
      }
      for (const o of f.operands || []) {
        spread(o.span, `op o${i}`);
      }
    });
    return { perLine, lineSev };
  }

  // markLine cuts a line at every mark boundary and wraps each piece in the
  // marks that cover it; an empty span (an empty cell) becomes a small box.
  function markLine(line, marks) {
    if (!marks.length) {
      return escape(line);
    }
    const chars = [...line];
    const cuts = new Set([0, chars.length]);
    for (const m of marks) {
      cuts.add(m.a);
      cuts.add(m.b);
    }
    const points = [...cuts].sort((x, y) => x - y);
    const out = [];
    for (let k = 0; k < points.length; k++) {
      const p = points[k];
      for (const m of marks) {
        if (m.a === p && m.b === p) {
          out.push(`<mark class="${m.cls} empty"></mark>`);
        }
      }
      if (k + 1 === points.length) {
        break;
      }
      const q = points[k + 1];
      const text = escape(chars.slice(p, q).join(''));
      const cover = marks.filter((m) => m.a <= p && m.b >= q && m.a < m.b);
      out.push(cover.length ? `<mark class="${cover.map((m) => m.cls).join(' ')}">${text}</mark>` : text);
    }
    return out.join('');
  }

  // lineHTML is one line of a report as the page shows it: its number, its
  // text with the marks, the class of its most severe finding.
  function lineHTML(n, text, marks, sev) {
    return `<div class="line${sev ? ' has-' + sev : ''}" id="L${n}" data-line="${n}"><span class="no">${n}</span><span class="tx">` +
      markLine(text, marks || []) + '</span></div>';
  }

  return { escape, lineMarks, markLine, lineHTML };
})();
