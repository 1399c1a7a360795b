// The process owners' model editor (/models/edit/{resource}): the Camunda 7 BPMN modeler with its
// properties panel, the DMN modeler, or the form-js editor, by the file's kind. A separate bundle from
// the task page's, so that caseworkers on a phone never download an editor.
import BpmnModeler from 'camunda-bpmn-js/lib/camunda-platform/Modeler';
import DmnModeler from 'dmn-js/lib/Modeler';
import { FormEditor } from '@bpmn-io/form-js-editor';
import { vietnameseModule } from './modeler-vi.js';

import 'camunda-bpmn-js/dist/assets/camunda-platform-modeler.css';
import 'dmn-js/dist/assets/diagram-js.css';
import 'dmn-js/dist/assets/dmn-js-shared.css';
import 'dmn-js/dist/assets/dmn-js-drd.css';
import 'dmn-js/dist/assets/dmn-js-decision-table.css';
import 'dmn-js/dist/assets/dmn-js-decision-table-controls.css';
import 'dmn-js/dist/assets/dmn-js-literal-expression.css';
import 'dmn-js/dist/assets/dmn-js-boxed-expression.css';
import 'dmn-js/dist/assets/dmn-js-boxed-expression-controls.css';
import 'dmn-js/dist/assets/dmn-font/css/dmn-embedded.css';
import '@bpmn-io/form-js-viewer/dist/assets/form-js-base.css';
import '@bpmn-io/form-js-editor/dist/assets/form-js-editor-base.css';
import '@bpmn-io/form-js-editor/dist/assets/properties-panel.css';
import '@bpmn-io/form-js-editor/dist/assets/dragula.css';

// The schema the engine's Tasklist (Camunda 7.24) renders: the editor is pinned to form-js 1.10.1,
// which writes it; a form saved with any other version is refused here and again by the server.
const FORM_SCHEMA_VERSION = 16;

const host = document.getElementById('editor');
const texts = JSON.parse(host.dataset.texts);
const resource = host.dataset.resource;
const api = host.dataset.api;
const kind = resource.endsWith('.bpmn') ? 'bpmn' : resource.endsWith('.dmn') ? 'dmn' : 'form';

const status = document.getElementById('editor-status');
const changesList = document.getElementById('changes');
const findingsList = document.getElementById('findings');

function say(text, isError) {
  status.textContent = text;
  status.classList.toggle('error', !!isError);
}

function fill(template, args) {
  return template.replace(/\{(\d)\}/g, (m, i) => args[i] == null ? '' : args[i]);
}

function list(target, items) {
  target.replaceChildren(...items.map(item => {
    const li = document.createElement('li');
    if (item.elementId) {
      li.dataset.element = item.elementId;
    }
    if (item.kind) {
      li.dataset.kind = item.kind;
    }
    li.textContent = item.text;
    return li;
  }));
}

