// Bundles the task page's script (form-js viewer) into the application's static resources.
// Run by Maven (exec-maven-plugin) in generate-resources; `npm run build` does the same by hand.
import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';

const outdir = fileURLToPath(new URL('../target/classes/static/js/', import.meta.url));

// form-js imports `feelers` for templating only; that module's single file also holds a code editor
// (CodeMirror, a FEEL linter, markdown) which the viewer never calls. Replacing the editor's modules
// with empty ones halves the bundle, which matters on a phone over a weak connection.
const editorOnlyModules = /^(@codemirror\/.*|@lezer\/markdown|@bpmn-io\/feel-lint|@bpmn-io\/cm-theme)$/;
const withoutFeelersEditor = {
  name: 'without-feelers-editor',
  setup(build) {
    build.onResolve({ filter: editorOnlyModules }, args => ({ path: args.path, namespace: 'editor-only' }));
    build.onLoad({ filter: /.*/, namespace: 'editor-only' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
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
