#!/usr/bin/env -S node --max-old-space-size=512
// The heap cap keeps a long ingest (a 1 GB JSONL dump) under ~400 MB resident: V8 collects early
// instead of growing toward its default of several GB. The gazetteer index takes ~30 MB of it.
// The installed command: runs the compiled CLI (built by `npm run build`, which `npm ci` runs via `prepare`).
import { main } from '../dist/cli/main.js';
main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
