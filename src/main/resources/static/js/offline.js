// The task pages without a connection, and the session's end (issue 11, items 3 and 4).
// - Registers the service worker (/sw.js) for the roles whose task pages may be kept on the device
//   (#offline-config data-enabled); for any other role, removes it and whatever it kept.
// - Keeps one person's data on the device: a different user's drafts, unsent forms and kept pages are deleted when
//   someone else signs in, and everything is deleted at sign-out.
// - Shows the forms filled without a connection (the outbox, written by the task page's script), marked "chưa gửi",
//   and sends them when the connection returns; a task completed or moved meanwhile (404/409) is shown as a
//   conflict and kept, never sent over anything. One send of a form at a time from this page, each with the
//   form's Idempotency-Key: a send whose answer was lost, or one from another tab, is answered as the first was.
// - Warns a minute before the session would end, with "keep me signed in".
(function () {
  'use strict';
  var box = document.getElementById('offline-config');
  if (!box) {
    return;
  }
  var config = box.dataset;
  var user = config.user;
  var outboxKey = 'trean.outbox.' + user;
  var sentNow = [];
  var sending = {};
  var retry = null;

  function readOutbox() {
    try {
      return JSON.parse(localStorage.getItem(outboxKey) || '{}');
    } catch (e) {
      return {};
    }
  }

  function writeOutbox(outbox) {
    if (Object.keys(outbox).length) {
      localStorage.setItem(outboxKey, JSON.stringify(outbox));
    } else {
      localStorage.removeItem(outboxKey);
    }
  }

  function ourKeys(predicate) {
    var keys = [];
    for (var i = 0; i < localStorage.length; i++) {
      var key = localStorage.key(i);
      if (key && key.indexOf('trean.') === 0 && predicate(key)) {
        keys.push(key);
      }
    }
    return keys;
  }

  function forgetKeptPages() {
    if (!('caches' in window)) {
      return Promise.resolve();
    }
    return caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) { return name.indexOf('trean-') === 0; })
        .map(function (name) { return caches.delete(name); }));
    });
  }

  function removeServiceWorker() {
    if (!('serviceWorker' in navigator)) {
      return Promise.resolve();
    }
    return navigator.serviceWorker.getRegistrations().then(function (registrations) {
      return Promise.all(registrations.map(function (r) { return r.unregister(); }));
    });
  }

  // another person used this device before: nothing of theirs stays readable
  var maxAgeMs = Number(config.maxAge) * 1000;
  ourKeys(function (key) {
    if (key.indexOf('.' + user) < 0) {
      return true;
    }
    // a draft older than the kept pages may be is gone too (its task most likely ended long ago)
    if (key.indexOf('trean.draft.') === 0) {
      try {
        return Date.now() - JSON.parse(localStorage.getItem(key)).at > maxAgeMs;
      } catch (e) {
        return true;
      }
    }
    return false;
  }).forEach(function (key) { localStorage.removeItem(key); });

  if (config.enabled === 'true' && 'serviceWorker' in navigator) {
    // scoped to the task pages: no other page of the site ever goes through it
    navigator.serviceWorker.register(config.swUrl, { scope: config.tasksUrl }).catch(function () {});
  } else {
    forgetKeptPages().then(removeServiceWorker).catch(function () {});
  }

  // sign-out: the server also sends Clear-Site-Data, which browsers honour over https only
  Array.prototype.forEach.call(document.querySelectorAll('form[action$="/logout"]'), function (form) {
    form.addEventListener('submit', function (event) {
      if (form.dataset.cleared) {
        return;
      }
      event.preventDefault();
      // forms filled without a connection and not sent yet are lost at sign-out: the person decides
      var unsent = Object.keys(readOutbox()).length;
      if (unsent && !window.confirm((config.textSignOutUnsent || '').replace('{0}', unsent))) {
        return;
      }
      ourKeys(function () { return true; }).forEach(function (key) { localStorage.removeItem(key); });
      forgetKeptPages().then(removeServiceWorker).catch(function () {}).then(function () {
        form.dataset.cleared = 'true';
        form.submit();
      });
    });
  });

  // --- the outbox -------------------------------------------------------------------------------------------
  function panel() {
    var existing = document.getElementById('outbox');
    if (existing) {
      return existing;
    }
    var section = document.createElement('section');
    section.id = 'outbox';
    section.setAttribute('aria-live', 'polite');
    section.setAttribute('aria-label', config.textOutbox);
    var main = document.getElementById('main') || document.body;
    main.insertBefore(section, main.querySelector('h1') ? main.querySelector('h1').nextSibling : main.firstChild);
    return section;
  }

  function line(className, text, entry, discard) {
    var p = document.createElement('p');
    p.className = className;
    p.setAttribute('data-task', entry.taskId);
    p.setAttribute('data-state', entry.state);
    p.appendChild(document.createTextNode(text + ' '));
    var link = document.createElement('a');
    link.href = entry.page;
    link.textContent = entry.title;
    p.appendChild(link);
    if (discard) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'link';
      button.textContent = config.textDiscard;
      button.addEventListener('click', function () {
        var outbox = readOutbox();
        delete outbox[entry.taskId];
        writeOutbox(outbox);
        render();
      });
      p.appendChild(document.createTextNode(' '));
      p.appendChild(button);
    }
    return p;
  }

  function render() {
    var outbox = readOutbox();
    var section = panel();
    section.textContent = '';
    if (!navigator.onLine) {
      var off = document.createElement('p');
      off.className = 'msg bad';
      off.id = 'offline-now';
      off.textContent = config.textOffline;
      section.appendChild(off);
    }
    Object.keys(outbox).forEach(function (taskId) {
      var entry = outbox[taskId];
      if (entry.state === 'conflict') {
        section.appendChild(line('msg bad', config.textConflict, entry, true));
      } else if (entry.state === 'refused') {
        section.appendChild(line('msg bad', config.textRefused + (entry.problem ? ' ' + entry.problem : ''), entry, true));
      } else {
        section.appendChild(line('msg bad not-sent', config.textNotSent, entry, false));
        if (entry.expired) {
          var expired = document.createElement('p');
          expired.className = 'msg bad';
          expired.textContent = config.textExpired + ' ';
          var again = document.createElement('a');
          again.href = entry.page;
          again.textContent = config.textSignInAgain;
          expired.appendChild(again);
          section.appendChild(expired);
        }
      }
    });
    sentNow.forEach(function (entry) {
      section.appendChild(line('msg good sent', config.textSent, entry, false));
    });
    section.hidden = !section.childNodes.length;
  }

  function csrfHeaders() {
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json, application/problem+json',
      'Accept-Language': document.documentElement.lang };
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      headers[header.content] = token.content;
    }
    return headers;
  }

  function send(entry) {
    if (sending[entry.taskId]) {
      return sending[entry.taskId];
    }
    var headers = csrfHeaders();
    if (entry.key) {
      headers['Idempotency-Key'] = entry.key;
    }
    sending[entry.taskId] = fetch(entry.submitUrl, {
      method: 'POST', credentials: 'same-origin', headers: headers, body: JSON.stringify(entry.values)
    }).then(function (response) {
      var outbox = readOutbox();
      if (!outbox[entry.taskId]) {
        return;
      }
      if (response.ok) {
        delete outbox[entry.taskId];
        localStorage.removeItem('trean.draft.' + user + '.' + entry.taskId);
        entry.state = 'sent';
        sentNow.push(entry);
      } else if (response.status === 404 || response.status === 409) {
        outbox[entry.taskId].state = 'conflict';
      } else if (response.status === 401 || response.status === 403) {
        outbox[entry.taskId].expired = true;
      } else if (response.status === 400) {
        outbox[entry.taskId].state = 'refused';
        return response.json().catch(function () { return {}; }).then(function (problem) {
          outbox[entry.taskId].problem = [problem.title, problem.detail].filter(Boolean).join(': ');
          writeOutbox(outbox);
        });
      }
      writeOutbox(outbox);
    }).catch(function () { /* still no connection: kept for the next try */ }).then(function () {
      delete sending[entry.taskId];
    });
    return sending[entry.taskId];
  }

  function flush() {
    clearTimeout(retry);
    var outbox = readOutbox();
    var pending = Object.keys(outbox).map(function (id) { return outbox[id]; })
      .filter(function (entry) { return entry.state === 'pending' && !entry.expired; });
    if (!pending.length) {
      render();
      return;
    }
    if (!navigator.onLine) {
      render();
      retry = setTimeout(flush, 5000);
      return;
    }
    Promise.all(pending.map(send)).then(function () {
      render();
      var left = readOutbox();
      if (Object.keys(left).some(function (id) { return left[id].state === 'pending' && !left[id].expired; })) {
        retry = setTimeout(flush, 5000);
      }
    });
  }

  window.addEventListener('online', flush);
  window.addEventListener('offline', render);
  document.addEventListener('trean:outbox', flush);
  flush();

  // --- the session's end ------------------------------------------------------------------------------------
  var timeoutMs = Number(config.sessionTimeout) * 1000;
  var warnTimer = null;
  var warning = null;

  function hideWarning() {
    if (warning) {
      warning.remove();
      warning = null;
    }
  }

  function keepSignedIn() {
    fetch(config.keepAliveUrl, { method: 'POST', credentials: 'same-origin', headers: csrfHeaders() })
      .then(function (response) {
        if (response.ok) {
          return response.json().then(function (answer) {
            timeoutMs = answer.timeoutSeconds * 1000;
            touched();
          });
        }
        warning.firstChild.textContent = config.textExpired + ' ';
        return null;
      }).catch(function () {});
  }

  function warn() {
    hideWarning();
    warning = document.createElement('div');
    warning.id = 'session-warning';
    warning.className = 'msg bad';
    warning.setAttribute('role', 'alertdialog');
    warning.setAttribute('aria-label', config.textEnding);
    warning.appendChild(document.createTextNode(config.textEnding + ' '));
    var keep = document.createElement('button');
    keep.type = 'button';
    keep.className = 'primary';
    keep.id = 'session-keep';
    keep.textContent = config.textKeep;
    keep.addEventListener('click', keepSignedIn);
    warning.appendChild(keep);
    var main = document.getElementById('main') || document.body;
    main.insertBefore(warning, main.firstChild);
    keep.focus();
  }

  function touched() {
    hideWarning();
    clearTimeout(warnTimer);
    if (timeoutMs > 0) {
      warnTimer = setTimeout(warn, Math.max(timeoutMs - 60000, 0));
    }
  }

  document.addEventListener('trean:session-touched', touched);
  touched();
}());