async function call(method, path, body) {
  const response = await fetch(api + path, {
    method,
    credentials: 'same-origin',
    headers: {
      'Content-Type': 'application/json',
      'Accept': 'application/json, application/problem+json',
      'Accept-Language': document.documentElement.lang,
      ...csrfHeader()
    },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  const json = await response.json().catch(() => null);
  return { ok: response.ok, status: response.status, json };
}

function problemText(problem) {
  if (!problem) {
    return texts.failed;
  }
  const fields = (problem.errors || []).map(e => e.message).filter(Boolean);
  return [[problem.title, problem.detail].filter(Boolean).join(': '), ...fields].join(' ');
}

function showFindings(findings) {
  list(findingsList, findings.map(f => ({ elementId: f.elementId,
    text: (f.elementId ? f.resource + ' · ' + f.elementId + ': ' : f.resource + ': ') + (f.message || f.code) })));
}

let editor;

// the modelers' palettes, menus and properties panels in the page's language (English is their own)
const languageModules = document.documentElement.lang === 'vi' ? [vietnameseModule] : [];
const deployStatus = document.getElementById('deploy-status');

/** Deploying answers next to its button (and in the page's status line, for those who look there). */
function sayAtDeploy(text, isError) {
  say(text, isError);
  deployStatus.textContent = text;
  deployStatus.classList.toggle('error', !!isError);
}

/**
 * The whole diagram fitted to the part of the canvas the palette leaves free: the palette floats over the canvas's
 * left side, and a step under it could be neither seen nor clicked. On a narrow screen, simply fitted.
 */
function fitBesidePalette(diagram, container) {
  diagram.zoom('fit-viewport');
  const palette = container.querySelector('.djs-palette');
  const { inner, outer } = diagram.viewbox();
  if (!palette || !inner.width || !inner.height) {
    return;
  }
  const left = palette.getBoundingClientRect().right - container.getBoundingClientRect().left + 16;
  if (left <= 0 || left >= outer.width / 2) {
    return;
  }
  const scale = Math.min(1, (outer.width - left - 16) / inner.width, (outer.height - 32) / inner.height);
  diagram.viewbox({ x: inner.x - left / scale, y: inner.y - (outer.height / scale - inner.height) / 2,
    width: outer.width / scale, height: outer.height / scale });
}

async function open(content) {
  const canvas = document.getElementById('canvas');
  if (kind === 'bpmn') {
    editor = new BpmnModeler({ container: canvas, propertiesPanel: { parent: '#properties' },
      additionalModules: languageModules });
    await editor.importXML(content);
    fitBesidePalette(editor.get('canvas'), canvas);
  } else if (kind === 'dmn') {
    editor = new DmnModeler({ container: canvas, common: { additionalModules: languageModules } });
    await editor.importXML(content);
    // the requirements diagram fitted to the screen; a decision table opens as it is
    const active = editor.getActiveView();
    if (active && active.type === 'drd') {
      editor.getActiveViewer().get('canvas').zoom('fit-viewport');
    }
  } else {
    editor = new FormEditor({ container: canvas, exporter: { name: 'Trẻ An', version: '1' },
      additionalModules: languageModules });
    await editor.importSchema(JSON.parse(content));
  }
}

async function content() {
  if (kind === 'form') {
    const schema = editor.saveSchema();
    if (schema.schemaVersion !== FORM_SCHEMA_VERSION) {
      throw new Error(fill(texts.schemaVersion, [FORM_SCHEMA_VERSION, schema.schemaVersion]));
    }
    return JSON.stringify(schema, null, 2);
  }
  const { xml } = await editor.saveXML({ format: true });
  return xml;
}

async function saveDraft() {
  let text;
  try {
    text = await content();
  } catch (e) {
    say(e.message, true);
    return false;
  }
  const reply = await call('PUT', '/drafts/' + encodeURIComponent(resource), { content: text });
  if (!reply.ok) {
    say(problemText(reply.json), true);
    return false;
  }
  host.dataset.saved = reply.json.savedAt;
  say(texts.saved);
  return true;
}

async function showChanges() {
  if (!await saveDraft()) {
    return;
  }
  const reply = await call('GET', '/drafts/' + encodeURIComponent(resource) + '/changes');
  if (!reply.ok) {
    say(problemText(reply.json), true);
    if (reply.json && reply.json.findings) {
      showFindings(reply.json.findings);
    }
    return;
  }
  list(changesList, reply.json.map(c => ({ elementId: c.elementId, kind: c.kind,
    text: fill(texts['change.' + c.kind] || c.kind, [c.elementName, c.before, c.after, c.elementId]) })));
  if (!reply.json.length) {
    say(texts.noChanges);
  }
}

async function validate() {
  if (!await saveDraft()) {
    return;
  }
  const reply = await call('POST', '/drafts/validate', { resources: [resource] });
  if (!reply.ok) {
    say(problemText(reply.json), true);
    return;
  }
  showFindings(reply.json);
  say(reply.json.length ? texts.findings : texts.valid, reply.json.length > 0);
}

async function deploy(event) {
  event.preventDefault();
  const note = document.getElementById('deploy-note').value;
  const button = document.getElementById('deploy');
  button.disabled = true;
  sayAtDeploy(texts.deploying);
  try {
    if (!await saveDraft()) {
      sayAtDeploy(status.textContent, true);
      return;
    }
    const reply = await call('POST', '/drafts/deployments', { resources: [resource], note });
    if (!reply.ok) {
      sayAtDeploy(problemText(reply.json), true);
      showFindings((reply.json && reply.json.findings) || []);
      return;
    }
    findingsList.replaceChildren();
    sayAtDeploy(fill(texts.deployed, [reply.json.deploymentId]));
    host.dataset.deployed = reply.json.deploymentId;
  } finally {
    button.disabled = false;
  }
}

async function start() {
  const reply = await call('GET', '/drafts/' + encodeURIComponent(resource));
  if (!reply.ok) {
    say(problemText(reply.json), true);
    return;
  }
  await open(reply.json.content);
  if (reply.json.draft) {
    say(texts.draftLoaded);
  }
  // the browser tests (and anyone debugging) reach the modeler's own API through this
  window.treAnEditor = editor;
  document.getElementById('save-draft').addEventListener('click', saveDraft);
  document.getElementById('show-changes').addEventListener('click', showChanges);
  document.getElementById('validate').addEventListener('click', validate);
  document.getElementById('deploy-form').addEventListener('submit', deploy);
  host.setAttribute('data-ready', 'true');
}

start().catch(e => say(texts.failed + ' ' + e.message, true));

/** The session's CSRF token from the page's meta tags: the API refuses a state-changing call without it. */
function csrfHeader() {
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  return token && header ? { [header.content]: token.content } : {};
}
