#!/usr/bin/env -S node --max-old-space-size=512 --no-regexp-tier-up
// --no-regexp-tier-up: regexps compile straight to machine code. With V8's interpreter tier first,
// once a process holds much regexp code V8 stops optimising the ones it compiles next
// (`TooMuchRegExpCode`), and the extraction stages' ~20 MB of patterns left whichever compiled last
// (casualties, the actor table) 2-9 times slower, depending on document order. Only a start-up flag
// is safe: set at run time (v8.setFlagsFromString) it made a worker's termination crash the process.
// The heap cap makes V8 collect early instead of growing toward its default of several GB. Memory is
// bounded in the code too (inputs stream, a few documents are in flight, each extraction thread has
// its own heap limit): a 0.9 GB JSONL ingest peaks at ~600 MB resident with or without this line,
// as a 0.3 GB one does. The gazetteer index takes ~30 MB of it.
// The installed command: runs the compiled CLI (built by `npm run build`, which `npm ci` runs via
// `prepare`), bundled (scripts/build-bundle.ts): the CommonJS bundle through V8's code cache
// (bin/code-cache.cjs) or the ES module bundle, else the compiled files when the bundles are
// missing or older than them (`tsc` alone was run since). SITREP_CODE_CACHE: the commands run
// through the cache (comma-separated, `all`, or 0 for none; default `extract`).
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';

// V8 flags for `node bin/sitrep.js` as for the installed command, set before any of the CLI loads
// (so they hold for every function and for the extraction threads, whose isolates start later).
// --interrupt-budget: V8 optimises a function once it has run bytecode worth this budget (132 kB by
// default). Most of what an ingest runs is met for the first time, so at the default TurboFan takes
// functions with half their type feedback, drops them at the next new shape and compiles them again
// (a 772-document ingest: 519 compiles, a third of its CPU on V8's compiler threads). At 600 kB
// fewer are compiled, with fuller feedback: `sitrep ingest` of ECB+ dev 7.8 -> 6.0 s of CPU
// (docs/evaluation.md, ingest8). --no-regexp-tier-up as the shebang says; set here it applies to
// the extraction threads' isolates from their start (set once a pipeline had run, it crashed a
// terminated thread). SITREP_V8_FLAGS replaces them ('' for none).
const v8Flags = process.env.SITREP_V8_FLAGS ?? '--interrupt-budget=600000 --no-regexp-tier-up';
if (v8Flags) setFlagsFromString(v8Flags);

const mtime = (p) => statSync(new URL(p, import.meta.url), { throwIfNoEntry: false })?.mtimeMs ?? -1;
const compiled = mtime('../dist/cli/main.js');
const argv = process.argv.slice(2);
let main;
let save = () => {};
// The command that runs the extraction pipeline on this thread (`extract`) starts sooner through the
// code cache; the others load less code from the ES module bundle's chunks than the cache holds
// (`sitrep events` 180 against 215 ms of CPU), and their extraction threads use a cache of their own.
const command = argv.find((a) => /^(ingest|events|show|documents|sites|extract|worker|gazetteer|serve|watch)$/.test(a)) ?? '';
const cached = (process.env.SITREP_CODE_CACHE ?? 'extract').split(',');
// `ingest` extracts on a worker thread that takes ~0.4 s to load its pipeline: started here, it loads
// while this thread loads the CLI (~0.1 s), and the extraction pool takes it over (extract-pool.ts
// `newWorker`, which starts it the same way when none was started here). Not for a queue (nothing is
// extracted) nor when the bundle is older than the compiled files (the pool then runs those).
if (command === 'ingest' && !process.env.SITREP_QUEUE && process.env.SITREP_CODE_CACHE !== '0' && !argv.some((a) => /^(--queue|-h|--help)(=|$)/.test(a)) && mtime('../dist/bundle/extract-worker.cjs') >= compiled) {
  createRequire(import.meta.url)('./code-cache.cjs').prestartWorker(fileURLToPath(new URL('../dist/bundle/extract-worker.cjs', import.meta.url)));
}
if (mtime('../dist/bundle/main.cjs') >= compiled && (cached.includes(command) || cached.includes('all'))) {
  ({ exports: { main }, save } = createRequire(import.meta.url)('./code-cache.cjs').loadCached(fileURLToPath(new URL('../dist/bundle/main.cjs', import.meta.url)), command));
  // a command that runs on (serve, watch, worker) has compiled its start-up by then
  setTimeout(save, 3000).unref();
} else {
  ({ main } = await import(mtime('../dist/bundle/main.js') >= compiled ? '../dist/bundle/main.js' : '../dist/cli/main.js'));
}
main(argv).then((code) => {
  save();
  process.exitCode = code;
});
