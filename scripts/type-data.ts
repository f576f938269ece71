/**
 * The labelled sets the event-type model is trained on (`npm run train:types`) and measured on
 * (`npm run eval:types`), read from `../shared/data/` (or $SITREP_DATA), and the one split both use.
 *
 * THE SPLIT (fixed before any tuning; see docs/evaluation.md, "Event type and incident-or-not"):
 *   held(key) = parseInt(sha1("types:" + key)[0..8], 16) % 3 === 0  → test (never trained or tuned on)
 * - ECB+ (ecbplus-dev): key = topic number; every article of a held topic is test (both sub-topics).
 *   Test topics: 1 4 7 10 13 14 20 21 26 29 30 32 34 (conflict sub-topics among them: 13_ecb, 32_ecb, 32_ecbplus).
 * - SATP (satp-dev): train.tsv is train; dev.tsv is test (no hash).
 * - IndiaPoliceEvents (indiapolice-dev docs.jsonl): key = doc_id.
 * - UCDP GED (ucdp-ged-dev): key = the event's first headline (events sharing it stay together).
 * - GVA (gva-dev): key = the article's incident id (articles of one incident stay together).
 * No text of these sets goes into the repository: only the weights made from the train parts.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parseCsv } from './eval-facts.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const dataDir = resolve(process.env.SITREP_DATA ?? join(root, '..', 'shared', 'data'));

export const held = (key: string): boolean => parseInt(createHash('sha1').update(`types:${key}`).digest('hex').slice(0, 8), 16) % 3 === 0;
/** Inside the train part, for choosing settings: the items whose hash is 1 mod 3 (`--valid` in train and eval). */
export const validKey = (key: string): boolean => parseInt(createHash('sha1').update(`types:${key}`).digest('hex').slice(0, 8), 16) % 3 === 1;
/** Cross-validation inside the train part (`train:types --fold i`, `eval:types --part cv`): CV_FOLDS folds by the same group key, never the test part. */
export const CV_FOLDS = 3;
export const cvFold = (key: string): number => parseInt(createHash('sha1').update(`cv:${key}`).digest('hex').slice(0, 8), 16) % CV_FOLDS;

export interface Item {
  set: 'ecb' | 'satp' | 'india' | 'ucdp' | 'gva' | 'portal' | 'wikinews';
  id: string;
  title: string | null;
  text: string;
  published: string | null;
  test: boolean;
  /** In the train part, kept out by `train:types --valid` to choose settings on. */
  valid: boolean;
  /** The group key of the split (items sharing it stay on one side). */
  key: string;
  /** Set-specific gold labels. */
  gold: Record<string, string | number | boolean>;
}

export function loadEcb(): Item[] {
  const dir = join(dataDir, 'ecbplus-dev');
  const rel = new Map(readFileSync(join(dir, 'relevance.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t')).map((p) => [p[0], p[1]]));
  const sub = new Map(readFileSync(join(dir, 'gold_doc_clusters.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t')).map((p) => [p[0], p[2]]));
  return readdirSync(join(dir, 'docs')).filter((f) => f.endsWith('.txt')).sort().map((f) => {
    const id = f.replace(/\.txt$/, '');
    const subtopic = sub.get(id) ?? '';
    const topic = subtopic.split('_')[0];
    return { set: 'ecb' as const, id, title: null, text: readFileSync(join(dir, 'docs', f), 'utf8'), published: null, key: `ecb:${topic}`, test: held(topic), valid: validKey(topic), gold: { subtopic, label: rel.get(subtopic) ?? 'other' } };
  });
}

export function loadSatp(): Item[] {
  const out: Item[] = [];
  for (const file of ['train.tsv', 'dev.tsv']) {
    const lines = readFileSync(join(dataDir, 'satp-dev', file), 'utf8').split('\n').slice(1).filter(Boolean);
    lines.forEach((l, i) => {
      const p = l.split('\t');
      const [a, b, k, o] = p.slice(-4).map(Number);
      out.push({ set: 'satp', id: `${file}:${i}`, title: null, text: p.slice(0, -4).join('\t'), published: null, key: `satp:${file}:${i}`, test: file === 'dev.tsv', valid: validKey(`satp:${i}`), gold: { armed_assault: a === 1, bombing: b === 1, kidnapping: k === 1, other: o === 1 } });
    });
  }
  return out;
}

