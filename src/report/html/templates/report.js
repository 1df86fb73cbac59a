(function () {
  'use strict';
  // Draws the table of all steps from the page's JSON block, a chunk at a time, so a long run opens at once;
  // every text goes in through textContent, never as markup.
  var CHUNK = 150;
  var ARROWS = { tx: '→', rx: '←', note: '•' };
  var STATUS_COLOURS = { passed: '#1a7f37', failed: '#cf222e', errored: '#9a6700', todo: '#9a6700', skipped: '#afb8c1' };
  var page = JSON.parse(document.getElementById('report-data').textContent);
  var table = document.getElementById('steps');
  var more = document.getElementById('more-rows');
  var shown = document.getElementById('shown');
  var search = document.getElementById('search');
  var changedBox = document.getElementById('only-changed');
  var statusBoxes = Array.prototype.slice.call(document.querySelectorAll('input[name="status"]'));
  var skippedAt = {};
  page.skipped.forEach(function (run) { skippedAt[run.from] = run; });
  var openGroups = {};
  var items = [];
  var drawn = 0;
  var lastPhase = null;
  var haystacks = null;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function codes(parent, lines, classOf) {
    lines.forEach(function (line) {
      var isPair = Array.isArray(line);
      parent.appendChild(el('code', isPair ? classOf(line[0]) : '', isPair ? line[1] : line));
    });
  }
  function cell(row, tag, className) { var c = el(tag, className); row.appendChild(c); return c; }

  var transcripts = null;
  var timeWidth = formatTime(page.durationMs).length;
  function formatTime(ms) { return '+' + (Math.max(0, ms) / 1000).toFixed(3); }
  // A transcript entry's bytes shown as the other reports show them (record/transcript-text.ts, escapeBytes): UTF-8
  // text with CR/LF/TAB as \r/\n/\t, Ctrl-Z and ESC by name, other control bytes as \xNN, bytes that are not UTF-8
  // as \x??. The BOM is kept, as Node keeps it. A browser test holds the two to the same text for every byte.
  var NAMED_ESCAPES = { 9: '\\t', 10: '\\n', 13: '\\r', 26: '<CTRL-Z>', 27: '<ESC>', 92: '\\\\' };
  var utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
  function decodeBase64(base64) {
    var binary = atob(base64);
    var bytes = new Uint8Array(binary.length);
    for (var k = 0; k < binary.length; k++) bytes[k] = binary.charCodeAt(k);
    return bytes;
  }
  function escapeChar(char) {
    var code = char.charCodeAt(0);
    if (NAMED_ESCAPES[code]) return NAMED_ESCAPES[code];
    if (code === 0xfffd) return '\\x??';
    return '\\x' + ('0' + code.toString(16)).slice(-2);
  }
  function formatText(bytes) { return utf8.decode(bytes).replace(/[\x00-\x1f\x7f\\\ufffd]/g, escapeChar); }
  function formatHex(bytes) {
    var pairs = [];
    for (var k = 0; k < bytes.length; k++) pairs.push(('0' + bytes[k].toString(16)).slice(-2));
    return pairs.join(' ');
  }
  // The transcripts are parsed the first time one is opened, not while the page opens.
  function fillTranscript(box, step) {
    if (transcripts === null) transcripts = JSON.parse(document.getElementById('report-transcripts').textContent);
    transcripts[step.i].forEach(function (entry) {
      var time = formatTime(entry[0]);
      while (time.length < timeWidth) time = ' ' + time;
      var head = el('b', entry[1], time + ' ' + (ARROWS[entry[1]] || '?') + ' ' + (entry[1] + '    ').slice(0, 4));
      var text;
      if (entry[1] === 'note') text = el('span', '', entry[2]);
      else {
        var bytes = decodeBase64(entry[2]);
        text = el('span', '', formatText(bytes));
        if (bytes.length > 0) text.appendChild(el('i', '', formatHex(bytes)));
      }
      box.appendChild(head);
      box.appendChild(text);
    });
  }

  function drawStep(step) {
    var body = el('tbody', 'st s-' + step.st + (step.chg ? ' changed' : ''));
    body.id = 'row-' + step.i;
    var row = el('tr');
    var no = cell(row, 'th');
    no.scope = 'row';
    no.textContent = step.no;
    cell(row, 'td').appendChild(el('code', 'a-' + step.ak, step.cmd));
    codes(cell(row, 'td', 'exp'), step.exp);
    codes(cell(row, 'td', 'rcv'), step.rcv, function (kind) { return 'r-' + kind; });
    cell(row, 'td', '').textContent = step.desc || '';
    var result = cell(row, 'td');
    result.appendChild(el('span', 'badge b-' + step.st, step.sl));
    result.appendChild(el('span', 'tm', step.tm));
    if (step.chg) result.appendChild(el('span', 'chg c-' + step.chg[0], step.chg[1]));
    body.appendChild(row);
    if (step.why || step.urcs.length || step.caps.length || step.trn || step.atts) body.appendChild(drawDetails(step));
    return body;
  }

  function drawDetails(step) {
    var row = el('tr', 'more');
    var td = cell(row, 'td');
    td.colSpan = 6;
    if (step.why) td.appendChild(el('p', 'reason', step.why));
    if (step.urcs.length) { var u = el('p', 'urcs', 'Unexpected URCs: '); codes(u, step.urcs); td.appendChild(u); }
    if (step.caps.length) { var c = el('p', 'caps', 'Captured: '); codes(c, step.caps); td.appendChild(c); }
    if (step.atts) td.appendChild(drawAttempts(step.atts));
    if (step.trn) {
      var details = el('details');
      var summary = el('summary', '', 'Transcript, ' + step.trl + ' ');
      summary.appendChild(el('span', 'loc', step.loc));
      details.appendChild(summary);
      details.addEventListener('toggle', function () {
        if (details.open && details.childNodes.length === 1) {
          var box = el('div', 'tr');
          fillTranscript(box, step);
          details.appendChild(box);
        }
      });
      td.appendChild(details);
      if (step.st === 'failed' || step.st === 'errored') details.open = true;
    }
    return row;
  }

  // Each attempt as [label, start, duration, status, status label, received lines, reason].
  function drawAttempts(attempts) {
    var details = el('details', 'attempts');
    details.appendChild(el('summary', '', attempts.length + ' attempts'));
    var list = el('ol', 'att');
    attempts.forEach(function (a) {
      var item = el('li', 'a-' + a[3]);
      item.appendChild(el('b', '', a[0]));
      item.appendChild(el('span', 'badge b-' + a[3], a[4]));
      item.appendChild(el('span', 'tm', 'at ' + a[1] + ', ' + a[2]));
      codes(item, a[5]);
      if (a[6]) item.appendChild(el('p', 'reason', a[6]));
      list.appendChild(item);
    });
    details.appendChild(list);
    return details;
  }

  function drawGroup(run) {
    var body = el('tbody', 'skipped-run');
    body.id = 'skipped-' + run.from;
    var row = el('tr');
    var td = cell(row, 'td');
    td.colSpan = 6;
    var button = el('button', 'toggle', (openGroups[run.from] ? '▾ ' : '▸ ') + run.label);
    button.type = 'button';
    button.setAttribute('aria-expanded', openGroups[run.from] ? 'true' : 'false');
    button.addEventListener('click', function () { openGroups[run.from] = !openGroups[run.from]; refresh(); });
    td.appendChild(button);
    if (run.reason) td.appendChild(el('span', 'why', run.reason));
    body.appendChild(row);
    return body;
  }

  function drawPhase(title) {
    var body = el('tbody', 'phase');
    var row = el('tr');
    var th = cell(row, 'th');
    th.colSpan = 6;
    th.scope = 'rowgroup';
    th.textContent = title;
    body.appendChild(row);
    return body;
  }

  function textOf(step) {
    return [step.no, step.cmd, step.desc || '', step.why || '', step.exp.join('\n'), step.rcv.map(function (r) { return r[1]; }).join('\n')]
      .join('\n').toLowerCase();
  }

  function isShown(step, statuses, needle) {
    if (!statuses[step.st]) return false;
    if (changedBox && changedBox.checked && !step.chg) return false;
    if (needle === '') return true;
    if (haystacks === null) haystacks = page.steps.map(textOf);
    return haystacks[step.i].indexOf(needle) !== -1;
  }

  // Items are steps and skipped runs in run order; a closed run of skipped steps is one line.
  function buildItems() {
    var statuses = {};
    statusBoxes.forEach(function (box) { statuses[box.value] = box.checked; });
    var needle = search ? search.value.trim().toLowerCase() : '';
    var list = [];
    var count = 0;
    for (var i = 0; i < page.steps.length; i++) {
      var run = skippedAt[i];
      if (run) {
        var members = page.steps.slice(run.from, run.to).filter(function (s) { return isShown(s, statuses, needle); });
        if (members.length > 0) {
          list.push({ group: run, phase: page.steps[i].ph });
          if (openGroups[run.from]) members.forEach(function (s) { list.push({ step: s, phase: s.ph }); });
          count += members.length;
        }
        i = run.to - 1;
        continue;
      }
      if (isShown(page.steps[i], statuses, needle)) { list.push({ step: page.steps[i], phase: page.steps[i].ph }); count += 1; }
    }
    shown.textContent = count === page.steps.length ? 'all ' + count + ' steps' : count + ' of ' + page.steps.length + ' steps';
    return list;
  }

  function drawUpTo(limit) {
    var fragment = document.createDocumentFragment();
    for (; drawn < Math.min(limit, items.length); drawn++) {
      var item = items[drawn];
      if (item.phase !== lastPhase) { fragment.appendChild(drawPhase(item.phase)); lastPhase = item.phase; }
      fragment.appendChild(item.group ? drawGroup(item.group) : drawStep(item.step));
    }
    table.appendChild(fragment);
    more.hidden = drawn >= items.length;
    more.textContent = (items.length - drawn) + ' more rows below: scroll to draw them';
  }

  function refresh() {
    Array.prototype.slice.call(table.querySelectorAll('tbody')).forEach(function (body) { body.remove(); });
    items = buildItems();
    drawn = 0;
    lastPhase = null;
    drawUpTo(CHUNK);
  }

  function drawAll() { drawUpTo(items.length); }

  function revealStep(index) {
    var at = -1;
    for (var k = 0; k < items.length; k++) {
      if ((items[k].step && items[k].step.i === index) || (items[k].group && items[k].group.from <= index && index < items[k].group.to)) { at = k; break; }
    }
    if (at === -1) return;
    if (items[at].group && !openGroups[items[at].group.from]) { openGroups[items[at].group.from] = true; refresh(); revealStep(index); return; }
    drawUpTo(at + CHUNK);
    var row = document.getElementById('row-' + index);
    if (row) { row.scrollIntoView(); row.classList.add('target'); }
  }

  function drawTimeline() {
    var canvas = document.getElementById('timeline-canvas');
    var width = canvas.parentNode.clientWidth;
    var scale = window.devicePixelRatio || 1;
    canvas.width = width * scale;
    canvas.height = 36 * scale;
    canvas.style.width = width + 'px';
    var g = canvas.getContext('2d');
    g.scale(scale, 1 * scale);
    var total = Math.max(1, page.durationMs);
    page.steps.forEach(function (s) {
      g.fillStyle = STATUS_COLOURS[s.st] || '#6e7781';
      g.fillRect((s.t0 / total) * width, 2, Math.max(1, (s.d / total) * width), 20);
    });
    g.fillStyle = '#8250df';
    page.urcMs.forEach(function (ms) { g.fillRect((ms / total) * width, 25, 1, 9); });
    canvas.addEventListener('click', function (event) {
      var ms = ((event.clientX - canvas.getBoundingClientRect().left) / width) * total;
      var hit = page.steps.filter(function (s) { return s.t0 <= ms; }).pop() || page.steps[0];
      if (hit) revealStep(hit.i);
    });
  }

  function openTarget() {
    var match = /^#step-(\d+)$/.exec(location.hash);
    if (!match) return;
    var target = document.getElementById('step-' + match[1]);
    var d = target ? target.querySelector('details') : null;
    if (d) d.open = true;
    else if (!target) revealStep(Number(match[1]));
  }

  function setAll(open) { Array.prototype.slice.call(document.querySelectorAll('details')).forEach(function (d) { d.open = open; }); }

  document.getElementById('needs-script').hidden = true;
  document.getElementById('toolbar').hidden = false;
  document.getElementById('timeline').hidden = false;
  table.hidden = false;
  refresh();
  statusBoxes.forEach(function (box) { box.addEventListener('change', refresh); });
  if (changedBox) changedBox.addEventListener('change', refresh);
  var typing = 0;
  search.addEventListener('input', function () { clearTimeout(typing); typing = setTimeout(refresh, 120); });
  document.getElementById('expand-all').addEventListener('click', function () { drawAll(); setAll(true); });
  document.getElementById('collapse-all').addEventListener('click', function () { setAll(false); });
  new IntersectionObserver(function (entries) {
    if (entries.some(function (e) { return e.isIntersecting; })) drawUpTo(drawn + CHUNK);
  }, { rootMargin: '800px' }).observe(more);
  window.addEventListener('hashchange', openTarget);
  window.addEventListener('beforeprint', drawAll);
  openTarget();
  window.__reportReady = performance.now();
  performance.mark('report-ready');
  requestAnimationFrame(drawTimeline);
})();
