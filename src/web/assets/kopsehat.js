(function () {
  'use strict';
  // An amount as typed ("Rp 1.250.000,50") in sen, NaN if none: the server's ParseAmountTextSen step by step
  // (tests/browser/amount_rule_test.py compares them). The server still decides.
  function groups(intPart, sep) {  // "1.250.000" → "1250000"
    var g = intPart.split(sep);
    if (!/^\d{1,3}$/.test(g[0])) return null;
    for (var i = 1; i < g.length; i++) if (!/^\d{3}$/.test(g[i])) return null;
    return g.join('');
  }
  function sen(text) {
    var t = String(text || '').replace(/[\u00a0\t]/g, ' ').trim();
    if (t === '') return 0;
    var neg = false, ind = false;
    if (t.length >= 2 && t.charAt(0) === '(' && t.charAt(t.length - 1) === ')') { neg = true; t = t.slice(1, -1).trim(); }
    if (t.charAt(0) === '-') { if (neg) return NaN; neg = true; t = t.slice(1); }
    if (/^rp/i.test(t)) { ind = true; t = t.slice(2); if (t.charAt(0) === '.') t = t.slice(1); t = t.trim(); }
    if (t.charAt(0) === '-') { if (neg) return NaN; neg = true; t = t.slice(1).trim(); }
    if (t.length >= 2 && t.slice(-2) === ',-') { ind = true; t = t.slice(0, -2); }
    if (t === '') return NaN;
    if (t.indexOf(' ') >= 0) {
      var end = t.search(/[.,]/), head = end < 0 ? t : t.slice(0, end);
      if (end >= 0 && t.indexOf(' ', end) >= 0) return NaN;
      head = groups(head, ' ');
      if (head === null) return NaN;
      t = head + (end < 0 ? '' : t.slice(end));
    }
    if (/[^0-9.,]/.test(t)) return NaN;
    var dots = t.split('.').length - 1, commas = t.split(',').length - 1, group = '', point = '';
    if (dots && commas) {
      point = t.lastIndexOf(',') > t.lastIndexOf('.') ? ',' : '.';
      group = point === ',' ? '.' : ',';
      if (t.length - t.lastIndexOf(point) - 1 > 2) return NaN;
    } else if (dots || commas) {
      var sep = dots ? '.' : ',', after = t.length - t.lastIndexOf(sep) - 1;
      if ((dots || commas) > 1) group = sep;
      else if (after === 3 && ind && sep === '.') group = sep;  // "Rp 1.250"
      else if (after === 3) return NaN;  // "1.250": ambiguous
      else point = sep;
    }
    var at = point ? t.lastIndexOf(point) : t.length, whole = t.slice(0, at), frac = point ? t.slice(at + 1) : '';
    if (group) { whole = groups(whole, group); if (whole === null) return NaN; }
    if (!/^\d+$/.test(whole) || (point && !/^\d+$/.test(frac))) return NaN;
    if (frac.replace(/0+$/, '').length > 2) return NaN;
    var v = Number(whole) * 100 + Number((frac + '00').slice(0, 2));
    if (v > 1e17) return NaN;
    return neg ? -v : v;
  }
  function rupiah(v) {
    var a = Math.abs(v), r = Math.floor(a / 100), s = a % 100;
    var t = 'Rp ' + String(r).replace(/\B(?=(\d{3})+(?!\d))/g, '.') + (s ? ',' + (s < 10 ? '0' : '') + s : '');
    return (v < 0 ? '-' : '') + t;
  }
  function balance(box) {
    var out = box.querySelector('.cek');
    if (!out) return;
    var aset = 0, pasiva = 0, bad = false;
    var inputs = box.querySelectorAll('input[data-sisi]');
    for (var i = 0; i < inputs.length; i++) {
      var v = sen(inputs[i].value), side = inputs[i].getAttribute('data-sisi');
      if (isNaN(v)) { bad = true; continue; }
      if (side === 'aset') aset += v; else if (side === 'pengurang') aset -= v; else pasiva += v;
    }
    var d = function (n) { return out.getAttribute('data-' + n); };
    var text = d('aset') + ' ' + rupiah(aset) + ' · ' + d('pasiva') + ' ' + rupiah(pasiva) + ' — ';
    if (bad) text += d('salah');
    else if (aset === pasiva) text += d('seimbang');
    else text += d('selisih') + ' ' + rupiah(aset - pasiva);
    out.textContent = text;
    out.className = 'cek ' + (bad || aset !== pasiva ? 'beda' : 'ok');
  }
  function key(cell) {
    if (!cell) return '';
    var n = cell.getAttribute('data-nilai');
    if (n !== null) return n === '' ? -Infinity : Number(n);
    return cell.textContent.trim().toLowerCase();
  }
  function sortBy(table, th) {
    var col = th.cellIndex, body = table.tBodies[0];
    if (!body) return;
    var asc = th.getAttribute('aria-sort') !== 'ascending';
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a.cells[col]), y = key(b.cells[col]);
      var c = typeof x === 'number' && typeof y === 'number' ? (x < y ? -1 : x > y ? 1 : 0)
          : String(x).localeCompare(String(y));
      return asc ? c : -c;
    });
    var ths = th.parentNode.cells;
    for (var i = 0; i < ths.length; i++) ths[i].removeAttribute('aria-sort');
    th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
    for (var j = 0; j < rows.length; j++) body.appendChild(rows[j]);
  }
  function sortable(table) {
    if (!table.tHead || !table.tHead.rows.length) return;
    var ths = table.tHead.rows[0].cells;
    for (var i = 0; i < ths.length; i++) {
      (function (th) {
        th.tabIndex = 0;
        th.addEventListener('click', function () { sortBy(table, th); });
        th.addEventListener('keydown', function (e) {
          if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sortBy(table, th); }
        });
      })(ths[i]);
    }
  }
  // Checklist counts of the laporan form; sentences come from data-format (the server's), integers only.
  function fill(el, v) {
    if (el) el.textContent = el.getAttribute('data-format').replace(/\{(\w)\}/g, function (m, k) { return v[k]; });
  }
  function checklists(form) {
    var all = { n: 0, a: 0 }, asp = form.querySelectorAll('[data-aspek]');
    for (var i = 0; i < asp.length; i++) {
      var s = { n: 0, a: 0, y: 0 }, lists = asp[i].querySelectorAll('[data-daftar]');
      for (var j = 0; j < lists.length; j++) {
        var items = lists[j].querySelectorAll('.butir'), c = { n: items.length, a: 0 };
        for (var k = 0; k < items.length; k++) {
          var on = items[k].querySelector('input:checked'), v = on ? on.value.toLowerCase() : '';
          if (v === 'ya' || v === 'tidak') c.a++;
          if (v === 'ya') s.y++;
        }
        fill(lists[j].querySelector('.hitung-butir'), c);
        s.n += c.n; s.a += c.a;
      }
      s.p = s.n ? Math.floor((200 * s.y + s.n) / (2 * s.n)) : 0;  // whole percent, half up
      fill(asp[i].querySelector('.pratinjau'), s);
      all.n += s.n; all.a += s.a;
    }
    fill(form.querySelector('.terjawab-semua'), all);
  }
  // A search box (data-saring: the selects) keeps the options holding every word typed, and the chosen one.
  function fold(t) {
    return String(t).toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  }
  function narrow(box) {
    var words = fold(box.value).split(/\s+/).filter(Boolean);
    var lists = document.querySelectorAll(box.getAttribute('data-saring'));
    for (var i = 0; i < lists.length; i++) {
      var opts = lists[i].options;
      for (var j = 1; j < opts.length; j++) {
        var text = fold(opts[j].text + ' ' + (opts[j].parentNode.label || ''));
        var keep = opts[j].selected || words.every(function (w) { return text.indexOf(w) >= 0; });
        opts[j].hidden = !keep;
      }
    }
  }
  function init() {
    var filters = document.querySelectorAll('input[data-saring]');
    for (var f = 0; f < filters.length; f++) {
      (function (box) { box.addEventListener('input', function () { narrow(box); }); })(filters[f]);
    }
    var lf = document.querySelector('form.laporan');
    if (lf) { lf.addEventListener('change', function () { checklists(lf); }); checklists(lf); }
    var boxes = document.querySelectorAll('[data-neraca]');
    for (var i = 0; i < boxes.length; i++) {
      (function (box) {
        box.addEventListener('input', function () { balance(box); });
        balance(box);
      })(boxes[i]);
    }
    var tables = document.querySelectorAll('table.sortable');
    for (var j = 0; j < tables.length; j++) sortable(tables[j]);
    var forms = document.querySelectorAll('form[data-konfirmasi]');
    for (var k = 0; k < forms.length; k++) {
      forms[k].addEventListener('submit', function (e) {
        if (!window.confirm(this.getAttribute('data-konfirmasi'))) e.preventDefault();
      });
    }
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init); else init();
})();
