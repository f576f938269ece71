#!/usr/bin/env -S node --max-old-space-size=512
// The heap cap makes V8 collect early instead of growing toward its default of several GB. Memory is
// bounded in the code too (inputs stream, a few documents are in flight, each extraction thread has
// its own heap limit): a 0.9 GB JSONL ingest peaks at ~600 MB resident with or without this line,
// as a 0.3 GB one does. The gazetteer index takes ~30 MB of it.
// The installed command: runs the compiled CLI (built by `npm run build`, which `npm ci` runs via `prepare`).
import { main } from '../dist/cli/main.js';
main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
