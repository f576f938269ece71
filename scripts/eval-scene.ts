/**
 * Scene evaluation: does the main report put the incident within 50 km of the coded point?
 *
 * Sets and split (also in docs/evaluation.md, "Scene of the incident"; loaders in scene-data.ts):
 * - GVA dev: one case per article (title, URL, published, text as a JSONL line gives them), gold
 *   = the incident's lat/lon; articles of incidents without coordinates left out. Part by
 *   sha1(`scene:` + incident id), first hex digit 0-7 tune, 8-f report.
 * - UCDP GED dev, slices syria / mexico / myanmar: one case per event, its headlines one a line;
 *   gold = the coded lat/lon. Part by sha1(`scene:` + event id), first hex digit 0-7 tune, 8-f
 *   report. Figures: all events, and those whose headlines name the coded place below the
 *   country — some headline holds, as whole folded words, the coded settlement
 *   (`where_coordinates`) or its admin2, or its admin1 when the event is coded at admin1 level
 *   (`where_prec` 4); type words ("town", "Governorate", "district") and the Arabic article
 *   dropped (`namesPlaceBelowCountry`). A province named around a coded town does not count.
 * The scene weights are trained on the tune parts only (`npm run train:scene`); the report part
 * is the figure to quote. LGL / TR-News stay with `npm run eval:geo`.
 *
 * A case is right when report 0's location lies within 50 km of the gold point; no location is
 * wrong. Also printed: the ceiling of the choice (some candidate the scene stage weighed lies
 * within 50 km: what a perfect ranker over today's places would reach).
 *
 * GVA articles come from news sites: a first pass reads them without site profiles (the first
 * figure: the text alone) and keeps each one's votes; the figure of record reads each with its
 * site's profile from the site's earlier articles (by publication date), as an ingest in time
 * order gives it (`--others`: from all the site's other articles, later ones too). See
 * scripts/site-profiles.ts.
 *
 * Usage: npm run eval:scene [-- --part tune|report|all] [--set gva|ucdp] [--sample N]
 * [--misses N] [--reasons] [--others] [--changes (tune part)]
 */
import type { PlaceGazetteer } from '../src/extract/gazetteer.js';
import { sceneCandidates } from '../src/extract/scene.js';
import { haversineKm } from '../src/link/compatible.js';
import { createPipeline, extract, loadResources } from '../src/pipeline.js';
import { siteOf } from '../src/ingest/outlet.js';
import type { SiteProfile } from '../src/model/types.js';
import { gvaCases, sample, ucdpCases, type SceneCase } from './scene-data.js';
import { profilesFor } from './site-profiles.js';

const args = process.argv.slice(2);
const argOf = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const part = argOf('--part') ?? 'report';
const onlySet = argOf('--set');
const sampleN = argOf('--sample') ? Number(argOf('--sample')) : null;
const nMisses = Number(argOf('--misses') ?? 0);
const showReasons = args.includes('--reasons');
const KM = 50;

interface Result { c: SceneCase; ok: boolean; located: boolean; reachable: boolean; pred: string }

