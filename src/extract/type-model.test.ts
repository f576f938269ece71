// The type model: no incident is an answer, bad input is no guess, and a bad weights file is one line.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { textDocument } from '../ingest/document.js';
import { createPipeline, extract, loadResources } from '../pipeline.js';
import type { TriggerAnnotation } from '../model/index.js';
import { findTriggers } from './triggers.js';
import { classifyType, DEFAULT_TYPE_MODEL, headlineEnd, LEAD_WORD, loadTypeModel, tollInHeadline, typeFeatures, TypeModelError, typeReports, typeVerdict, type TypeVerdict } from './type-model.js';

const pipeline = createPipeline(loadResources());
const run = (text: string, title?: string) => extract(textDocument(text, { source: 'test', title: title ?? null, published: '2020-03-07' }), pipeline);
const dir = mkdtempSync(join(tmpdir(), 'sitrep-type-model-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadTypeModel', () => {
  it('loads the committed weights quickly', () => {
    const t0 = performance.now();
    const m = loadTypeModel();
    expect(performance.now() - t0).toBeLessThan(1000); // 300 ms on an idle core; slack for a busy CI
    expect(m.table.names.length).toBeGreaterThan(1000);
  });
  it('names a missing or broken file in one line', () => {
    const missing = join(dir, 'nope.json');
    expect(() => loadTypeModel(missing)).toThrow(TypeModelError);
    expect(() => loadTypeModel(missing)).toThrow(/^type model .*nope\.json: missing; run npm run train:types$/);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"version": 1, "classes": [');
    expect(() => loadTypeModel(broken)).toThrow(/^type model .*broken\.json: unreadable \([^\n]*\); run npm run train:types$/);
    const wrong = join(dir, 'wrong.json');
    writeFileSync(wrong, JSON.stringify({ version: 1, classes: ['none'], bias: [0] }));
    expect(() => loadTypeModel(wrong)).toThrow(/wrong\.json: classes are not/);
  });
  it('reads weights given in thousandths (weightScale) as the decimals they stand for', () => {
    const raw = JSON.parse(readFileSync(DEFAULT_TYPE_MODEL, 'utf8')) as { weights: number[]; weightScale?: number };
    const scale = raw.weightScale ?? 1;
    const decimals = join(dir, 'decimals.json');
    writeFileSync(decimals, JSON.stringify({ ...raw, weightScale: undefined, weights: raw.weights.map((w) => w / scale) }));
    expect(Array.from(loadTypeModel(decimals).table.weights)).toEqual(Array.from(loadTypeModel().table.weights));
    const zero = join(dir, 'zero-scale.json');
    writeFileSync(zero, JSON.stringify({ ...raw, weightScale: 0 }));
    expect(() => loadTypeModel(zero)).toThrow(/zero-scale\.json: weightScale is not a positive number/);
  });
});

describe('incident or not', () => {
  it('gives no incident for text too short, foreign or garbled to read', () => {
    expect(run('Explosion').reports).toEqual([]);
    expect(run('Attack.').reports).toEqual([]);
    expect(run('xqzv brrtk 4h5 kkqp zzumf vlorp qqa 9x7 trrn pvlk').reports).toEqual([]);
    expect(run('Hombres armados mataron a cuatro personas en un bar de Monterrey el domingo por la noche, informaron las autoridades.').reports).toEqual([]);
  });
  it('gives no incident for news of another kind, and still reads the document', () => {
    const r = run('The Indianapolis Colts beat the Kansas City Chiefs 24-17 on Sunday to clinch a playoff berth. The quarterback threw for 300 yards and two touchdowns in the fourth quarter.');
    expect(r.reports).toEqual([]);
    // a short blurb: the model's own reading leans less to `none` since the twelfth pass (its weights explain the
    // training's general news by the a: features, which a headline-length lead does not carry); the quiet-news rule then says sport
    expect(r.typing.probabilities.none > 0.4 || r.quiet === 'sport').toBe(true);
    expect(r.annotated.document.text).toMatch(/Colts/);
  });
  it('reads an article of deaths with a cause and no one who caused them as no incident by itself, and says what weighed', () => {
    const r = run('Two climbers died on Saturday after they fell from a steep ridge during a storm high on the mountain, rescue teams said. The pair had set out before dawn and were caught by strong winds and snow near the summit. A helicopter reached the site late in the afternoon but could not land because of the weather. Their bodies were recovered on Sunday. The park service said the route is among the most demanding in the range and urged climbers to check the forecast.');
    expect(r.reports).toEqual([]);
    expect(r.typing.probabilities.none).toBeGreaterThan(0.9);
    expect(r.quiet ?? null).toBeNull(); // the model, not the quiet-news rule after it
    expect(r.typing.explain.some((f) => f.feature.startsWith('a:') && f.weight < 0)).toBe(true);
  });
  it('types an incident with its confidence, its probability and what weighed', () => {
    const r = run('Gunmen opened fire on a crowded bar in the city late on Saturday, killing five people and wounding 12, police said. The attackers fled in two vehicles.');
    expect(r.reports.length).toBeGreaterThan(0);
    const main = r.reports[0];
    expect(main.confidence).toBeGreaterThan(0.6);
    expect(main.type_probability).toBeGreaterThan(0.3);
    expect(main.type_probability).toBeLessThanOrEqual(1);
    expect(main.category).not.toBe('strategic_developments');
    expect(r.typing.explain.length).toBeGreaterThan(0);
    expect(r.typing.explains[0]).toBe(main.category === r.typing.explains[0] ? main.category : r.typing.explains[0]);
  });
});

describe('the incident head', () => {
  const base = JSON.parse(readFileSync(DEFAULT_TYPE_MODEL, 'utf8')) as Record<string, unknown>;
  const withHead = (head: unknown) => {
    const file = join(dir, `head-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, JSON.stringify({ ...base, head }));
    return file;
  };
  it('vetoes an incident the cue families speak against, and leaves a plain report alone', () => {
    const p = createPipeline({ ...loadResources(), typeModel: loadTypeModel(withHead({ bias: 3, features: ['k:sport', 'k:court'], weights: [-8, -8], mix: -0.5 })) });
    const read = (text: string) => extract(textDocument(text, { source: 'test', published: '2020-03-07' }), p);
    const game = read('The visitors beat the home side in overtime after their striker scored twice; the coach praised the fans at the stadium, where one spectator died of a heart attack.');
    expect(game.reports).toEqual([]);
    expect(game.typing.explain.some((e) => e.feature === 'k:sport' && e.weight < 0)).toBe(true);
    const attack = read('Gunmen opened fire on a crowded bar in the city late on Saturday, killing five people and wounding 12, police said.');
    expect(attack.reports.length).toBeGreaterThan(0);
  });
  it('names a broken head in one line', () => {
    expect(() => loadTypeModel(withHead({ bias: 0, features: ['k:sport'], weights: [], mix: 0 }))).toThrow(/head-.*\.json: the incident head is broken; run npm run train:types$/);
  });
});

describe('a toll of violence in the headline (issue 17)', () => {
  const toll = (quote: string, start = 0, field = 'fatalities') => tollInHeadline([{ field, value: { low: 7, best: 7, high: 7 }, start, quote }]);
  it('names an incident, as a trigger of its type does', () => {
    expect(toll('Seven killed in the east amid fierce fighting.')).toBe(true);
    expect(toll('Two soldiers wounded near the front line.', 0, 'injured')).toBe(true);
  });
  it('not in an accident, a disaster or a natural death, nor out of the headline, nor without a word of violence', () => {
    expect(toll('Seven killed in a bus crash on the highway.')).toBe(false);
    expect(toll('Seven killed as earthquake strikes the coast.')).toBe(false);
    expect(toll('Seven killed in the east amid fierce fighting.', 300)).toBe(false);
    expect(toll('Seven died in the east.')).toBe(false);
  });
});

describe('an exchange of fire in the headline names an armed clash (issue 17)', () => {
  // a verdict between the two bars: kept only where the lead or the headline names the incident's type
  const verdict = (incident: number): TypeVerdict => ({
    probabilities: { none: 1 - incident, battles: incident, explosions_remote_violence: 0, violence_against_civilians: 0, protests: 0, riots: 0, strategic_developments: 0 } as TypeVerdict['probabilities'],
    incident, explain: [], explains: ['battles', 'none'], noEvidence: false, min: 0.6, minNamed: 0.4,
  });
  const report = { category: 'battles', type: 'armed_clash', claims: [] };
  const kept = (text: string, p = 0.5) => {
    const triggers = findTriggers(text);
    return typeReports([report], verdict(p), triggers, 1200, triggers.filter((t) => t.end <= headlineEnd(text))).length > 0;
  };
  it('"exchanges of fire", "exchanged fire", a firefight or a gun battle in a headline lower the bar', () => {
    expect(kept("'Exchanges of fire' near the border crossing overnight.\n")).toBe(true);
    expect(kept('Guards and smugglers exchanged fire at the river\n\nThe guards said the smugglers fled.')).toBe(true);
    expect(kept('Gun battle in the hills north of the town.')).toBe(true);
  });
  it('not in a narrative that opens with prose, not "fighting" or "battles", and never below the lower bar', () => {
    const prose = 'Two smugglers were arrested after they exchanged fire with border guards near the river crossing late on Tuesday, officials of the district said in a statement on Wednesday. Both were taken to the district jail.';
    expect(kept(prose)).toBe(false);
    expect(kept('Fighting for the future of the town.\n')).toBe(false);
    expect(kept('Battles over the budget continue.\n')).toBe(false);
    expect(kept("'Exchanges of fire' near the border crossing overnight.\n", 0.3)).toBe(false);
  });
  it('a headline is a short first line standing alone', () => {
    expect(headlineEnd('Clashes at the airport\n\nText.')).toBe(22);
    expect(headlineEnd('A short text alone.')).toBe(19);
    expect(headlineEnd(`${'word '.repeat(40)}\nmore`)).toBe(0);
    expect(headlineEnd(`${'word '.repeat(40)}`)).toBe(0);
  });
});

describe('typeVerdict (the pipeline\'s reading, without feature names)', () => {
  const texts: [string | null, string][] = [
    [null, 'Gunmen opened fire on a crowded bar in the city late on Saturday, killing five people and wounding 12, police said. The attackers fled in two vehicles.'],
    ['Drone strike hits convoy', "Kyiv’s mayor said the city's power station was hit by a drone strike. The strike, the third this week, cut power; the mayor's office said repairs would take days. Officials' statements differ."],
    [null, 'The Indianapolis Colts beat the Kansas City Chiefs 24-17 on Sunday to clinch a playoff berth. The quarterback threw for 300 yards and two touchdowns in the fourth quarter.'],
    [null, 'Protesters gathered outside parliament; police fired tear gas and arrested 12. Protesters gathered again on Monday, and again police fired tear gas.'],
    [null, 'Explosion'],
    [null, 'Президент заявил, что в Харькове погибли три человека.'],
    [null, ''],
  ];
  // a rule the committed model never met (its category's prior), and one of no category at all
  const extra = (text: string): TriggerAnnotation[] => [
    { kind: 'trigger', start: 0, end: 1, text: text.slice(0, 1), category: 'riots', type: 'never_seen_type', tags: [], weight: 0.9 },
    { kind: 'trigger', start: 2000, end: 2001, text: '', category: 'no_such_category', type: 'x', tags: [], weight: 0.7 },
  ];
  const same = (model: ReturnType<typeof loadTypeModel>, title: string | null, text: string, triggers: TriggerAnnotation[], titleTriggers: TriggerAnnotation[]) =>
    expect(typeVerdict(model, title, text, triggers, titleTriggers)).toEqual(classifyType(model, typeFeatures(title, text, triggers, titleTriggers, model.leadChars, model.head !== null, model.agent)));
  it('reads as classifyType over typeFeatures: probabilities, evidence and what weighed, in order', () => {
    const model = loadTypeModel();
    for (const [title, text] of texts) {
      same(model, title, text, findTriggers(text), title ? findTriggers(title) : []);
      same(model, title, text, [...findTriggers(text), ...extra(text)], []);
    }
  });
  it('and with an incident head, its features the softmax lacks among them', () => {
    const base = JSON.parse(readFileSync(DEFAULT_TYPE_MODEL, 'utf8')) as { features: string[] };
    const file = join(dir, 'head-verdict.json');
    const features = ['k:sport', 'k:court', 'w:colts', 'b:kansas city', 'r:riots/never_seen_type', 'r:no_such_category/x', 'lead:none', base.features[0]];
    writeFileSync(file, JSON.stringify({ ...base, head: { bias: 0.5, features, weights: features.map((_, i) => (i % 2 ? -1.5 : 2) / (i + 1)), mix: 0.3 } }));
    const model = loadTypeModel(file);
    for (const [title, text] of texts) same(model, title, text, [...findTriggers(text), ...extra(text)], []);
  });
});

describe('typeFeatures\' words', () => {
  /** The words as first read: LEAD_WORD's matches, two replaces per word. */
  const byPattern = (title: string | null, text: string, leadChars: number) => {
    const lead = `${title ?? ''}\n${text.slice(0, leadChars)}`.toLowerCase();
    return (lead.match(LEAD_WORD) ?? []).map((w) => w.replace(/[’]/g, "'").replace(/'s$/, ''));
  };
  it('are the pattern\'s matches, apostrophes straightened and possessives cut', () => {
    const long = 'a'.repeat(40);
    const texts: [string | null, string][] = [
      ['Kyiv’s Mayor’s Office', "The mayor's office said O’Neil’s men’s-wear shop, rock’n’roll x-ray it's 's 12345678 abc123def 4th"],
      [null, `${long}'s ${long} Zürich İstanbul ΟΔΟΣ ½ ²3 foo—bar ’s s’s a’ b' -c d--e`],
      [null, ''],
    ];
    for (const [title, text] of texts) {
      const words = byPattern(title, text, 1200);
      const f = typeFeatures(title, text, [], [], 1200);
      const stop = new Set('the a an of in on at to from by with for and or but was were is are has have had been be being it its this that these those as into during after before he she they we you i his her their our your who which what when where while not no so than then there here also said says will would could should can may might do does did about over up out more most some any all one'.split(' '));
      expect(f.get('n:words')).toBe(words.length);
      expect(f.get('n:stop')).toBe(words.filter((w) => stop.has(w)).length);
      const keys = new Set<string>();
      let prev = '';
      for (const w of words) {
        if (stop.has(w)) prev = '';
        else {
          keys.add(`w:${w}`);
          if (prev) keys.add(`b:${prev} ${w}`);
          prev = w;
        }
      }
      expect([...f.keys()].filter((k) => k.startsWith('w:') || k.startsWith('b:'))).toEqual([...keys]);
    }
  });
});

describe('typeReports: a weapon word keeps the rules\' explosions (ACLED defines them by the weapon)', () => {
  const text = 'Police recovered two hand grenades from a hideout in the district on Monday.';
  const triggers = findTriggers(text).map((t) => ({ ...t, category: 'explosions_remote_violence', type: 'grenade', weight: 0.9 }));
  const report = { category: 'explosions_remote_violence', type: 'grenade', claims: [] as { field: string; value: unknown }[] };
  const verdict = (p: Partial<Record<string, number>>): TypeVerdict => {
    const probabilities = { none: 0.1, battles: 0, explosions_remote_violence: 0, violence_against_civilians: 0, protests: 0, riots: 0, strategic_developments: 0, ...p } as TypeVerdict['probabilities'];
    return { probabilities, incident: 0.9, explain: [], explains: ['battles', 'none'], noEvidence: false, min: 0.6, minNamed: 0.4 };
  };
  it('against another violent category the model prefers', () => {
    expect(typeReports([report], verdict({ battles: 0.85, explosions_remote_violence: 0.05 }), triggers, 1200)[0].category).toBe('explosions_remote_violence');
  });
  it('not against a strategic development the model reads first (a weapon recovered, a bomber arrested)', () => {
    expect(typeReports([report], verdict({ strategic_developments: 0.85, explosions_remote_violence: 0.05 }), triggers, 1200)[0].category).toBe('strategic_developments');
  });
});

describe('typeReports: the rules\' category stands when the model finds it possible (≥ 10 %)', () => {
  const text = 'Police arrested a militant commander in the district after an exchange of fire last month.';
  const triggers = findTriggers(text);
  const verdict = (p: Partial<Record<string, number>>): TypeVerdict => {
    const probabilities = { none: 0.1, battles: 0, explosions_remote_violence: 0, violence_against_civilians: 0, protests: 0, riots: 0, strategic_developments: 0, ...p } as TypeVerdict['probabilities'];
    return { probabilities, incident: 0.9, explain: [], explains: ['battles', 'none'], noEvidence: false, min: 0.6, minNamed: 0.4 };
  };
  const typed = (category: string, p: Partial<Record<string, number>>) => typeReports([{ category, type: 'armed_clash', claims: [] as { field: string; value: unknown }[] }], verdict(p), triggers, 1200)[0].category;
  it('against another violent category', () => {
    expect(typed('battles', { violence_against_civilians: 0.7, battles: 0.2 })).toBe('battles');
  });
  it('not against a strategic development the model reads first, unless the rules read an abduction or attack on civilians', () => {
    expect(typed('battles', { strategic_developments: 0.7, battles: 0.2 })).toBe('strategic_developments');
    expect(typed('violence_against_civilians', { strategic_developments: 0.7, violence_against_civilians: 0.2 })).toBe('violence_against_civilians');
  });
});