export function loadIndia(): Item[] {
  return readFileSync(join(dataDir, 'indiapolice-dev', 'docs.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => {
    const r = JSON.parse(l) as { doc_id: number; doc_text: string; doc_labels: string[] };
    const labels = new Set(r.doc_labels);
    return { set: 'india' as const, id: String(r.doc_id), title: null, text: r.doc_text, published: null, key: `india:${r.doc_id}`, test: held(String(r.doc_id)), valid: validKey(String(r.doc_id)), gold: { ARREST: labels.has('ARREST'), KILL: labels.has('KILL'), FORCE: labels.has('FORCE'), ANY: labels.has('ANY_ACTION') } };
  });
}

export function loadUcdp(): Item[] {
  const table = parseCsv(gunzipSync(readFileSync(join(dataDir, 'ucdp-ged-dev', 'ged_news_nonukraine.csv.gz'))).toString('utf8'));
  const header = table[0];
  const col = (name: string) => header.indexOf(name);
  const [iId, iHead, iType, iDate] = [col('id'), col('source_headline'), col('type_of_violence'), col('date_start')];
  return table.slice(1).filter((cells) => cells[iHead]?.trim()).map((cells) => {
    const headlines = cells[iHead].split(';').map((h) => h.trim()).filter(Boolean);
    const text = headlines.map((h) => (/[.!?]["'”’]?$/.test(h) ? h : h + '.')).join('\n') + '\n';
    return { set: 'ucdp' as const, id: cells[iId], title: null, text, published: cells[iDate]?.slice(0, 10) || null, key: `ucdp:${headlines[0] ?? cells[iId]}`, test: held(headlines[0] ?? cells[iId]), valid: validKey(headlines[0] ?? cells[iId]), gold: { type: Number(cells[iType]) } };
  });
}

export function loadGva(): Item[] {
  const lines = gunzipSync(readFileSync(join(dataDir, 'gva-dev', 'docs.jsonl.gz'))).toString('utf8').split('\n').filter(Boolean);
  return lines.map((l) => {
    const r = JSON.parse(l) as { id: string; incident: string; title: string; published: string; text: string };
    return { set: 'gva' as const, id: r.id, title: r.title || null, text: r.text, published: r.published || null, key: `gva:${r.incident}`, test: held(String(r.incident)), valid: validKey(String(r.incident)), gold: { incident: r.incident } };
  });
}

/**
 * Extra negatives: items of Wikipedia's Current Events Portal (CC BY-SA 4.0) under headings that hold no
 * incident of the ontology: arts and culture, business and economy, disasters and accidents, health and
 * environment, science and technology, sports. "Law and crime" mixes new violent crimes with court and
 * arrest news: its items are read, and only those labelled by hand (PORTAL_LAW_LABELS) train. "Politics
 * and elections" (protests, coups) and "International relations" are left out: they mix incidents in. "Armed conflicts and attacks" is read
 * too (heading `conflict`): the trainer may weigh it as incidents, so that the portal's short style is
 * not itself a sign of `none`.
 * Read from outside the repository: $SITREP_EXTDATA (default ../extdata)/current-events-portal/docs/_posts/
 * (the daily pages of github.com/fordred/wikinews, commit 0441f527, 2025-01-01 to 2026-08-22; see
 * docs/evaluation.md). Missing: no extra negatives (train:types says so). Never a test item: no
 * figure is taken on it, it only teaches `none`.
 */
export const extDir = resolve(process.env.SITREP_EXTDATA ?? join(root, '..', 'extdata'));
export const PORTAL_DIR = join(extDir, 'current-events-portal', 'docs', '_posts');
const PORTAL_HEADINGS: [RegExp, string][] = [
  [/^(?:armed conflicts|attacks)\b/i, 'conflict'], [/^arts?\b/i, 'arts'], [/^law\b/i, 'law'], [/^business\b/i, 'business'], [/^disasters?\b/i, 'disasters'], [/^health\b/i, 'health'], [/^science\b/i, 'science'], [/^sports?\b/i, 'sports'],
];
/** A markdown link, its target possibly holding one level of parentheses and a quoted title. */
const MD_LINK = /\[([^\]]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+"[^"]*")?\)/g;
/** The sources cited at the end of an item: "[(Reuters)](url)". */
const MD_CITATION = /\s*\[\([^\]]*\)\]\((?:[^()\s]|\([^()\s]*\))*\)/g;

export function portalItems(md: string, date: string): Item[] {
  const out: Item[] = [];
  let heading: string | null = null;
  for (const line of md.split('\n')) {
    const h = /^#{2,4}\s+(.+?)\s*$/.exec(line) ?? /^\*\*(.+?)\*\*\s*$/.exec(line);
    if (h) {
      heading = PORTAL_HEADINGS.find(([re]) => re.test(h[1]))?.[1] ?? null;
      continue;
    }
    // an item is a bullet that cites its sources; the bullets above it only name the story
    if (!heading || !/^\s*[*+-]\s/.test(line) || !/\[\([^\]]*\)\]\(/.test(line)) continue;
    const text = line.replace(/^\s*[*+-]\s+/, '').replace(MD_CITATION, '').replace(MD_LINK, '$1').replace(/[*_]{1,2}(?=\S)|(?<=\S)[*_]{1,2}/g, '').replace(/\s+/g, ' ').trim();
    if (text.split(' ').length < 6) continue;
    const id = `${date}:${out.length}`;
    out.push({ set: 'portal', id, title: null, text, published: date, key: `portal:${date}`, test: false, valid: validKey(`portal:${date}`), gold: { heading, item: portalKey(date, text) } });
  }
  return out;
}

/**
 * One document per day and heading: the day's sports items, business items... joined as one text. A
 * single portal item is one short sentence, and taught as `none` one by one the model learned that
 * style itself as a sign of no incident (short coded notes and headlines of real attacks then came
 * out as none); a digest is read like an article's lead, by its words.
 */
export function portalDigests(items: Item[]): Item[] {
  const by = new Map<string, Item[]>();
  for (const it of items) {
    const k = `${it.published}|${it.gold.heading}`;
    by.set(k, [...(by.get(k) ?? []), it]);
  }
  return [...by.values()].map((g) => ({ ...g[0], id: `${g[0].published}:${g[0].gold.heading}`, text: g.map((it) => it.text).join('\n') }));
}

/** A portal item's name that holds none of its text: the day and the first 8 hex digits of the text's sha1. */
export const portalKey = (date: string, text: string): string => `${date}:${createHash('sha1').update(text).digest('hex').slice(0, 8)}`;

/**
 * Labels read by hand (the sixth pass) for samples of two portal headings; only keys (portalKey), no text.
 * - "Law and crime" (`portal-law-labels.tsv`, every fourth item in file order, 377 of 1,606): `V` a violent
 *   incident told as news (a shooting, a stabbing, a lynching, a police raid that kills), `A` an arrest, raid
 *   or seizure with no violence told (ACLED: strategic developments, or nothing), `N` no incident (trials,
 *   sentences, laws, lawsuits, an old crime's verdict). Items read as protests, riots or neither (a jail
 *   escape, a bomb threat) were left out.
 * - "Armed conflicts and attacks" (`portal-conflict-labels.tsv`, every twelfth item, 291 of 3,577): `V` a
 *   strike, clash, attack, killing or capture of ground told as news, `S` no such event (talks, ceasefires,
 *   statements, threats, aid, shipping, prisoner exchanges, tolls summed over a war, surrenders).
 */
export const PORTAL_LABELS: Record<string, string> = { law: join(root, 'scripts', 'portal-law-labels.tsv'), conflict: join(root, 'scripts', 'portal-conflict-labels.tsv') };
function portalLabels(): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of Object.values(PORTAL_LABELS)) {
    if (!existsSync(file)) continue;
    for (const l of readFileSync(file, 'utf8').split('\n')) if (l && !l.startsWith('#')) out.set(l.split('\t')[0], l.split('\t')[1]);
  }
  return out;
}

