/**
 * Cross-validation of the event-type model inside the TRAIN part (never the test part): trains one
 * model per fold (`train:types --fold i`, items grouped as in the split, see type-data.ts) and scores
 * every train-part item with the model that did not see it (`eval:types --part cv`).
 *
 * Usage: npm run cv:types [-- <train:types options> -- <eval:types options>]  (models in $SITREP_CV_DIR or /tmp/sitrep-types-cv)
 * `--cache [FILE]` among the train options: the stages before the type model are read once into FILE
 * (type-cache.ts, train part only) and both the training and the evaluation read them from there, so
 * a setting costs the training alone (the folds train side by side).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { DEFAULT_CACHE } from './type-cache.js';
import { CV_FOLDS } from './type-data.js';

const dir = process.env.SITREP_CV_DIR ?? '/tmp/sitrep-types-cv';
mkdirSync(dir, { recursive: true });
const args = process.argv.slice(2);
const sep = args.indexOf('--');
const trainArgs = sep < 0 ? args : args.slice(0, sep);
const evalArgs = sep < 0 ? [] : args.slice(sep + 1);
const at = trainArgs.indexOf('--cache');
const cache = at < 0 ? null : trainArgs[at + 1] && !trainArgs[at + 1].startsWith('--') ? trainArgs[at + 1] : DEFAULT_CACHE;
const run = (script: string, a: string[]) => {
  const r = spawnSync('npx', ['tsx', script, ...a], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${script} failed`);
  return r.stdout;
};
// `--softmax-dir DIR`: each fold keeps the category softmax of DIR/fold-i.json (same data), only the head trains
const sd = trainArgs.indexOf('--softmax-dir');
const softmaxDir = sd < 0 ? null : trainArgs.splice(sd, 2)[1];
const trainFold = (i: number) =>
  new Promise<string>((done, fail) => {
    const from = softmaxDir ? ['--softmax-from', `${softmaxDir}/fold-${i}.json`] : [];
    const p = spawn('npx', ['tsx', 'scripts/train-types.ts', ...trainArgs, ...from, '--fold', String(i), '--out', `${dir}/fold-${i}.json`], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.on('close', (code) => (code === 0 ? done(out) : fail(new Error(`fold ${i} failed`))));
  });

async function main() {
  if (cache) {
    // the cache first (the evaluation builds it when missing), then the folds side by side
    const outs = [];
    for (let i = 0; i < CV_FOLDS; i++) outs.push(trainFold(i));
    for (const o of await Promise.all(outs)) console.log(o.trim().split('\n').slice(-2).join('\n'));
    process.stdout.write(run('scripts/eval-types.ts', ['--part', 'cv', '--cv-dir', dir, '--cache', cache, ...evalArgs]));
    return;
  }
  for (let i = 0; i < CV_FOLDS; i++) console.log(run('scripts/train-types.ts', [...trainArgs, '--fold', String(i), '--out', `${dir}/fold-${i}.json`]).trim().split('\n').pop());
  process.stdout.write(run('scripts/eval-types.ts', ['--part', 'cv', '--cv-dir', dir, ...evalArgs]));
}
void main();
