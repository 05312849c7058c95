/**
 * The page script, kept as plain ES2017 text (it is inlined into the HTML, so it is not compiled or
 * bundled; a function's toString() would carry transpiler helpers). It reads the JSON data element and
 * builds everything with createElement/textContent: no report string ever reaches innerHTML.
 * uPlot draws the axes, zoom selection and series; marks are real buttons over the lanes' canvas so a
 * mark can be clicked, focused and found by tests; arrows and event lines are drawn in uPlot hooks.
 */
export const PAGE_SCRIPT = String.raw`
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var COLORS = { kernel: '#d1495b', hypervisor: '#8e44ad', network: '#2e86de', storage: '#e67e22', hardware: '#7f8c8d', userland: '#16a085', metrics: '#27ae60' };
  var byId = {};
  data.marks.forEach(function (m) { byId[m.id] = m; });
  function colorOf(m) { return COLORS[m.layer] || '#555'; }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  // ---- evidence panel -------------------------------------------------------------------------
  var panel = document.getElementById('evidence-body');
  function showEvidence(id) {
    var m = byId[id];
    if (!m) return;
    panel.replaceChildren();
    panel.appendChild(el('h3', 'ev-title', m.title));
    var dl = el('dl');
    m.facts.forEach(function (f) { dl.appendChild(el('dt', null, f[0])); dl.appendChild(el('dd', null, f[1])); });
    panel.appendChild(dl);
    panel.appendChild(el('h3', null, 'Evidence (' + m.evidence.length + ' line' + (m.evidence.length === 1 ? '' : 's') + ')'));
    if (!m.evidence.length) panel.appendChild(el('p', 'hint', 'No log lines were kept for this finding.'));
    m.evidence.forEach(function (e) {
      var row = el('div', 'ev-line');
      row.appendChild(el('div', 'ev-loc', e.file + ':' + e.line + (e.host ? ' · ' + e.host : '')));
      row.appendChild(el('pre', 'ev-text', e.text));
      panel.appendChild(row);
    });
    var links = data.correlations.filter(function (c) { return c.from === id || c.to === id; });
    if (links.length) {
      panel.appendChild(el('h3', null, 'Linked findings'));
      var ul = el('ul', 'links');
      links.forEach(function (c) {
        var other = byId[c.from === id ? c.to : c.from];
        var li = el('li', null, (c.from === id ? '→ ' : '← ') + (other ? other.title + ' (' + other.host + ')' : '?') + ': ' + c.label + ' — ' + c.reason + ' (' + c.confidence + ')');
        ul.appendChild(li);
      });
      panel.appendChild(ul);
    }
    if (m.trace.length) {
      panel.appendChild(el('h3', null, 'Call trace (? = unreliable frame)'));
      panel.appendChild(el('pre', 'trace', m.trace.join('\n')));
    }
    document.querySelectorAll('[data-finding-id]').forEach(function (b) {
      b.classList.toggle('selected', b.getAttribute('data-finding-id') === id);
    });
  }
  document.addEventListener('click', function (ev) {
    var t = ev.target && ev.target.closest ? ev.target.closest('[data-finding-id]') : null;
    if (t) showEvidence(t.getAttribute('data-finding-id'));
  });

  function markButton(m, withBar) {
    var b = el('button', 'mark');
    b.type = 'button';
    b.setAttribute('data-finding-id', m.id);
    b.setAttribute('data-host', m.host);
    b.title = m.title + ' — ' + m.host + ' — ' + m.when;
    b.setAttribute('aria-label', m.title + ' on ' + m.host + ', ' + m.when);
    if (m.id === data.firstAnomaly) b.classList.add('first');
    if (withBar) {
      var bar = el('span', 'bar');
      bar.style.background = colorOf(m);
      b.appendChild(bar);
    }
    var text = m.title.length > 48 ? m.title.slice(0, 47) + '…' : m.title;
    b.appendChild(el('span', 'label', text + (m.count > 1 ? ' ×' + m.count : '')));
    return b;
  }

  var placed = data.marks.filter(function (m) { return m.x0 !== null; });
  var unplaced = data.marks.filter(function (m) { return m.x0 === null; });
  var unplacedBox = document.getElementById('unplaced');
  if (unplaced.length) {
    unplacedBox.appendChild(el('span', null, 'Not on the time axis (no ' + (data.axis.mode === 'wall' ? 'wall-clock' : 'uptime') + ' time): '));
    unplaced.forEach(function (m) { unplacedBox.appendChild(markButton(m, false)); });
  }

  var lanesBox = document.getElementById('lanes');
  if (typeof uPlot === 'undefined' || data.axis.min === null) {
    lanesBox.appendChild(el('p', 'hint', 'Nothing to place on a time axis.'));
    data.marks.forEach(function (m) { if (m.x0 !== null) unplacedBox.appendChild(markButton(m, false)); });
    return;
  }

  // ---- shared x axis ----------------------------------------------------------------------------
  var AXIS_W = 120;
  var wall = data.axis.mode === 'wall';
  var plots = [];
  var view = { min: data.axis.min, max: data.axis.max };
  var syncing = false;
  function setView(min, max) {
    if (!(max > min)) return;
    view = { min: min, max: max };
    syncing = true;
    plots.forEach(function (p) { p.setScale('x', { min: min, max: max }); });
    syncing = false;
  }
  function followScale(u, key) {
    if (key !== 'x' || syncing) return;
    var s = u.scales.x;
    if (s.min === view.min && s.max === view.max) return;
    setView(s.min, s.max);
  }
  function tzDate(ts) { return uPlot.tzDate(new Date(ts * 1000), data.axis.tz); }
  function xAxis() {
    var a = { scale: 'x', stroke: '#5b6475', grid: { stroke: '#eceff3' }, ticks: { stroke: '#d9dee7' } };
    if (!wall) a.values = function (u, splits) { return splits.map(function (v) { return Math.round(v) + ' s'; }); };
    else a.values = [
      [86400 * 365, '{YYYY}', null, null, null, null, null, null, 1],
      [86400 * 28, '{MMM}', '\n{YYYY}', null, null, null, null, null, 1],
      [86400, '{MM}-{DD}', '\n{YYYY}', null, null, null, null, null, 1],
      [3600, '{HH}:{mm}', '\n{YYYY}-{MM}-{DD}', null, '\n{MM}-{DD}', null, null, null, 1],
      [60, '{HH}:{mm}', '\n{YYYY}-{MM}-{DD}', null, '\n{MM}-{DD}', null, null, null, 1],
      [1, '{HH}:{mm}:{ss}', '\n{YYYY}-{MM}-{DD}', null, '\n{MM}-{DD}', null, null, null, 1],
      [0.001, ':{ss}.{fff}', '\n{YYYY}-{MM}-{DD} {HH}:{mm}', null, '\n{MM}-{DD} {HH}:{mm}', null, '\n{HH}:{mm}', null, 1],
    ];
    return a;
  }
  function width() { return Math.max(420, lanesBox.clientWidth); }
  function zoomAround(u, clientX, factor) {
    var r = u.over.getBoundingClientRect();
    var frac = Math.min(1, Math.max(0, (clientX - r.left) / r.width));
    var c = view.min + frac * (view.max - view.min);
    setView(c - (c - view.min) * factor, c + (view.max - c) * factor);
  }
  function pan(fraction) {
    var d = (view.max - view.min) * fraction;
    setView(view.min + d, view.max + d);
  }
  function interact(u) {
    u.over.addEventListener('wheel', function (e) {
      e.preventDefault();
      var horizontal = e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY);
      if (horizontal) pan(((e.shiftKey ? e.deltaY : e.deltaX) > 0 ? 1 : -1) * 0.1);
      else zoomAround(u, e.clientX, e.deltaY < 0 ? 0.8 : 1.25);
    }, { passive: false });
    // Shift+drag pans; a plain drag keeps uPlot's zoom-to-selection.
    u.root.addEventListener('mousedown', function (e) {
      if (!e.shiftKey) return;
      e.stopPropagation();
      e.preventDefault();
      var startX = e.clientX, start = view, w = u.over.getBoundingClientRect().width;
      function move(ev) {
        var d = (ev.clientX - startX) / w * (start.max - start.min);
        setView(start.min - d, start.max - d);
      }
      function up() { window.removeEventListener('mousemove', move); window.removeEventListener('mouseup', up); }
      window.addEventListener('mousemove', move);
      window.addEventListener('mouseup', up);
    }, true);
  }
  function eventLines(u, onlyFirst) {
    var ctx = u.ctx, top = u.bbox.top, h = u.bbox.height;
    ctx.save();
    ctx.textAlign = 'left'; ctx.textBaseline = 'alphabetic';
    placed.forEach(function (m) {
      var isFirst = m.id === data.firstAnomaly;
      if (onlyFirst && !isFirst) return;
      var x = Math.round(u.valToPos(m.x0, 'x', true));
      if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) return;
      ctx.strokeStyle = isFirst ? '#c0392b' : colorOf(m);
      ctx.globalAlpha = isFirst ? 0.9 : 0.45;
      ctx.lineWidth = (isFirst ? 2 : 1) * uPlot.pxRatio;
      ctx.setLineDash([5 * uPlot.pxRatio, 4 * uPlot.pxRatio]);
      ctx.beginPath(); ctx.moveTo(x, top); ctx.lineTo(x, top + h); ctx.stroke();
      if (isFirst) {
        ctx.setLineDash([]);
        ctx.globalAlpha = 1;
        ctx.fillStyle = '#c0392b';
        ctx.font = (11 * uPlot.pxRatio) + 'px system-ui, sans-serif';
        ctx.fillText('first anomaly', x + 4 * uPlot.pxRatio, onlyFirst ? top + h - 4 * uPlot.pxRatio : top + 11 * uPlot.pxRatio);
      }
    });
    ctx.restore();
  }

  // ---- swim lanes: one band per host, marks as buttons over the canvas ---------------------------
  var hosts = data.hosts;
  var n = Math.max(1, hosts.length);
  // Enough rows in a lane for its busiest host (up to 16), so close marks do not cover each other:
  // a resize case has 11 findings within minutes, and a covered mark cannot be clicked.
  var perLane = hosts.map(function (h) { return placed.filter(function (m) { return m.host === h; }).length; });
  var ROW_H = 21, ROWS = Math.min(16, Math.max(2, Math.max.apply(null, perLane.concat([0]))));
  var LANE_H = 14 + ROWS * ROW_H;
  // The time axis (two text lines) and uPlot's top padding come out of the plot's height: add them,
  // or the lowest rows of the last lane fall below the plot area.
  var LANE_AXIS_H = 50, LANES_PAD = 12;
  var LANES_HEIGHT = n * LANE_H + LANE_AXIS_H + LANES_PAD;
  var buttons = placed.map(function (m) { var b = markButton(m, true); b._m = m; return b; });
  var pos = {};
  function laneOf(m) { return Math.max(0, hosts.indexOf(m.host)); }
  function bandCenter(i) { return n - i - 0.5; }
  function layoutMarks(u) {
    pos = {};
    var rowsEnd = hosts.map(function () { var a = []; for (var r = 0; r < ROWS; r++) a.push(-1e9); return a; });
    var sorted = buttons.slice().sort(function (a, b) { return a._m.x0 - b._m.x0; });
    sorted.forEach(function (b) {
      var m = b._m, lane = laneOf(m);
      var x0 = u.valToPos(m.x0, 'x'), x1 = u.valToPos(m.x1, 'x');
      var visible = x1 >= -4 && x0 <= u.over.clientWidth + 4;
      b.style.display = visible ? '' : 'none';
      if (!visible) return;
      var barW = Math.max(10, x1 - x0);
      b.firstChild.style.width = barW + 'px';
      b.classList.remove('flip', 'inside');
      var left = Math.round(x0);
      if (left + b.offsetWidth > u.over.clientWidth) {
        // No room on the right: the label goes left of the bar, or inside a bar that spans the view.
        if (x0 + barW - b.offsetWidth >= 0) { b.classList.add('flip'); left = Math.round(x0 + barW - b.offsetWidth); }
        else b.classList.add('inside');
      }
      var ends = rowsEnd[lane], row = 0;
      for (var r = 0; r < ROWS; r++) { if (ends[r] < left) { row = r; break; } if (ends[r] < ends[row]) row = r; }
      ends[row] = left + b.offsetWidth + 6;
      var laneTop = u.valToPos(n - lane, 'y');
      var top = Math.round(laneTop + 6 + row * ROW_H);
      b.style.left = left + 'px';
      b.style.top = top + 'px';
      pos[m.id] = { x: x0, y: top + 9 };
    });
  }
  function arrows(u) {
    var ctx = u.ctx, px = uPlot.pxRatio;
    ctx.save();
    ctx.textAlign = 'left'; ctx.textBaseline = 'alphabetic';
    data.correlations.forEach(function (c) {
      var a = pos[c.from], b = pos[c.to];
      if (!a || !b) return;
      var x1 = u.bbox.left + a.x * px, y1 = u.bbox.top + a.y * px;
      var x2 = u.bbox.left + b.x * px, y2 = u.bbox.top + b.y * px;
      var cx = (x1 + x2) / 2, cy = Math.min(y1, y2) - 26 * px;
      ctx.strokeStyle = '#1d2330'; ctx.fillStyle = '#1d2330'; ctx.lineWidth = 1.5 * px; ctx.globalAlpha = 0.8;
      ctx.beginPath(); ctx.moveTo(x1, y1); ctx.quadraticCurveTo(cx, cy, x2, y2); ctx.stroke();
      var ang = Math.atan2(y2 - cy, x2 - cx), len = 8 * px;
      ctx.beginPath(); ctx.moveTo(x2, y2);
      ctx.lineTo(x2 - len * Math.cos(ang - 0.4), y2 - len * Math.sin(ang - 0.4));
      ctx.lineTo(x2 - len * Math.cos(ang + 0.4), y2 - len * Math.sin(ang + 0.4));
      ctx.closePath(); ctx.fill();
      ctx.font = (11 * px) + 'px system-ui, sans-serif'; ctx.globalAlpha = 1;
      // Labels of arrows between close marks would pile up; the evidence panel lists them instead.
      if (Math.abs(b.x - a.x) > 90) ctx.fillText(c.label, cx - ctx.measureText(c.label).width / 2, (y1 + y2) / 2 - 14 * px);
    });
    ctx.restore();
  }
  function bands(u) {
    var ctx = u.ctx;
    ctx.save();
    for (var i = 0; i < n; i++) {
      var y0 = u.valToPos(n - i, 'y', true), y1 = u.valToPos(n - i - 1, 'y', true);
      ctx.fillStyle = i % 2 ? '#f7f8fa' : '#ffffff';
      ctx.fillRect(u.bbox.left, y0, u.bbox.width, y1 - y0);
    }
    ctx.restore();
  }
  var lanes = new uPlot({
    width: width(),
    height: LANES_HEIGHT,
    padding: [LANES_PAD, null, 0, null],
    legend: { show: false },
    cursor: { y: false, points: { show: false }, drag: { x: true, y: false }, sync: { key: 'ktriage' },
      bind: { dblclick: function () { return function () { setView(data.axis.min, data.axis.max); return null; }; } } },
    scales: { x: { time: wall }, y: { auto: false, range: [0, n] } },
    axes: [Object.assign(xAxis(), { size: LANE_AXIS_H }), { scale: 'y', size: AXIS_W, grid: { show: false }, ticks: { show: false }, stroke: '#1d2330',
      font: '600 13px system-ui, sans-serif',
      splits: function () { return hosts.map(function (_, i) { return bandCenter(i); }); },
      values: function (u, splits) { return splits.map(function (v) { var s = hosts[Math.round(n - 0.5 - v)] || ''; return s.length > 15 ? s.slice(0, 14) + '…' : s; }); } }],
    series: [{}, { stroke: 'transparent', points: { show: false } }],
    tzDate: tzDate,
    hooks: { drawClear: [bands], draw: [function (u) { layoutMarks(u); eventLines(u, true); arrows(u); }], setScale: [followScale] },
  }, [[data.axis.min, data.axis.max], [null, null]], lanesBox);
  buttons.forEach(function (b) {
    b.addEventListener('mousedown', function (e) { if (!e.shiftKey) e.stopPropagation(); });
    lanes.over.appendChild(b);
  });
  plots.push(lanes);
  interact(lanes);

  // ---- metric series on the same axis ------------------------------------------------------------
  var chartsBox = document.getElementById('charts');
  if (!data.series.length) chartsBox.appendChild(el('p', 'hint', 'No metric series in the inputs.'));
  var others = data.series.filter(function (s) { return !s.related; }).length;
  var moreBox = chartsBox;
  if (others && others < data.series.length) {
    var det = el('details', 'more-series');
    det.appendChild(el('summary', null, others + ' more series without a detected change'));
    chartsBox.appendChild(det);
    moreBox = det;
  }
  data.series.forEach(function (s, i) {
    var box = el('div', 'chart');
    box.setAttribute('data-series', s.label);
    (s.related ? chartsBox : moreBox).insertBefore(box, s.related && moreBox !== chartsBox ? moreBox : null);
    var color = ['#2e86de', '#27ae60', '#e67e22', '#8e44ad', '#d1495b', '#16a085'][i % 6];
    var p = new uPlot({
      title: s.label,
      width: width(),
      height: 120,
      cursor: { sync: { key: 'ktriage' }, drag: { x: true, y: false },
        bind: { dblclick: function () { return function () { setView(data.axis.min, data.axis.max); return null; }; } } },
      scales: { x: { time: wall } },
      axes: [xAxis(), { size: AXIS_W, stroke: '#5b6475', grid: { stroke: '#eceff3' } }],
      series: [{ label: 'time' }, { label: s.name, stroke: color, width: 1.5, fill: color + '22', points: { show: false } }],
      tzDate: tzDate,
      hooks: { draw: [function (u) { eventLines(u, false); }], setScale: [followScale] },
    }, [s.xs, s.ys], box);
    plots.push(p);
    interact(p);
  });
  setView(data.axis.min, data.axis.max);

  // ---- toolbar and resizing ----------------------------------------------------------------------
  var actions = {
    'zoom-in': function () { var c = (view.min + view.max) / 2, h = (view.max - view.min) * 0.35; setView(c - h, c + h); },
    'zoom-out': function () { var c = (view.min + view.max) / 2, h = (view.max - view.min) * 0.75; setView(c - h, c + h); },
    'pan-left': function () { pan(-0.2); },
    'pan-right': function () { pan(0.2); },
    'reset': function () { setView(data.axis.min, data.axis.max); },
  };
  document.querySelectorAll('[data-action]').forEach(function (b) {
    b.addEventListener('click', function () { var f = actions[b.getAttribute('data-action')]; if (f) f(); });
  });
  window.addEventListener('resize', function () {
    plots.forEach(function (p, i) { p.setSize({ width: width(), height: i === 0 ? LANES_HEIGHT : 120 }); });
  });
  if (data.firstAnomaly && byId[data.firstAnomaly]) showEvidence(data.firstAnomaly);
})();
`;