/** The portal's extra negatives, or none (with the reason) when the folder is not there. Items read by hand carry their label (PORTAL_LABELS). */
export function loadPortal(): { items: Item[]; missing: string | null } {
  if (!existsSync(PORTAL_DIR)) return { items: [], missing: PORTAL_DIR };
  const labels = portalLabels();
  const items = readdirSync(PORTAL_DIR).filter((f) => /^\d{4}-\d{2}-\d{2}.*\.md$/.test(f)).sort().flatMap((f) => portalItems(readFileSync(join(PORTAL_DIR, f), 'utf8'), f.slice(0, 10)));
  for (const it of items) {
    const l = labels.get(String(it.gold.item));
    if (l) it.gold.label = l;
  }
  return { items, missing: null };
}

/**
 * General news with kinds, full articles (the eleventh pass, docs/evaluation.md "Eleventh pass"): English Wikinews
 * (CC BY 2.5, attribution: Wikinews contributors), read from outside the repository, $SITREP_EXTDATA/wikinews/:
 * - `vanatteveldt/data/wikinews_2019.csv`, `wikinews_2020.csv`: github.com/vanatteveldt/wikinews at commit
 *   347254178bf343f3801aac1d03c41cc09c35decb (295 articles of 2019-2020 as the site shows them: url, date, title,
 *   text). To lay it: fetch that repository, `git archive 3472541 data | tar -x -C $SITREP_EXTDATA/wikinews/vanatteveldt`.
 *   Kinds read by hand from the titles: `scripts/wikinews-kinds.tsv` (keys only). The TRAIN part of this corpus.
 * - `wikinewssum/endataset.json`: github.com/airKlizz/WikinewsSum, `endataset.json` at commit
 *   1d985031625909c908766812e8a18d0c88116ec8 (101 articles of 2004-2005 in wikitext, with Wikinews' own categories;
 *   only the Wikinews text is read, never the third-party `sources`). To lay it: fetch that repository,
 *   `git show 1d98503:endataset.json > $SITREP_EXTDATA/wikinews/wikinewssum/endataset.json`. The HELD part of this
 *   corpus (split by source: other years, other labeller): never trained on (`test`), measured with `--only wikinews`.
 * An article is a `none` example (gold.quiet) only when its kind holds no incident of the ontology (QUIET_KINDS) AND
 * its whole text names none of WIKINEWS_VIOLENCE (disasters and obituaries may name deaths, `kill` only for disasters).
 */
