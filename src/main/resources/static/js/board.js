// Keeps the overdue board current without reloading: every 30 s it fetches /api/board (the page's own filters
// and pages, from the address) and redraws the three tables, the counts and the pager; the column links re-sort
// through the same call, from the first page. Names come from main[data-names].
(function () {
  var main = document.getElementById('main');
  var names = JSON.parse(main.getAttribute('data-names'));
  var api = main.getAttribute('data-api');
  var lang = document.documentElement.lang;
  var sort = new URLSearchParams(location.search).get('sort') || 'DUE';
  var perCommune = !!document.querySelector('#overdue [data-sort=COMMUNE]');

  function fill(template, values) {
    return template.replace(/\{(\d)\}/g, function (m, i) { return values[i]; });
  }

  function duration(seconds) {
    var t = names.time, d = Math.floor(seconds / 86400), h = Math.floor(seconds / 3600) % 24, m = Math.floor(seconds / 60) % 60;
    if (d > 0) { return h > 0 ? fill(t['days-hours'], [d, h]) : fill(t.days, [d]); }
    if (h > 0) { return m > 0 ? fill(t['hours-minutes'], [h, m]) : fill(t.hours, [h]); }
    return fill(t.minutes, [Math.max(m, 0)]);
  }

  var dateTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit',
    year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
  function when(iso) { return dateTime.format(new Date(iso)).replace(',', ''); }

  function labels(table) {
    return Array.prototype.map.call(document.querySelectorAll('#' + table + ' thead th'), function (th) {
      return th.textContent.trim();
    });
  }

  function cell(row, label, content, className) {
    var td = row.insertCell();
    td.setAttribute('data-label', label);
    if (className) { td.className = className; }
    if (typeof content === 'string') { td.textContent = content; } else { td.appendChild(content); }
    return td;
  }

  function caseLink(id, number, emergency) {
    var a = document.createElement('a');
    a.className = 'case-no';
    a.href = '/cases/' + id;
    a.textContent = number;
    if (!emergency) { return a; }
    var both = document.createDocumentFragment();
    both.appendChild(a);
    both.appendChild(document.createTextNode(' '));
    both.appendChild(element('span', 'badge urgent', names.emergency));
    return both;
  }

  function agencyNames(ids) {
    return (ids || []).map(function (a) { return names.agencies[a] || a; }).join(', ');
  }

  function element(tag, className, text, attributes) {
    var e = document.createElement(tag);
    e.className = className;
    e.textContent = text;
    for (var k in attributes || {}) { e.setAttribute(k, attributes[k]); }
    return e;
  }

  function redraw(table, rows, draw, emptyId, countId, count) {
    var body = document.querySelector('#' + table + ' tbody');
    var heads = labels(table);
    body.textContent = '';
    rows.forEach(function (r) { draw(body.insertRow(), r, heads); });
    if (emptyId) { document.getElementById(emptyId).hidden = rows.length > 0; }
    if (countId) { document.getElementById(countId).textContent = count; }
  }

  function pageLink(page) {
    var url = new URL(location.href);
    if (page > 0) { url.searchParams.set('page', page); } else { url.searchParams.delete('page'); }
    return url.pathname + url.search;
  }

  function showPager(board) {
    var pager = document.getElementById('overdue-pager');
    var pages = Math.max(1, Math.ceil(board.counts.overdue / board.size));
    pager.hidden = pages < 2;
    document.getElementById('overdue-page').textContent =
      fill(pager.getAttribute('data-template'), [board.page + 1, pages, board.counts.overdue]);
    var prev = document.getElementById('overdue-prev'), next = document.getElementById('overdue-next');
    prev.hidden = board.page === 0;
    prev.href = pageLink(board.page - 1);
    next.hidden = board.page + 1 >= pages;
    next.href = pageLink(board.page + 1);
  }

  function render(board) {
    redraw('overdue', board.overdue, function (tr, r, h) {
      var i = 0;
      cell(tr, h[i++], caseLink(r.caseId, r.caseNumber, r.emergency));
      if (perCommune) { cell(tr, h[i++], names.communes[r.communeCode] || r.communeCode); }
      cell(tr, h[i++], names.steps[r.stepKey] || r.stepName);
      cell(tr, h[i++], agencyNames(r.agencyIds));
      cell(tr, h[i++], element('time', '', when(r.dueAt), { datetime: r.dueAt }));
      cell(tr, h[i++], element('span', 'badge late', duration(r.lateSeconds)), 'num');
    }, 'overdue-empty', 'overdue-count', board.counts.overdue);
    showPager(board);
    redraw('window', board.inTwelveHourWindow, function (tr, w, h) {
      cell(tr, h[0], caseLink(w.caseId, w.caseNumber, w.emergency));
      cell(tr, h[1], names.communes[w.communeCode] || w.communeCode);
      cell(tr, h[2], agencyNames(w.agencyIds));
      cell(tr, h[3], names.steps[w.stepKey] || w.stepName);
      cell(tr, h[4], element('time', '', when(w.windowEndsAt), { datetime: w.windowEndsAt }));
      cell(tr, h[5], element('time', 'countdown badge window', '', { 'data-countdown': w.windowEndsAt }), 'num');
    }, 'window-empty', 'window-count', board.counts.inTwelveHourWindow);
    redraw('by-step', board.openByStep, function (tr, s, h) {
      cell(tr, h[0], names.steps[s.stepKey] || s.stepName);
      cell(tr, h[1], String(s.cases), 'num');
      cell(tr, h[2], String(s.tasks), 'num');
    });
    var refreshed = document.getElementById('refreshed');
    refreshed.textContent = fill(refreshed.getAttribute('data-template'), [when(board.now)]);
    if (window.treAnCountdown) {
      window.treAnCountdown.setServerNow(board.now);
      window.treAnCountdown.tick();
    }
  }

  function showSort() {
    document.querySelectorAll('#overdue [data-sort]').forEach(function (a) {
      var th = a.parentNode;
      if (a.getAttribute('data-sort') === sort) {
        th.setAttribute('aria-sort', sort === 'LATE' ? 'descending' : 'ascending');
      } else {
        th.removeAttribute('aria-sort');
      }
    });
    ['csv', 'xlsx'].forEach(function (kind) {
      var link = document.getElementById('export-' + kind);
      link.href = link.href.replace(/sort=[A-Z]+/, 'sort=' + sort);
    });
  }

  function refresh() {
    var query = new URLSearchParams(location.search);
    query.set('sort', sort);
    return fetch(api + '?' + query.toString(), {
      credentials: 'same-origin',
      headers: { 'Accept': 'application/json', 'Accept-Language': lang }
    }).then(function (response) {
      if (response.status === 401) { location.reload(); return; }
      if (response.ok) { return response.json().then(render); }
    }).catch(function () { /* a weak connection: keep what is shown, try again at the next tick */ });
  }

  document.querySelectorAll('#overdue [data-sort]').forEach(function (a) {
    a.addEventListener('click', function (event) {
      event.preventDefault();
      sort = a.getAttribute('data-sort');
      var url = new URL(location.href);
      url.searchParams.set('sort', sort);
      url.searchParams.delete('page');
      history.replaceState(null, '', url);
      showSort();
      refresh();
    });
  });

  setInterval(function () { if (!document.hidden) { refresh(); } }, 30000);
})();
