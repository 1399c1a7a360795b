// Bundles the task page's script (form-js viewer) into the application's static resources.
// Run by Maven (exec-maven-plugin) in generate-resources; `npm run build` does the same by hand.
import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';

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
const withoutFeelersEditor = {
  name: 'without-feelers-editor',
  setup(build) {
    build.onResolve({ filter: editorOnlyModules }, args => ({ path: args.path, namespace: 'editor-only' }));
    build.onLoad({ filter: /.*/, namespace: 'editor-only' }, () => ({ contents: inert, loader: 'js' }));
  }
};

await esbuild.build({
  entryPoints: ['src/task-form.js'],
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2019'],
  outdir,
  // the viewer imports two lodash functions from the CommonJS build, which cannot be tree-shaken
  alias: { lodash: 'lodash-es' },
  plugins: [withoutFeelersEditor],
  legalComments: 'linked',
  logLevel: 'warning'
});