export const WIKINEWS_DIR = join(extDir, 'wikinews');
export const WIKINEWS_KINDS = join(root, 'scripts', 'wikinews-kinds.tsv');
/** Kinds whose articles may be `none` examples; crime, conflict and other are never used as negatives. */
export const QUIET_KINDS = new Set(['sports', 'culture', 'obituary', 'science', 'health', 'business', 'politics', 'disasters']);
/**
 * The conservative filter: an article of a quiet kind whose text (title and body) names any of these is not used
 * as a negative: killing and death by a hand, attacks, shooting, bullets, bombs, stabbing, assault, abduction,
 * arrests and custody, protests, marches and rallies, riots, clashes, violence, armed groups, terror, coups, looting.
 */
export const WIKINEWS_VIOLENCE = /\b(?:murder\w*|homicid\w*|manslaughter|assassin\w*|slain|slaying|massacre\w*|lynch\w*|behead\w*|tortur\w*|execut(?:ed|ion|ions)|attack\w*|shoot\w*|shot|shots|gunfire|gunm[ae]n|gunshots?|bullets?|bomb(?!ay)\w*|explosives?|grenades?|missiles?|air ?strikes?|airstrikes?|shell(?:ing|ed)|stab(?:s|bed|bing|bings)?|knif(?:e|ed|ing)|knives|assault\w*|rap(?:e|ed|es|ist|ists)|sexual abuse|kidnap\w*|abduct\w*|hostages?|arrest\w*|detain\w*|detention|custody|protest\w*|demonstrat(?:ion|ions|or|ors)|march(?:ed|ers)|rall(?:y|ies|ied)|riot\w*|clash\w*|brawl\w*|violen\w*|militant\w*|militia\w*|insurgen\w*|rebels?|rebellion|guerrill\w*|terror\w*|extremis\w*|jihad\w*|coup|looting|looted|arson\w*|firebomb\w*|hijack\w*|pirat\w*)\b/i;
/**
 * Words of force that name no act by themselves (institutions, background, figures of speech: "police said",
 * "a World War II veteran", "the fight against the virus", "prison reform"). `--wikinews-strict` (train and eval)
 * also drops the articles that name any of them (the stricter reading; the default allows them).
 */
export const WIKINEWS_FORCE = /\b(?:guns?|firearms?|rifles?|pistols?|weapon\w*|armed|jail\w*|prison\w*|imprison\w*|fight\w*|fought|troops?|soldiers?|army|armies|military|militar\w*|navy|war|wars|warfare|wartime|combat\w*|battle\w*|police\w*|policem[ae]n|crime\w*|criminal\w*|suspect\w*|gangs?)\b/i;
export const WIKINEWS_STRICT = process.argv.includes('--wikinews-strict');
/** Deaths not by a hand: allowed in disasters and obituaries; `kill` (a fire, a crash killed) in disasters only. */
const WIKINEWS_DEATH = /\b(?:kill\w*|casualt\w*)\b/i;

export function wikinewsQuiet(kind: string, text: string): boolean {
  if (!QUIET_KINDS.has(kind) || WIKINEWS_VIOLENCE.test(text) || (WIKINEWS_STRICT && WIKINEWS_FORCE.test(text))) return false;
  return kind === 'disasters' || !WIKINEWS_DEATH.test(text);
}