function main(): number {
  const pipeline = createPipeline(loadResources());
  const g = pipeline.context.gazetteer as PlaceGazetteer;
  const sets: { name: string; cases: SceneCase[] }[] = [];
  if (!onlySet || onlySet === 'gva') sets.push({ name: 'GVA', cases: gvaCases() });
  if (!onlySet || onlySet === 'ucdp') sets.push({ name: 'UCDP GED', cases: ucdpCases() });
  const pct = (a: number, b: number) => (b ? (a / b).toFixed(3) : '-');
  for (const { name, cases } of sets) {
    const first = new Map<string, Result>();
    const chosen = sample(cases.filter((c) => part === 'all' || c.part === part), sampleN);
    // site profiles as a deployment makes them (scripts/site-profiles.ts): a first pass without them
    // gives each document's votes (no gold read); then each is read with its site's profile from
    // the site's earlier documents. UCDP's headlines come from no site: one pass.
    const dated = chosen.map((c, index) => ({ site: siteOf(c.document), time: c.document.published ? Date.parse(c.document.published) : null, index }));
    const withSites = dated.some((d) => d.site);
    const passes: { label: string; profiles: (SiteProfile | null)[] | null }[] = [{ label: withSites ? 'without site profiles (the text alone)' : '', profiles: null }];
    const votes: string[][] = [];
    for (let pass = 0; pass < passes.length; pass++) {
      const { label, profiles } = passes[pass];
      const t0 = performance.now();
      const results: Result[] = chosen.map((c, i) => {
        const { annotated, reports, votes: v } = extract(c.document, pipeline, { profile: profiles?.[i] ?? null });
        if (pass === 0) votes[i] = v;
        const r = reports[0];
        // the ceiling of the choice: some place the scene stage weighed lies within 50 km
        const reachable = sceneCandidates(c.document, annotated.annotations, g, profiles?.[i] ?? null).some((k) => haversineKm(k.place.lat, k.place.lon, c.lat, c.lon) <= KM);
        const l = r?.location ?? null;
        const km = l ? haversineKm(l.lat, l.lon, c.lat, c.lon) : Infinity;
        const reasons = showReasons && (l as { reasons?: string[] } | null)?.reasons ? ` {${(l as unknown as { reasons: string[] }).reasons.join(', ')}}` : '';
        return { c, ok: km <= KM, located: !!l, reachable, pred: l ? `${l.name} [${l.admin1 ?? '-'}, ${l.country}, ${l.precision}] ${Math.round(km)} km${reasons}` : 'none' };
      });
      const secs = (performance.now() - t0) / 1000;
      const ok = results.filter((x) => x.ok).length;
      if (pass === 0 && withSites) {
        passes.push({ label: "site profiles from the site's earlier articles (as an ingest in time order; the figure of record)", profiles: profilesFor(dated, votes, 'earlier') });
        if (args.includes('--others')) passes.push({ label: "site profiles from all the site's other articles, later ones too (a store that has read the site a while)", profiles: profilesFor(dated, votes, 'others') });
        console.log(`\n${name}: ${new Set(dated.map((d) => d.site)).size} sites; ${votes.filter((v) => v.length).length} of ${chosen.length} documents vote`);
      }
      console.log(`\n## ${name} — part ${part}${sampleN ? ` (sample ${chosen.length})` : ''}${label ? `, ${label}` : ''}: ${chosen.length} cases, ${secs.toFixed(1)} s`);
      console.log(`scene within ${KM} km: ${pct(ok, results.length)} (${ok}/${results.length}); located ${pct(results.filter((x) => x.located).length, results.length)}; some candidate within ${KM} km (the ceiling of the choice) ${pct(results.filter((x) => x.reachable).length, results.length)}`);
      if (name === 'UCDP GED') {
        const named = results.filter((x) => x.c.named);
        const nOk = named.filter((x) => x.ok).length;
        console.log(`  headlines naming a place below the country: ${pct(nOk, named.length)} (${nOk}/${named.length}); ceiling ${pct(named.filter((x) => x.reachable).length, named.length)}`);
      }
      const groups = new Map<string, Result[]>();
      for (const x of results) groups.set(x.c.group, [...(groups.get(x.c.group) ?? []), x]);
      if (name === 'UCDP GED') for (const [g, xs] of groups) console.log(`  ${g}: ${pct(xs.filter((x) => x.ok).length, xs.length)} (${xs.length})`);
      if (nMisses) {
        console.log(`\nmisses (first ${nMisses}):`);
        for (const x of results.filter((r) => !r.ok && (!process.env.UNREACHABLE || (!r.reachable && r.c.named)) && (!process.env.REACHABLE || (r.reachable && (r.c.named || r.c.set === "gva")))).slice(0, nMisses)) {
          const head = (x.c.document.title ?? x.c.document.text.slice(0, 100)).replace(/\s+/g, ' ').slice(0, 110);
          console.log(`- ${x.c.id} gold ${x.c.gold}${x.c.named ? ' (named)' : ''} | got ${x.pred} | ${head}`);
        }
      }
      // what the profile changed, case by case: the tune part only
      if (pass > 0 && part === 'tune' && args.includes('--changes')) {
        for (const x of results) {
          const before = first.get(x.c.id);
          if (before && before.ok !== x.ok) console.log(`  ${x.ok ? 'GAIN' : 'LOSS'} ${siteOf(x.c.document)} gold ${x.c.gold} | ${before.pred} -> ${x.pred}`);
        }
      }
      if (pass === 0) for (const x of results) first.set(x.c.id, x);
    }
  }
  return 0;
}

process.exitCode = main();
