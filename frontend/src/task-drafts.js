// Never lose typed work (issue 11, items 3 and 4). What the person types into the task's form is kept on the device
// at every change (localStorage, keyed by user and task) and on the server when they pause (PUT …/draft), and is
// given back when they return: after a reload, on another device, or after signing in again when the session
// expired. A form submitted without a connection goes to the device's outbox (shown and sent by /js/offline.js).
// The words and settings come from #offline-config (templates/offline.html); sign-out clears it all.

const SERVER_PAUSE_MS = 1500;

const config = () => (document.getElementById('offline-config') || { dataset: {} }).dataset;
const taskIdOf = submitUrl => /\/api\/tasks\/([^/]+)\/complete$/.exec(submitUrl)[1];
const draftKey = (user, taskId) => `trean.draft.${user}.${taskId}`;
const outboxKey = user => `trean.outbox.${user}`;

function readJson(key) {
  try {
    return JSON.parse(localStorage.getItem(key) || 'null');
  } catch (e) {
    return null;
  }
}

function csrfHeader() {
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  return token && header ? { [header.content]: token.content } : {};
}

/** The values to open the form with: the newer of the device's draft and the server's, or none. */
export async function restoredValues(host) {
  const user = config().user;
  if (!user) {
    return null;
  }
  const taskId = taskIdOf(host.dataset.submitUrl);
  const local = readJson(draftKey(user, taskId));
  let server = null;
  if (navigator.onLine) {
    try {
      const response = await fetch(host.dataset.submitUrl.replace(/complete$/, 'draft'),
        { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      server = response.status === 200 ? await response.json() : null;
    } catch (e) {
      server = null;
    }
  }
  const serverAt = server ? Date.parse(server.updatedAt) : 0;
  if (local && local.at >= serverAt) {
    return local.values;
  }
  return server ? server.values : null;
}

/** Keeps the form's values as the person types; answers what the submit button does in the cases it cannot send. */
export function keepDrafts(form, host, restored) {
  const settings = config();
  const user = settings.user;
  const taskId = taskIdOf(host.dataset.submitUrl);
  const draftUrl = host.dataset.submitUrl.replace(/complete$/, 'draft');
  const alertBox = document.getElementById('task-form-alert');
  let pause = null;
  let latest = null;

  if (restored && settings.textRestored) {
    const note = document.createElement('p');
    note.className = 'msg good';
    note.id = 'draft-restored';
    note.setAttribute('role', 'status');
    note.textContent = settings.textRestored;
    host.before(note);
  }

  const saveOnServer = () => {
    if (!latest || !navigator.onLine) {
      return;
    }
    fetch(draftUrl, {
      method: 'PUT',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...csrfHeader() },
      body: JSON.stringify(latest)
    }).then(response => {
      if (response.ok) {
        document.dispatchEvent(new Event('trean:session-touched'));
      }
    }).catch(() => {});
  };

  if (user) {
    form.on('changed', event => {
      latest = event.data;
      localStorage.setItem(draftKey(user, taskId), JSON.stringify({ values: latest, at: Date.now() }));
      clearTimeout(pause);
      pause = setTimeout(saveOnServer, SERVER_PAUSE_MS);
    });
  }

  return {
    /** Without a connection the values go to the device's outbox; true when they did. */
    keptOffline(values, key) {
      if (navigator.onLine || !user) {
        return false;
      }
      this.queue(values, key);
      return true;
    },
    /** Into the outbox with the submission's Idempotency-Key, which every later send of it carries. */
    queue(values, key) {
      if (!user) {
        alertBox.textContent = host.dataset.textNetwork;
        alertBox.hidden = false;
        return;
      }
      const outbox = readJson(outboxKey(user)) || {};
      const title = document.querySelector('main h1');
      outbox[taskId] = {
        taskId, values, key, state: 'pending', at: Date.now(), page: location.pathname,
        submitUrl: host.dataset.submitUrl, title: title ? title.textContent.trim() : taskId
      };
      localStorage.setItem(outboxKey(user), JSON.stringify(outbox));
      clearTimeout(pause);
      document.dispatchEvent(new Event('trean:outbox'));
    },
    /** Sent: the draft is no longer needed (the server deletes its copy when the task ends). */
    sent() {
      clearTimeout(pause);
      if (user) {
        localStorage.removeItem(draftKey(user, taskId));
        const outbox = readJson(outboxKey(user)) || {};
        delete outbox[taskId];
        localStorage.setItem(outboxKey(user), JSON.stringify(outbox));
      }
    },
    /** The session ended: say so, and lead to the sign-in that brings the person back to this form, values kept. */
    sessionExpired() {
      alertBox.textContent = `${settings.textExpired || ''} `;
      const again = document.createElement('a');
      again.id = 'sign-in-again';
      // the sign-in returns to this very form (not to whatever the page requested in the background meanwhile)
      again.href = `/login?next=${encodeURIComponent(location.pathname + location.search)}`;
      again.textContent = settings.textSignInAgain || '';
      alertBox.append(again);
      alertBox.hidden = false;
      alertBox.focus();
    }
  };
}
