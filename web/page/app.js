// The page of reportlint: loads the checker (Go compiled to WebAssembly,
// carried in reportlint-wasm.js), checks pasted text or a dropped file, and
// shows the findings beside the report's text. Everything happens in this
// browser tab; nothing is sent anywhere. The check runs in a Web Worker, so
// that the page answers while a long report is checked, and a check can be
// abandoned: a new text or file replaces the one being checked, and 停止检查
// stops it (the worker is ended and a fresh one started).
'use strict';

(function () {
  const $ = (id) => document.getElementById(id);
  const marks = globalThis.reportlintMarks; // marks.js

  // Words of the page, in Chinese and English.
  const words = {
    zh: {
      title: '政府信息公开工作年度报告检查',
      privacy: '检查全部在您的浏览器里完成：报告内容不会上传，也不会保存。',
      pasteLabel: '把报告全文粘贴到下面的框里，或者把报告文件（.txt、.html、.docx）拖到本页任意位置。',
      placeholder: '在这里粘贴报告全文（Ctrl+V）',
      chooseFile: '选择文件…',
      clear: '清空',
      loading: '正在加载检查程序…',
      checking: '正在检查…',
      cancel: '停止检查',
      stopped: '已停止检查',
      crashed: '内部错误：检查程序中途停止（可能是内存不足），请把这份报告反馈给维护者',
      ready: (ms) => `检查程序已就绪（加载用时 ${ms} 毫秒）`,
      loadFailed: (e) => `检查程序加载失败：${e}`,
      tooOld: '这个浏览器版本太旧，无法运行检查程序。请使用新版的 Chrome、Edge、Firefox 或 Safari。',
      findingsTitle: '检查结果',
      docTitle: '报告原文（问题处已标出）',
      footNote: 'reportlint：按国办公开办函规定的年度报告格式核对表格勾稽关系和日期。',
      dropHere: '松开鼠标，检查这个文件',
      fileLoaded: (n) => `已载入文件：${n}`,
      oneFile: '（一次只检查一个文件，已检查第一个）',
      timing: (ms) => `本次检查用时 ${ms} 毫秒，在本机完成。`,
      cannotCheck: '无法检查',
      cannotHint: '请确认粘贴或拖入的是政府信息公开工作年度报告的全文。',
      found: (c) => '发现 ' + [c.error && `${c.error} 个错误`, c.warning && `${c.warning} 个警告`].filter(Boolean).join('、') +
        (c.info ? `，另有 ${c.info} 条提示` : ''),
      clean: '未发现问题：所有表格均已核对。',
      cleanPartly: (names) => `未发现问题，但并非所有表格都已核对：${names}（原因见下）。`,
      cleanNoTables: '未发现问题，但未识别到表格：表格里的数字未核对。',
      tablesNone: '未识别到表格：表格里的数字未核对。',
      severity: { error: '错误', warning: '警告', info: '提示' },
      one: { error: '错误', warning: '警告', info: '提示' },
      colon: '：',
      count: (what, n) => `${what}（${n}）`,
      groupNote: { error: '必须修改', warning: '请核实', info: '未能核对的内容等' },
      noFindings: '没有需要修改的地方。',
      at: (l, c) => `第 ${l} 行第 ${c} 列`,
      line: (l) => `第 ${l} 行`,
      numbers: '涉及的数字：',
      expected: '能使等式成立的值：',
      tableAt: (l) => `第 ${l} 行起的表格：`,
      missing: '报告中未找到此表，未核对',
      status: { read: '已核对', partial: '部分核对', unchecked: '未核对', missing: '未找到' },
      langButton: 'English',
    },
    en: {
      title: 'Check an annual report on government information disclosure',
      privacy: 'The check runs entirely in your browser: the report is neither uploaded nor stored.',
      pasteLabel: 'Paste the whole report into the box below, or drop a report file (.txt, .html, .docx) anywhere on this page.',
      placeholder: 'Paste the report here (Ctrl+V)',
      chooseFile: 'Choose a file…',
      clear: 'Clear',
      loading: 'Loading the checker…',
      checking: 'Checking…',
      cancel: 'Stop',
      stopped: 'Check stopped',
      crashed: 'internal error: the checker stopped midway (out of memory?); please report this file to the maintainers',
      ready: (ms) => `The checker is ready (loaded in ${ms} ms)`,
      loadFailed: (e) => `The checker could not be loaded: ${e}`,
      tooOld: 'This browser is too old to run the checker. Please use a recent Chrome, Edge, Firefox or Safari.',
      findingsTitle: 'Findings',
      docTitle: 'The report (problems marked)',
      footNote: 'reportlint checks the tables and dates of the annual report templates.',
      dropHere: 'Drop to check this file',
      fileLoaded: (n) => `File loaded: ${n}`,
      oneFile: ' (one file at a time: the first was checked)',
      timing: (ms) => `Checked in ${ms} ms, on this computer.`,
      cannotCheck: 'Cannot check',
      cannotHint: 'Please make sure this is the whole text of an annual report.',
      found: (c) => 'Found ' + [c.error && `${c.error} error${c.error > 1 ? 's' : ''}`, c.warning && `${c.warning} warning${c.warning > 1 ? 's' : ''}`].filter(Boolean).join(' and ') +
        (c.info ? `, and ${c.info} note${c.info > 1 ? 's' : ''}` : ''),
      clean: 'No problems found: every table was checked.',
      cleanPartly: (names) => `No problems found, but not every table was checked: ${names} (see why below).`,
      cleanNoTables: 'No problems found, but no table recognised: no table numbers were checked.',
      tablesNone: 'No table recognised: no table numbers were checked.',
      severity: { error: 'Errors', warning: 'Warnings', info: 'Notes' },
      one: { error: 'error', warning: 'warning', info: 'note' },
      colon: ': ',
      count: (what, n) => `${what} (${n})`,
      groupNote: { error: 'must be corrected', warning: 'please verify', info: 'what could not be checked, and similar' },
      noFindings: 'Nothing to correct.',
      at: (l, c) => `line ${l}, column ${c}`,
      line: (l) => `line ${l}`,
      numbers: 'Numbers involved: ',
      expected: 'Value that would balance: ',
      tableAt: (l) => `Table from line ${l}: `,
      missing: 'not found in the report; not checked',
      status: { read: 'checked', partial: 'partly checked', unchecked: 'not checked', missing: 'not found' },
      langButton: '中文',
    },
  };

  const severities = ['error', 'warning', 'info'];
  const rank = { info: 1, warning: 2, error: 3 };
  const tableOrder = ['items', 'applications', 'review', 'statistics', 'unknown'];
  const statusRank = { read: 0, partial: 1, unchecked: 2, missing: 3 };

  const state = {
    lang: 'zh',
    ready: false,
    pending: null, // {name, bytes} waiting for the checker
    module: null, // the compiled checker, instantiated in each worker
    workerURL: '', // the worker's script: Go's support and checkerWorker
    worker: null,
    checkId: 0,
    running: null, // the check the worker is doing: {id, t0}
    stopped: false, // the last check was stopped
    result: null,
    fileName: '', // the file loaded, '' for pasted text
    selected: -1,
  };

  // Timings and a count of checks, for the curious and for the browser test.
  const info = { checks: 0, loadMs: null, checkMs: null, renderMs: null, shownMs: null, loadSteps: {},
    inWorker: false, running: false, abandoned: 0, workers: 0 };
  window.reportlint = info;

  const w = () => words[state.lang];

  // ---- loading the checker ----------------------------------------------

  // checkerWorker is the worker's program. It is never called here: its
  // source, after Go's wasm_exec.js, is the worker's script (a blob, which
  // a page opened from a folder may start, where it may not start a file).
  // The worker receives the compiled checker, starts it, and answers each
  // check; it can fetch nothing (it keeps the page's security policy).
  function checkerWorker() {
    let loaded = null;
    async function load(module) {
      const go = new Go();
      const instance = await WebAssembly.instantiate(module, go.importObject);
      go.run(instance); // defines reportlintCheck, then waits for calls
      if (typeof globalThis.reportlintCheck !== 'function') {
        throw new Error('reportlintCheck missing');
      }
    }
    self.onmessage = (e) => {
      const m = e.data;
      if (m.type === 'load') {
        loaded = load(m.module);
        loaded.then(() => self.postMessage({ type: 'ready' }),
          (err) => self.postMessage({ type: 'failed', message: err && err.message ? err.message : String(err) }));
      } else if (m.type === 'check' && loaded) {
        loaded.then(() => {
          const out = globalThis.reportlintCheck(m.name, m.bytes);
          self.postMessage({ type: 'result', id: m.id, json: out.json, text: out.text });
        }, () => {});
      }
    };
  }

  async function loadChecker() {
    const loader = $('loader');
    if (typeof WebAssembly === 'undefined' || typeof DecompressionStream === 'undefined' || typeof Worker === 'undefined' ||
        typeof globalThis.reportlintWasmExec !== 'string') {
      loader.textContent = w().tooOld;
      loader.className = 'failed';
      return;
    }
    const step = (name) => { info.loadSteps[name] = Math.round(performance.now()); };
    try {
      step('start');
      const gz = base64Bytes(globalThis.reportlintWasmGzip);
      delete globalThis.reportlintWasmGzip;
      step('decoded');
      // Compile while the bytes are being inflated: a Response made here
      // (no request is made) can feed the streaming compiler. The module
      // compiled once serves every worker.
      const inflated = () => new Blob([gz]).stream().pipeThrough(new DecompressionStream('gzip'));
      try {
        const response = new Response(inflated(), { headers: { 'Content-Type': 'application/wasm' } });
        state.module = await WebAssembly.compileStreaming(response);
      } catch (e) {
        const wasm = await new Response(inflated()).arrayBuffer();
        state.module = await WebAssembly.compile(wasm);
      }
      step('compiled');
      state.workerURL = URL.createObjectURL(new Blob([globalThis.reportlintWasmExec, '\n;(', checkerWorker.toString(), ')();\n'],
        { type: 'text/javascript' }));
      delete globalThis.reportlintWasmExec;
      await new Promise((resolve, reject) => {
        state.worker = newWorker((m) => (m.type === 'ready' ? resolve() : reject(new Error(m.message))));
      });
      step('started');
    } catch (e) {
      loader.textContent = w().loadFailed(e && e.message ? e.message : String(e));
      loader.className = 'failed';
      return;
    }
    info.loadMs = Math.round(performance.now());
    info.inWorker = typeof globalThis.reportlintCheck === 'undefined';
    state.ready = true;
    loader.className = 'ready';
    showLoader();
    if (state.pending) {
      const p = state.pending;
      state.pending = null;
      check(p.name, p.bytes);
    }
  }

  // newWorker starts a worker on the compiled checker; first hears its
  // first answer (ready or failed) while the page loads.
  function newWorker(first) {
    const worker = new Worker(state.workerURL);
    info.workers++;
    worker.onmessage = (e) => {
      if (first) {
        const f = first;
        first = null;
        f(e.data);
        return;
      }
      answered(worker, e.data);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      const m = { type: 'failed', message: e.message || 'error' };
      if (first) {
        const f = first;
        first = null;
        f(m);
        return;
      }
      answered(worker, m);
    };
    worker.postMessage({ type: 'load', module: state.module });
    return worker;
  }

  function showLoader() {
    const loader = $('loader');
    $('cancel').hidden = !state.running;
    if (state.running) {
      loader.textContent = w().checking;
    } else if (state.stopped) {
      loader.textContent = w().stopped;
    } else if (state.ready) {
      loader.textContent = w().ready(info.loadMs);
    } else if (loader.className !== 'failed') {
      loader.textContent = w().loading;
    }
  }

  function base64Bytes(s) {
    if (typeof Uint8Array.fromBase64 === 'function') {
      return Uint8Array.fromBase64(s);
    }
    const bin = atob(s);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) {
      out[i] = bin.charCodeAt(i);
    }
    return out;
  }

  // ---- checking ----------------------------------------------------------

  // check hands the bytes to the worker; a check still running is
  // abandoned first, its worker ended.
  function check(name, bytes) {
    if (!state.ready) {
      state.pending = { name, bytes };
      return;
    }
    abandon();
    state.stopped = false;
    const id = ++state.checkId;
    state.running = { id, t0: performance.now() };
    info.running = true;
    showLoader();
    state.worker.postMessage({ type: 'check', id, name, bytes }, [bytes.buffer]);
  }

  // abandon ends the check being done, if any, with its worker, and starts
  // a fresh worker for the next one.
  function abandon() {
    if (!state.running) {
      return false;
    }
    state.worker.terminate();
    state.running = null;
    info.running = false;
    info.abandoned++;
    state.worker = newWorker(null);
    return true;
  }

  // answered takes a worker's answer: the result of the check being done
  // (an answer of a worker since ended, or of a check since replaced, is
  // dropped), or the news that the worker failed.
  function answered(worker, m) {
    if (worker !== state.worker) {
      return;
    }
    if (m.type === 'failed') {
      // the worker died (a trap in the checker, memory): start another, and
      // say so for the check it was doing
      worker.terminate();
      state.worker = newWorker(null);
      if (state.running) {
        shown({ error: { zh: words.zh.crashed, en: words.en.crashed } }, '', state.running.t0);
      }
      return;
    }
    if (m.type !== 'result' || !state.running || m.id !== state.running.id) {
      return;
    }
    shown(JSON.parse(m.json), m.text, state.running.t0);
  }

  function shown(result, text, t0) {
    result.lines = result.error ? [] : text.split('\n');
    state.running = null;
    info.running = false;
    showLoader();
    const t1 = performance.now();
    state.result = result;
    state.selected = -1;
    render();
    const t2 = performance.now();
    info.checkMs = t1 - t0;
    info.renderMs = t2 - t1;
    // shown: once the browser has laid out and painted the result
    requestAnimationFrame(() => setTimeout(() => {
      info.shownMs = performance.now() - t1;
      $('timing').textContent = w().timing(Math.max(1, Math.round(info.checkMs + info.shownMs)));
      info.checks++;
      document.body.dataset.checks = String(info.checks);
    }, 0));
  }

  function checkText() {
    const text = $('text').value;
    state.fileName = '';
    $('source').textContent = '';
    if (text.trim() === '') {
      abandon();
      state.result = null;
      render();
      showLoader();
      return;
    }
    check('pasted.txt', new TextEncoder().encode(text));
  }

  async function checkFile(file, more) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    $('text').value = '';
    state.fileName = file.name;
    $('source').textContent = w().fileLoaded(file.name) + (more ? w().oneFile : '');
    check(file.name, bytes);
  }

  // ---- showing the result ------------------------------------------------

  function render() {
    const res = state.result;
    document.body.classList.toggle('has-result', !!res);
    $('summary').hidden = !res;
    $('result').hidden = !res || !!res.error;
    if (!res) {
      return;
    }
    renderSummary(res);
    if (!res.error) {
      renderFindings(res);
      renderDoc(res);
    }
  }

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'class') {
        e.className = v;
      } else if (k.startsWith('on')) {
        e.addEventListener(k.slice(2), v);
      } else {
        e.setAttribute(k, v);
      }
    }
    for (const c of children) {
      if (c !== null && c !== undefined && c !== false) {
        e.append(c);
      }
    }
    return e;
  }

  const pick = (text) => (state.lang === 'en' ? text.en : text.zh);

  function renderSummary(res) {
    const verdict = $('verdict');
    const tables = $('tables');
    tables.replaceChildren();
    if (res.error) {
      verdict.className = 'bad';
      verdict.textContent = w().cannotCheck + w().colon + pick(res.error);
      $('status').textContent = w().cannotHint;
      return;
    }
    const kinds = groupTables(res.tables);
    const c = res.counts;
    if (c.error || c.warning) {
      verdict.className = c.error ? 'bad' : 'warn';
      verdict.textContent = w().found(c);
    } else if (kinds.length === 0) {
      verdict.className = 'partly';
      verdict.textContent = w().cleanNoTables;
    } else if (kinds.some((k) => k.status !== 'read')) {
      verdict.className = 'partly';
      const sep = state.lang === 'en' ? ', ' : '、';
      verdict.textContent = w().cleanPartly(kinds.filter((k) => k.status !== 'read')
        .map((k) => shortName(k) + (state.lang === 'en' ? ' ' : '') + w().status[k.status]).join(sep));
    } else {
      verdict.className = 'ok';
      verdict.textContent = w().clean;
    }
    $('status').textContent = pick(res.status);
    if (kinds.length === 0) {
      tables.append(el('li', { class: 't-none' }, w().tablesNone));
    }
    for (const k of kinds) {
      const li = el('li', { class: 't-' + k.status, 'data-kind': k.kind, 'data-status': k.status },
        el('b', null, pick(k.name)), w().colon, el('span', { class: 'tstatus' }, w().status[k.status]));
      const notes = k.tables.filter((t) => t.status !== 'read');
      if (notes.length) {
        const ul = el('ul');
        for (const t of notes) {
          const reason = t.status === 'missing' ? w().missing : pick(t.reason);
          ul.append(el('li', null, t.line
            ? el('a', { href: '#L' + t.line, onclick: (e) => { e.preventDefault(); jumpToLine(t.line); } }, w().tableAt(t.line))
            : '', reason));
        }
        li.append(ul);
      }
      tables.append(li);
    }
  }

  function shortName(k) {
    const n = pick(k.name);
    const i = n.search(/[（(]/);
    return i > 0 ? n.slice(0, i).trim() : n;
  }

  // groupTables gives one entry per kind of table, with the worst status of
  // its tables: 表二 is often printed as several small tables.
  function groupTables(tables) {
    const by = new Map();
    for (const t of tables) {
      if (!by.has(t.kind)) {
        by.set(t.kind, { kind: t.kind, name: t.name, status: 'read', tables: [] });
      }
      const k = by.get(t.kind);
      k.tables.push(t);
      if (statusRank[t.status] > statusRank[k.status]) {
        k.status = t.status;
      }
    }
    return [...by.values()].sort((a, b) => tableOrder.indexOf(a.kind) - tableOrder.indexOf(b.kind));
  }

  function renderFindings(res) {
    const groups = $('groups');
    groups.replaceChildren();
    if (res.findings.length === 0) {
      groups.append(el('p', { class: 'none' }, w().noFindings));
      return;
    }
    for (const sev of severities) {
      const items = res.findings.map((f, i) => [f, i]).filter(([f]) => f.severity === sev);
      if (!items.length) {
        continue;
      }
      const ol = el('ol');
      for (const [f, i] of items) {
        ol.append(findingItem(f, i));
      }
      groups.append(el('section', { class: 'group sev-' + sev, 'data-severity': sev },
        el('h3', null, w().count(w().severity[sev], items.length), el('small', null, w().groupNote[sev])), ol));
    }
  }

  function findingItem(f, i) {
    const s = f.span.start;
    const li = el('li', {
      class: 'finding sev-' + f.severity, id: 'F' + i, tabindex: '0', role: 'button',
      'data-i': String(i), 'data-rule': f.rule, 'data-line': String(s.line), 'data-col': String(s.col),
    },
    el('div', { class: 'where' }, el('span', { class: 'badge' }, w().one[f.severity]),
      ' ', w().at(s.line, s.col), f.ruleName && state.lang === 'zh' ? ` · ${f.ruleName}` : '', el('code', null, f.rule)),
    el('p', { class: 'msg' }, pick(f.message)));
    if (f.operands && f.operands.length) {
      const ops = el('p', { class: 'operands' }, w().numbers);
      f.operands.forEach((o, j) => {
        ops.append(el('button', {
          type: 'button', class: 'operand', 'data-line': String(o.span.start.line),
          title: w().at(o.span.start.line, o.span.start.col),
          onclick: (e) => { e.stopPropagation(); select(i, o.span.start.line); },
        }, `${state.lang === 'en' ? o.labelEn : o.label} ${fmt(o.value)}`));
        if (j < f.operands.length - 1) {
          ops.append(' ');
        }
      });
      li.append(ops);
    }
    if (f.expected !== undefined) {
      li.append(el('p', { class: 'expected' }, w().expected, el('b', null, fmt(f.expected))));
    }
    li.addEventListener('click', () => select(i));
    li.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        select(i);
      }
    });
    return li;
  }

  function fmt(n) {
    return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
  }

  // ---- the report's text with the findings marked --------------------------

  // renderDoc shows the lines the positions refer to, marked as marks.js
  // marks them (the collection report of --format html marks alike).
  function renderDoc(res) {
    const lines = res.lines;
    const { perLine, lineSev } = marks.lineMarks(res.findings, (n) => lines[n - 1]);
    const html = [];
    for (let n = 1; n <= lines.length; n++) {
      html.push(marks.lineHTML(n, lines[n - 1], perLine.get(n), lineSev.get(n)));
    }
    $('doc').innerHTML = html.join('');
  }

  // select marks finding i as the current one, in the list and in the text,
  // and brings its line (or the line given) into view.
  function select(i, line) {
    const res = state.result;
    if (!res || !res.findings[i]) {
      return;
    }
    for (const e of document.querySelectorAll('.current')) {
      e.classList.remove('current');
    }
    state.selected = i;
    const item = $('F' + i);
    item.classList.add('current');
    item.scrollIntoView({ block: 'nearest' });
    for (const e of document.querySelectorAll(`#doc .f${i}, #doc .o${i}`)) {
      e.classList.add('current');
    }
    jumpToLine(line || res.findings[i].span.start.line);
  }

  function jumpToLine(n) {
    const line = $('L' + n);
    if (!line) {
      return;
    }
    for (const e of document.querySelectorAll('#doc .line.target')) {
      e.classList.remove('target');
    }
    line.classList.add('target');
    line.scrollIntoView({ block: 'center' });
  }

  // A click on a mark in the text selects the most severe finding there.
  $('doc').addEventListener('click', (e) => {
    const mark = e.target.closest('mark.m');
    if (!mark) {
      return;
    }
    let best = -1;
    for (const c of mark.classList) {
      const m = /^f(\d+)$/.exec(c);
      if (m) {
        const i = Number(m[1]);
        if (best < 0 || rank[state.result.findings[i].severity] > rank[state.result.findings[best].severity]) {
          best = i;
        }
      }
    }
    if (best >= 0) {
      select(best);
    }
  });

  // ---- input: typing, pasting, choosing and dropping files ---------------

  // Typing is checked when it pauses (longer for a long report: each check
  // of it takes a moment); a paste at once.
  let timer = 0;
  let pasted = false;
  $('text').addEventListener('paste', () => {
    pasted = true;
  });
  $('text').addEventListener('input', () => {
    clearTimeout(timer);
    const delay = pasted ? 0 : ($('text').value.length > 20000 ? 800 : 300);
    pasted = false;
    timer = setTimeout(checkText, delay);
  });
  $('cancel').addEventListener('click', () => {
    if (abandon()) {
      state.stopped = true;
      state.result = null;
      render();
      showLoader();
    }
  });
  $('clear').addEventListener('click', () => {
    $('text').value = '';
    $('file').value = '';
    checkText();
    $('text').focus();
  });
  $('file').addEventListener('change', (e) => {
    const files = e.target.files;
    if (files && files.length) {
      checkFile(files[0], files.length > 1);
    }
    e.target.value = ''; // choosing the same file again checks it again
  });

  let dragDepth = 0;
  const hasFiles = (e) => e.dataTransfer && [...e.dataTransfer.types].includes('Files');
  document.addEventListener('dragenter', (e) => {
    if (hasFiles(e)) {
      dragDepth++;
      $('dropzone').hidden = false;
    }
  });
  document.addEventListener('dragleave', () => {
    dragDepth = Math.max(0, dragDepth - 1);
    if (dragDepth === 0) {
      $('dropzone').hidden = true;
    }
  });
  document.addEventListener('dragover', (e) => {
    e.preventDefault(); // allow dropping anywhere on the page
  });
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    dragDepth = 0;
    $('dropzone').hidden = true;
    const files = e.dataTransfer && e.dataTransfer.files;
    if (files && files.length) {
      checkFile(files[0], files.length > 1);
      return;
    }
    const text = e.dataTransfer && e.dataTransfer.getData('text/plain');
    if (text) {
      $('text').value = text;
      checkText();
    }
  });

  // ---- language --------------------------------------------------------

  function applyLanguage() {
    document.documentElement.lang = state.lang === 'en' ? 'en' : 'zh-CN';
    document.title = w().title;
    for (const e of document.querySelectorAll('[data-t]')) {
      const v = w()[e.dataset.t];
      if (typeof v === 'string') {
        e.textContent = v;
      }
    }
    $('text').placeholder = w().placeholder;
    const button = $('lang');
    button.textContent = w().langButton;
    button.lang = state.lang === 'en' ? 'zh-CN' : 'en';
    showLoader();
    if (state.fileName) {
      $('source').textContent = w().fileLoaded(state.fileName);
    }
    const selected = state.selected;
    render();
    if (selected >= 0) {
      select(selected);
    }
  }

  $('lang').addEventListener('click', () => {
    state.lang = state.lang === 'zh' ? 'en' : 'zh';
    applyLanguage();
  });

  loadChecker();
})();
