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
// The installed command: runs the compiled CLI (built by `npm run build`, which `npm ci` runs via `prepare`),
// bundled (dist/bundle/, scripts/build-bundle.ts: half a second less start-up) unless the bundle is
// missing or older than the compiled files (`tsc` alone was run since).
import { statSync } from 'node:fs';
const mtime = (p) => statSync(new URL(p, import.meta.url), { throwIfNoEntry: false })?.mtimeMs ?? -1;
const bundled = mtime('../dist/bundle/main.js') >= mtime('../dist/cli/main.js');
const { main } = await import(bundled ? '../dist/bundle/main.js' : '../dist/cli/main.js');
main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
