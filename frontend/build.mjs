// Bundles the task page's script (form-js viewer) into the application's static resources.
// Run by Maven (exec-maven-plugin) in generate-resources; `npm run build` does the same by hand.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

// Maven installs the packages when node_modules is missing (the install-frontend profile). After a
// pull that changed package-lock.json, the installed packages are stale: reinstall them before bundling.
const lockVersions = file => Object.entries(JSON.parse(readFileSync(file, 'utf8')).packages ?? {})
  .filter(([path, p]) => path.startsWith('node_modules/') && !p.optional)
  .map(([path, p]) => `${path}@${p.version}`).sort().join('\n');
const installed = 'node_modules/.package-lock.json';
if (!existsSync(installed) || lockVersions('package-lock.json') !== lockVersions(installed)) {
  console.log('package-lock.json changed since the last install: npm ci');
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
}
const esbuild = await import('esbuild');

const outdir = fileURLToPath(new URL('../target/classes/static/js/', import.meta.url));

// form-js imports `feelers` for templating only; that module's single file also holds a code editor
// (CodeMirror, a FEEL linter, markdown) which the viewer never opens. Replacing the editor's modules
// with inert stand-ins halves the bundle, which matters on a phone over a weak connection. feelers
// builds its linter when it loads, so each name it imports must exist and be callable.
const editorOnlyModules = /^(@codemirror\/.*|@lezer\/markdown|@bpmn-io\/feel-lint|@bpmn-io\/cm-theme)$/;
const editorNames = ['closeBrackets', 'defaultKeymap', 'foldNodeProp', 'LRLanguage', 'foldInside', 'LanguageSupport',
  'syntaxTree', 'bracketMatching', 'indentOnInput', 'linter', 'setDiagnosticsEffect', 'EditorState', 'EditorView',
  'tooltips', 'keymap', 'lineNumbers', 'parser', 'cmFeelLinter', 'darkTheme', 'lightTheme'];
const inert = `const inert = new Proxy(function () {}, {
  get: (target, key) => (typeof key === 'symbol' || key === 'then') ? undefined : inert,
  apply: () => inert,
  construct: () => inert
});
export default inert;
${editorNames.map(name => `export const ${name} = inert;`).join('\n')}`;
// form-js-viewer's own `feelin` (3.x) and feelers' `@bpmn-io/feelin` (6.x) are two FEEL interpreters with two
// parsers; the viewer's is served by src/feelin-once.js over the one feelers needs (about 100 KB less).
const oneFeelInterpreter = {
  name: 'one-feel-interpreter',
  setup(build) {
    build.onResolve({ filter: /^feelin$/ }, () => ({ path: fileURLToPath(new URL('src/feelin-once.js', import.meta.url)) }));
  }
};
const withoutFeelersEditor = {
  name: 'without-feelers-editor',
  setup(build) {
    build.onResolve({ filter: editorOnlyModules }, args => ({ path: args.path, namespace: 'editor-only' }));
    build.onLoad({ filter: /.*/, namespace: 'editor-only' }, () => ({ contents: inert, loader: 'js' }));
  }
};

