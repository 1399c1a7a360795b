// Renders the step's Camunda Form with form-js, submits it to the JSON API and shows the server's
// field errors under the fields they belong to. Everything the script needs comes from data-*
// attributes of #task-form, written by the server (templates/task.html).
import { Form } from '@bpmn-io/form-js-viewer';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import flatpickr from 'flatpickr';
import { Vietnamese } from 'flatpickr/dist/esm/l10n/vn.js';
import { keepDrafts, restoredValues } from './task-drafts.js';

const host = document.getElementById('task-form');
// form-js's own words (validation messages, "Select", "Add new") in the page's language; see build.mjs
globalThis.treAnFormTexts = JSON.parse(host.dataset.formTexts || '{}');
// form-js draws its date picker with flatpickr, in English unless told otherwise: month and day names
// follow the page's language (flatpickr's own Vietnamese), and weeks start on Monday as in Vietnam.
flatpickr.localize(document.documentElement.lang === 'vi' ? Vietnamese : { firstDayOfWeek: 1 });
// On a phone the case summary comes before the form: folded there, the form starts near the top.
const summary = document.getElementById('case-summary');
if (summary && window.matchMedia('(max-width: 899px)').matches) {
  summary.open = false;
}
const alertBox = document.getElementById('task-form-alert');
const submitButton = document.getElementById('task-form-submit');

function showAlert(text) {
  alertBox.textContent = text;
  alertBox.hidden = !text;
  if (text) {
    alertBox.focus();
  }
}

// The server names a field by its path in the submitted values: "riskLevel", or
// "measures[0].endDate" inside a dynamic list. form-js keeps errors by component id, then list index.
function componentErrors(schema, problems) {
  const errors = {};
  const unplaced = [];
  for (const problem of problems) {
    const match = /^(?:(\w+)\[(\d+)\]\.)?(\w+)$/.exec(problem.field || '');
    const component = match && findComponent(schema.components, match[1], match[3]);
    if (!component) {
      unplaced.push(problem.message);
    } else if (match[1]) {
      (errors[component.id] ||= {})[match[2]] = [problem.message];
    } else {
      errors[component.id] = [problem.message];
    }
  }
  return { errors, unplaced };
}

function findComponent(components, listPath, key, insideList = false) {
  for (const c of components || []) {
    if (c.type === 'dynamiclist') {
      const found = findComponent(c.components, listPath, key, c.path === listPath);
      if (found) {
        return found;
      }
    } else if (c.components) {
      const found = findComponent(c.components, listPath, key, insideList);
      if (found) {
        return found;
      }
    } else if (c.key === key && (insideList || !listPath)) {
      return c;
    }
  }
  return null;
}

async function start() {
  const schema = JSON.parse(host.dataset.schema);
  const form = new Form({ container: host });
  const restored = await restoredValues(host);
  await form.importSchema(schema, restored || {});
  const drafts = keepDrafts(form, host, restored);
  host.setAttribute('data-ready', 'true');

  submitButton.addEventListener('click', async () => {
    showAlert('');
    const { data, errors } = form.submit();
    if (Object.keys(errors).length) {
      showAlert(host.dataset.textCheckFields);
      return;
    }
    if (drafts.keptOffline(data, submissionKey())) {
      return;
    }
    submitButton.disabled = true;
    // one key per submission: if the answer is lost and the outbox sends these values again, the server answers
    // as it did the first time instead of "already completed"
    const key = submissionKey();
    try {
      const response = await fetch(host.dataset.submitUrl, {
        method: 'POST',
        credentials: 'same-origin',
        headers: {
          'Content-Type': 'application/json',
          'Accept': 'application/json, application/problem+json',
          'Accept-Language': document.documentElement.lang,
          'Idempotency-Key': key,
          ...csrfHeader()
        },
        body: JSON.stringify(data)
      });
      if (response.ok) {
        drafts.sent();
        window.location.assign(host.dataset.doneUrl);
        return;
      }
      const problem = await response.json().catch(() => ({}));
      if (response.status === 401) {
        drafts.sessionExpired();
        return;
      }
      const { errors: fieldErrors, unplaced } = componentErrors(schema, problem.errors || []);
      form._setState({ errors: fieldErrors });
      showAlert([[problem.title, problem.detail].filter(Boolean).join(': '), ...unplaced].join(' '));
      const firstInvalid = host.querySelector('[aria-invalid="true"]');
      if (firstInvalid) {
        firstInvalid.focus();
      }
    } catch (networkError) {
      drafts.queue(data, key);
    } finally {
      submitButton.disabled = false;
    }
  });
  submitButton.disabled = false;
}

start().catch(() => showAlert(host.dataset.textNetwork));

/** A random Idempotency-Key (crypto.getRandomValues works on plain http too, unlike crypto.randomUUID). */
function submissionKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return 'form-' + Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

/** The session's CSRF token from the page's meta tags: the API refuses a state-changing call without it. */
function csrfHeader() {
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  return token && header ? { [header.content]: token.content } : {};
}
