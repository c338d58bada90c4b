// The collection report of reportlint --format html: opens a report's part
// when asked (a click in the matrix, a link, the hash), shows it with its
// marks as the web page does (marks.js, above), switches the language,
// and filters the reports. Nothing is loaded or sent: everything is here.
'use strict';

(function () {
  const marks = globalThis.reportlintMarks;
  const $ = (id) => document.getElementById(id);
  let lang = 'zh';
  const words = {
    zh: { button: 'English', at: '位置', numbers: '涉及的数字：', expected: '能使等式成立的值：', related: '另见', status: { read: '已核对', partial: '部分核对', unchecked: '未核对', missing: '未找到' }, sev: { error: '错误', warning: '警告', info: '提示' }, cannot: '无法检查：', title: '标题', issuer: '发布机关', year: '年度', era: '模板', none: '没有发现问题。', shown: (n, all) => `显示 ${n} / ${all} 份` },
    en: { button: '中文', at: 'at', numbers: 'Numbers involved: ', expected: 'Value that would balance: ', related: 'See also', status: { read: 'checked', partial: 'partly checked', unchecked: 'not checked', missing: 'not found' }, sev: { error: 'error', warning: 'warning', info: 'note' }, cannot: 'Cannot check: ', title: 'Title', issuer: 'Issuing body', year: 'Year', era: 'Template', none: 'No findings.', shown: (n, all) => `${n} of ${all} shown` },
  };
  const w = () => words[lang];
  const pick = (t) => (t ? (lang === 'en' ? t.en : t.zh) : '');
  const esc = marks.escape;
  const fmt = (n) => (Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100));

  function dataOf(rep) {
    if (!rep._data) {
      rep._data = JSON.parse(rep.querySelector('script.data').textContent);
    }
    return rep._data;
  }

  // render fills an opened report's part from its data.
  function render(rep) {
    const d = dataOf(rep);
    const body = rep.querySelector('.rbody');
    if (d.error) {
      body.innerHTML = `<p class="meta">${esc(w().cannot + pick(d.error))}</p>`;
      rep.dataset.rendered = lang;
      return;
    }
    const html = [];
    html.push(`<p class="meta"><b>${esc(w().title)}</b>：${esc(d.title || '—')} · <b>${esc(w().issuer)}</b>：${esc(d.issuer || '—')} · <b>${esc(w().year)}</b>：${d.year || '—'} · <b>${esc(w().era)}</b>：${esc(pick(d.era))}</p>`);
    html.push(`<p class="status">${esc(pick(d.status))}</p><ul class="tables">`);
    for (const t of d.tables) {
      html.push(`<li class="t-${t.status}" data-kind="${t.kind}" data-status="${t.status}"><b>${esc(pick(t.name))}</b>：${esc(w().status[t.status] || t.status)}` +
        (t.status !== 'read' && pick(t.reason) ? ` — ${esc(pick(t.reason))}` : '') + '</li>');
    }
    html.push('</ul>');
    if (!d.findings.length) {
      html.push(`<p class="none">${esc(w().none)}</p>`);
    }
    html.push('<ol class="findings">');
    d.findings.forEach((f, i) => {
      html.push(`<li class="finding sev-${f.severity}" data-i="${i}" data-rule="${esc(f.rule)}" data-severity="${f.severity}" data-line="${f.span.start.line}">` +
        `<div class="where"><span class="badge worst-${f.severity}">${esc(w().sev[f.severity])}</span> ${esc(pick(f.where))}<code>${esc(f.rule)}</code></div>` +
        `<p class="msg">${esc(pick(f.message))}</p>`);
      if (f.operands && f.operands.length) {
        html.push(`<p class="operands">${esc(w().numbers)}` + f.operands.map((o) =>
          `<span class="operand">${esc(lang === 'en' ? o.labelEn : o.label)} <b>${fmt(o.value)}</b></span>`).join(' ') + '</p>');
      }
      if (f.expected !== undefined) {
        html.push(`<p class="expected">${esc(w().expected)}<b>${fmt(f.expected)}</b></p>`);
      }
      for (const r of f.related || []) {
        html.push(`<p class="related">${esc(w().related)}: <a href="#${r.anchor}" data-anchor="${r.anchor}">${esc(r.path)}</a> ${esc(pick(r.where))} ${esc(pick(r.message))}</p>`);
      }
      html.push('</li>');
    });
    html.push('</ol>');
    html.push(docHTML(d));
    body.innerHTML = html.join('');
    rep.dataset.rendered = lang;
    applyFindingFilter(rep);
  }

  // docHTML shows the lines the findings point to, marked as the page marks
  // them; a gap stands where lines are left out.
  function docHTML(d) {
    if (!d.lines.length) {
      return '';
    }
    const text = new Map(d.lines);
    const { perLine, lineSev } = marks.lineMarks(d.findings, (n) => text.get(n));
    const out = ['<div class="doc">'];
    let prev = 0;
    for (const [n, line] of d.lines) {
      if (prev && n > prev + 1) {
        out.push('<div class="gap">⋯</div>');
      }
      // the page's line ids are its one document's: many reports here
      out.push(marks.lineHTML(n, line, perLine.get(n), lineSev.get(n)).replace(` id="L${n}"`, ''));
      prev = n;
    }
    out.push('</div>');
    return out.join('');
  }

  function select(rep, i) {
    for (const e of rep.querySelectorAll('.current')) {
      e.classList.remove('current');
    }
    const li = rep.querySelector(`.finding[data-i="${i}"]`);
    li.classList.add('current');
    const hit = rep.querySelectorAll(`.doc .f${i}, .doc .o${i}`);
    for (const e of hit) {
      e.classList.add('current');
    }
    if (hit.length) {
      hit[0].scrollIntoView({ block: 'center' });
    }
  }

  function open(anchor) {
    const rep = document.getElementById(anchor);
    if (!rep || !rep.classList.contains('rep')) {
      return;
    }
    rep.classList.remove('hidden');
    rep.open = true; // the toggle event renders it
    if (rep.dataset.rendered !== lang) {
      render(rep);
    }
    rep.scrollIntoView({ block: 'start' });
  }

  document.addEventListener('toggle', (e) => {
    const rep = e.target;
    if (rep.classList && rep.classList.contains('rep') && rep.open && rep.dataset.rendered !== lang) {
      render(rep);
    }
  }, true);

  document.addEventListener('click', (e) => {
    const a = e.target.closest('a[href^="#r-"]');
    if (a) {
      e.preventDefault();
      history.replaceState(null, '', a.getAttribute('href'));
      open(a.getAttribute('href').slice(1));
      return;
    }
    const li = e.target.closest('.finding');
    if (li) {
      select(li.closest('.rep'), li.dataset.i);
    }
  });

  window.addEventListener('hashchange', () => open(location.hash.slice(1)));

  // ---- filters ---------------------------------------------------------

  const reps = [...document.querySelectorAll('details.rep')];

  function matches(rep, sev, rule, q) {
    if (sev === 'unchecked') {
      if (!rep.classList.contains('st-notreport') && !rep.classList.contains('st-unreadable')) {
        return false;
      }
    } else if (sev === 'clean') {
      if (!rep.classList.contains('worst-clean')) {
        return false;
      }
    } else if (sev) {
      const c = dataOf(rep).findings || [];
      if (!c.some((f) => f.severity === sev && (!rule || f.rule === rule))) {
        return false;
      }
    }
    if (rule && !rep.dataset.rules.split(' ').includes(rule)) {
      return false;
    }
    if (q) {
      const hay = (rep.querySelector('summary').textContent + rep.querySelector('script.data').textContent).toLowerCase();
      if (!hay.includes(q)) {
        return false;
      }
    }
    return true;
  }

  function applyFindingFilter(rep) {
    const sev = $('f-sev').value;
    const rule = $('f-rule').value;
    for (const li of rep.querySelectorAll('.finding')) {
      const hide = (['error', 'warning', 'info'].includes(sev) && li.dataset.severity !== sev) || (rule && li.dataset.rule !== rule);
      li.classList.toggle('hidden', !!hide);
    }
  }

  function applyFilters() {
    const sev = $('f-sev').value;
    const rule = $('f-rule').value;
    const q = $('f-search').value.trim().toLowerCase();
    let n = 0;
    for (const rep of reps) {
      const ok = matches(rep, sev, rule, q);
      rep.classList.toggle('hidden', !ok);
      if (ok) {
        n++;
        if (rep.dataset.rendered) {
          applyFindingFilter(rep);
        }
      }
    }
    $('f-count').textContent = w().shown(n, reps.length);
  }

  for (const id of ['f-sev', 'f-rule']) {
    $(id).addEventListener('change', applyFilters);
  }
  $('f-search').addEventListener('input', applyFilters);

  // ---- language --------------------------------------------------------

  $('lang').addEventListener('click', () => {
    lang = lang === 'zh' ? 'en' : 'zh';
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
    $('lang').textContent = w().button;
    for (const rep of reps) {
      if (rep.open) {
        render(rep);
      }
    }
    applyFilters();
  });

  applyFilters();
  if (location.hash.startsWith('#r-')) {
    open(location.hash.slice(1));
  }
  window.reportlintReport = { ready: true };
})();
