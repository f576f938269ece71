/**
 * Cross-validation of the event-type model inside the TRAIN part (never the test part): trains one
 * model per fold (`train:types --fold i`, items grouped as in the split, see type-data.ts) and scores
 * every train-part item with the model that did not see it (`eval:types --part cv`).
 *
 * Usage: npm run cv:types [-- <train:types options> -- <eval:types options>]  (models in $SITREP_CV_DIR or /tmp/sitrep-types-cv)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { CV_FOLDS } from './type-data.js';

const dir = process.env.SITREP_CV_DIR ?? '/tmp/sitrep-types-cv';
mkdirSync(dir, { recursive: true });
const args = process.argv.slice(2);
const sep = args.indexOf('--');
const trainArgs = sep < 0 ? args : args.slice(0, sep);
const evalArgs = sep < 0 ? [] : args.slice(sep + 1);
const run = (script: string, a: string[]) => {
  const r = spawnSync('npx', ['tsx', script, ...a], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${script} failed`);
  return r.stdout;
};
for (let i = 0; i < CV_FOLDS; i++) console.log(run('scripts/train-types.ts', [...trainArgs, '--fold', String(i), '--out', `${dir}/fold-${i}.json`]).trim().split('\n').pop());
process.stdout.write(run('scripts/eval-types.ts', ['--part', 'cv', '--cv-dir', dir, ...evalArgs]));