/** Wikitext reduced to its words: templates, links, markup and refs out. */
export function wikitextPlain(w: string): string {
  return w
    .replace(/<ref[^>]*\/>|<ref[^>]*>[\s\S]*?<\/ref>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/\{\{w\|([^{}|]*)\|([^{}]*)\}\}/g, '$2')
    .replace(/\{\{w\|([^{}]*)\}\}/g, '$1')
    .replace(/\{\{[^{}]*\}\}|\{[a-z]+\}\}/gi, '')
    .replace(/\[\[(?:Category|File|Image):[^\]]*\]\]/gi, '')
    .replace(/\[\[(?:w:|wikipedia:)?[^\]|]*\|([^\]]*)\]\]/gi, '$1')
    .replace(/\[\[(?:w:|wikipedia:)?([^\]]*)\]\]/gi, '$1')
    .replace(/\[https?:\/\/\S+\s+([^\]]*)\]/g, '$1')
    .replace(/'{2,}/g, '')
    .replace(/&mdash;/g, '—').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const slug = (s: string) => s.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, '');

/** The Wikinews articles (train: vanatteveldt 2019-2020; held: WikinewsSum 2004-2005), or none with the reason. */
export function loadWikinews(): { items: Item[]; missing: string | null } {
  if (!existsSync(WIKINEWS_DIR)) return { items: [], missing: WIKINEWS_DIR };
  const kinds = new Map<string, string>();
  const incidents = new Set<string>();
  for (const l of readFileSync(WIKINEWS_KINDS, 'utf8').split('\n')) {
    if (!l || l.startsWith('#')) continue;
    const [key, kind, mark] = l.split('\t');
    kinds.set(key, kind);
    if (mark === 'I') incidents.add(key);
  }
  const out: Item[] = [];
  const push = (source: string, name: string, title: string, text: string, published: string | null, kind: string) => {
    const id = `${source}:${name}`;
    if (text.split(/\s+/).length < 40) return;
    out.push({ set: 'wikinews', id, title, text, published, key: `wikinews:${id}`, test: source === 'wikinewssum', valid: validKey(`wikinews:${id}`), gold: { kind, source, quiet: wikinewsQuiet(kind, `${title}\n${text}`), incident: incidents.has(id) } });
  };
  const vdir = join(WIKINEWS_DIR, 'vanatteveldt', 'data');
  for (const f of existsSync(vdir) ? readdirSync(vdir).filter((f) => /^wikinews_\d{4}\.csv$/.test(f)).sort() : []) {
    const rows = parseCsv(readFileSync(join(vdir, f), 'utf8'));
    const head = rows[0];
    for (const r of rows.slice(1)) {
      const get = (k: string) => r[head.indexOf(k)] ?? '';
      const name = get('url').split('/wiki/')[1] ?? '';
      const kind = kinds.get(`vanatteveldt:${name}`);
      if (!kind) continue; // TEST PAGEs and rows not read
      // the first line is the page's date ("Friday, January 4, 2019")
      const text = get('text').replace(/^\s*[A-Z][a-z]+day, [A-Z][a-z]+ \d{1,2}, \d{4}\s*/, '').replace(/\n{3,}/g, '\n\n').trim();
      push('vanatteveldt', name, get('title'), text, get('date') || null, kind);
    }
  }
  const sfile = join(WIKINEWS_DIR, 'wikinewssum', 'endataset.json');
  if (existsSync(sfile)) {
    for (const l of readFileSync(sfile, 'utf8').split('\n')) {
      if (!l.trim()) continue;
      const x = JSON.parse(l) as { title: string; text: string[]; categories: string[] };
      const name = slug(x.title);
      const kind = kinds.get(`wikinewssum:${name}`) ?? wikinewsCategoryKind(x.categories);
      if (!kind) continue;
      const date = /\{\{date\|([^}]*)\}\}/.exec(x.text.join('\n'))?.[1];
      push('wikinewssum', name, x.title, wikitextPlain(x.text.join('\n\n')), date ? new Date(`${date} UTC`).toISOString().slice(0, 10) : null, kind);
    }
  }
  return { items: out, missing: null };
}

/** Wikinews' own top categories → kind, the first that applies in this order (crime and law before politics). */
export function wikinewsCategoryKind(cats: string[]): string | null {
  const has = (c: string) => cats.includes(c);
  if (has('Sports')) return 'sports';
  if (has('Crime and law')) return 'crime';
  if (has('Disasters and accidents')) return 'disasters';
  if (has('Culture and entertainment') || has('Religion')) return 'culture';
  if (has('Health')) return 'health';
  if (has('Economy and business')) return 'business';
  if (['Science and technology', 'Space', 'Internet', 'Computing', 'Environment'].some(has)) return 'science';
  if (has('Politics and conflicts')) return 'politics';
  return null;
}

export function loadAll(): Item[] {
  return [...loadEcb(), ...loadSatp(), ...loadIndia(), ...loadUcdp(), ...loadGva()];
}