// form-js 1.10 writes a few words of its own in English. The task page speaks Vietnamese or English,
// so those words are looked up in the page's texts (window.treAnFormTexts, from the message bundles)
// with form-js's English as the fallback. A replacement that no longer matches fails the build, so an
// upgrade of form-js cannot silently bring the English back.
const texts = [
  ["`Field must match pattern ${validation.pattern}.`", "treAnText('pattern', [validation.pattern], `Field must match pattern ${validation.pattern}.`)"],
  ["'Field is required.'", "treAnText('required', [], 'Field is required.')"],
  ["`Field must have minimum value of ${validation.min}.`", "treAnText('min', [validation.min], `Field must have minimum value of ${validation.min}.`)"],
  ["`Field must have maximum value of ${validation.max}.`", "treAnText('max', [validation.max], `Field must have maximum value of ${validation.max}.`)"],
  ["`Field must have minimum length of ${validation.minLength}.`", "treAnText('min-length', [validation.minLength], `Field must have minimum length of ${validation.minLength}.`)"],
  ["`Field must have maximum length of ${validation.maxLength}.`", "treAnText('max-length', [validation.maxLength], `Field must have maximum length of ${validation.maxLength}.`)"],
  ["'Field must be a valid  international phone number. (e.g. +4930664040900)'", "treAnText('phone', [], 'Field must be a valid international phone number.')"],
  ["'Field must be a valid email.'", "treAnText('email', [], 'Field must be a valid email.')"],
  ["children: valueLabel || 'Select'", "children: valueLabel || treAnText('select', [], 'Select')"],
  ["placeholder: 'Search',", "placeholder: treAnText('search', [], 'Search'),"],
  ["placeholder: disabled || readonly ? undefined : 'Search',", "placeholder: disabled || readonly ? undefined : treAnText('search', [], 'Search'),"],
  ["\" \", 'Add new']", "\" \", treAnText('add-new', [], 'Add new')]"],
  // form-js reads and shows dates in the browser's locale order (month first on an English browser): a
  // case worker in Vietnam types day first whatever the browser says, so the date picker takes and shows
  // dd/mm/yyyy. form-js still stores ISO yyyy-mm-dd (serializeDate), which is what the server receives.
  ["dateFormat: getLocaleDateFlatpickrConfig(),", "dateFormat: 'd/m/Y',"],
  ["placeholder: getLocaleReadableDateFormat(),", "placeholder: treAnText('date-format', [], 'dd/mm/yyyy'),"]
];
// form-js 1.10 draws a radio group or a checklist as a <div> whose question is a <label> tied to no
// input: a screen reader announces each option alone. Drawn as a <fieldset> whose <legend> is the
// question, the options are announced as the answers of one question (WCAG 1.3.1).
const group = (type, classes) => [
  `return jsxs("div", {\n    class: ${classes}(${type}, {\n      errors,\n      disabled,\n      readonly\n    })${classes === 'classNames(formFieldClasses' ? ')' : ''},\n    ref: outerDivRef,\n    children: [jsx(Label, {\n      label: label,`,
  `return jsxs("fieldset", {\n    class: ${classes}(${type}, {\n      errors,\n      disabled,\n      readonly\n    })${classes === 'classNames(formFieldClasses' ? ')' : ''},\n    ref: outerDivRef,\n    children: [jsx(Label, {\n      as: 'legend',\n      label: label,`
];
const groups = [
  group('type$a', 'formFieldClasses'),
  group('type$f', 'classNames(formFieldClasses'),
  ["return jsxs(\"label\", {\n    id: id,\n    for: htmlFor,\n    class: classNames('fjs-form-field-label', {",
    "return jsxs(props.as || \"label\", {\n    id: id,\n    for: htmlFor,\n    class: classNames('fjs-form-field-label', {"]
];
const lookup = `const treAnText = (key, args, fallback) => {
  const text = (globalThis.treAnFormTexts || {})[key];
  return text ? text.replace(/\\{(\\d)\\}/g, (m, i) => args[i]) : fallback;
};
`;
const inPageLanguage = {
  name: 'form-js-in-page-language',
  setup(build) {
    build.onLoad({ filter: /@bpmn-io[\\/]form-js-viewer[\\/]dist[\\/]index\.es\.js$/ }, async args => {
      let source = await readFile(args.path, 'utf8');
      for (const [english, translated] of [...texts, ...groups]) {
        if (!source.includes(english)) {
          throw new Error(`form-js no longer contains ${english}: update frontend/build.mjs`);
        }
        source = source.split(english).join(translated);
      }
      return { contents: lookup + source, loader: 'js' };
    });
  }
};

await esbuild.build({
  entryPoints: ['src/task-form.js'],
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  outdir,
  // the viewer imports two lodash functions from the CommonJS build, which cannot be tree-shaken
  alias: { lodash: 'lodash-es' },
  plugins: [oneFeelInterpreter, withoutFeelersEditor, inPageLanguage],
  legalComments: 'linked',
  logLevel: 'warning'
});

// The process owners' model editor: the BPMN, DMN and form modelers with their styles and fonts. Its
// own entry, loaded by /models/edit/{resource} only, so the caseworkers' pages stay light. The form
// editor needs the FEEL editor the task page's bundle leaves out, so none of the plugins above apply.
await esbuild.build({
  entryPoints: ['src/models.js'],
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2019'],
  outdir,
  alias: { lodash: 'lodash-es' },
  loader: { '.woff': 'file', '.woff2': 'file', '.eot': 'file', '.ttf': 'file', '.svg': 'file' },
  assetNames: 'models-assets/[name]-[hash]',
  legalComments: 'linked',
  logLevel: 'warning'
});
