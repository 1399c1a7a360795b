// The report form's commune picker (issue 11 item 7): a search box over the server-rendered list that ignores tone
// marks and letter case ("ba dinh" finds "Ba Đình"), also by province. The <select> stays the form's field and works
// on its own without this script; here it keeps only the communes that match, and the first matches are offered as
// a list to tap, or to walk with the arrow keys (the WAI-ARIA combobox pattern: the active option is announced
// through aria-activedescendant, Enter chooses it). Nothing leaves the page.
(function () {
  var select = document.querySelector('select.commune-picker');
  if (!select) { return; }
  var SHOWN = 20;
  function fold(text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase()
      .replace(/\s+/g, ' ').trim();
  }
  var options = Array.prototype.slice.call(select.querySelectorAll('option[value]:not([value=""])')).map(function (o) {
    return { option: o, key: fold(o.textContent + ' ' + (o.getAttribute('data-province') || '')) };
  });
  var search = document.createElement('input');
  search.type = 'search';
  search.id = select.id + '-search';
  search.autocomplete = 'off';
  search.setAttribute('role', 'combobox');
  search.setAttribute('aria-autocomplete', 'list');
  search.setAttribute('aria-expanded', 'false');
  search.setAttribute('aria-controls', select.id + '-matches');
  search.setAttribute('aria-label', select.getAttribute('data-search-label'));
  search.placeholder = select.getAttribute('data-search-label');
  var list = document.createElement('ul');
  list.id = select.id + '-matches';
  list.className = 'commune-matches';
  list.setAttribute('role', 'listbox');
  list.hidden = true;
  select.parentNode.insertBefore(search, select);
  select.parentNode.insertBefore(list, select);

  function choose(entry) {
    select.value = entry.option.value;
    search.value = entry.option.textContent;
    close();
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }
  var active = -1;
  function close() {
    list.hidden = true;
    search.setAttribute('aria-expanded', 'false');
    activate(-1);
  }
  function activate(index) {
    var items = list.querySelectorAll('[role=option]');
    Array.prototype.forEach.call(items, function (item, i) {
      item.setAttribute('aria-selected', i === index ? 'true' : 'false');
      item.classList.toggle('active', i === index);
    });
    active = index >= 0 && index < items.length ? index : -1;
    if (active >= 0) {
      search.setAttribute('aria-activedescendant', items[active].id);
      items[active].scrollIntoView({ block: 'nearest' });
    } else {
      search.removeAttribute('aria-activedescendant');
    }
  }
  function filter() {
    var words = fold(search.value).split(' ').filter(Boolean);
    var matches = [];
    options.forEach(function (entry) {
      var match = words.every(function (w) { return entry.key.indexOf(w) >= 0; });
      entry.option.hidden = !match;
      if (match) { matches.push(entry); }
    });
    Array.prototype.forEach.call(select.querySelectorAll('optgroup'), function (g) {
      g.hidden = !g.querySelector('option:not([hidden])');
    });
    list.textContent = '';
    active = -1;
    search.removeAttribute('aria-activedescendant');
    if (words.length === 0) { close(); return; }
    matches.slice(0, SHOWN).forEach(function (entry, i) {
      var item = document.createElement('li');
      item.setAttribute('role', 'option');
      item.id = list.id + '-' + i;
      item.textContent = entry.option.textContent;
      var province = entry.option.getAttribute('data-province');
      if (province) {
        var small = document.createElement('span');
        small.className = 'meta';
        small.textContent = ' · ' + province;
        item.appendChild(small);
      }
      item.addEventListener('mousedown', function (e) { e.preventDefault(); });
      item.addEventListener('click', function () { choose(entry); });
      list.appendChild(item);
    });
    if (matches.length === 0) {
      var none = document.createElement('li');
      none.className = 'none';
      none.textContent = select.getAttribute('data-none');
      list.appendChild(none);
    }
    list.hidden = false;
    search.setAttribute('aria-expanded', 'true');
    if (matches.length === 1) { select.value = matches[0].option.value; }
  }
  search.addEventListener('input', filter);
  search.addEventListener('keydown', function (e) {
    var items = list.querySelectorAll('[role=option]');
    if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && items.length) {
      e.preventDefault();
      if (list.hidden) { filter(); }
      var step = e.key === 'ArrowDown' ? 1 : -1;
      activate(active < 0 ? (step > 0 ? 0 : items.length - 1) : (active + step + items.length) % items.length);
      return;
    }
    if (e.key === 'Enter' && items.length && !list.hidden) {
      e.preventDefault();
      items[active >= 0 ? active : 0].click();
    }
    if (e.key === 'Escape') { close(); }
  });
  search.addEventListener('blur', close);
})();
