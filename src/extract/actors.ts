/**
 * Actors: state forces and authorities named by a demonym ("Russian military", "Ukrainian
 * intelligence", "Syrian regime forces"), armed groups and institutions with capitalised names
 * ("Jabhat al-Nusra", "the Defense Ministry"), and people with the role the text gives them
 * ("Jane Doe, head of the regional police", "President Ana Silva").
 * Who acted on whom is decided by the report builder, from the actors' places around the trigger.
 */
import { lexiconFor } from '../lang/index.js';
import type { ActorAnnotation, Annotation, Stage, StageContext } from '../model/index.js';

/** Institution nouns after a demonym, with the canonical name they form. */
const FORCE_NOUNS: [RegExp, string, string][] = [
  [/^(?:military|army|armed forces|forces|troops|soldiers|servicemen|regime forces|government forces|ground forces)$/i, 'Armed Forces', 'armed_forces'],
  [/^(?:air ?force|aerospace forces|aviation|warplanes|jets)$/i, 'Air Force', 'armed_forces'],
  [/^(?:navy|naval forces|fleet)$/i, 'Navy', 'armed_forces'],
  [/^(?:military intelligence|intelligence|defen[cs]e intelligence|intelligence services?|security services?|special services)$/i, 'Intelligence', 'armed_forces'],
  [/^(?:police|police officers|riot police|national police)$/i, 'Police', 'police'],
  [/^(?:border guards?|border service)$/i, 'Border Guard', 'armed_forces'],
  [/^(?:national guard)$/i, 'National Guard', 'armed_forces'],
  [/^(?:government|authorities|officials|regime|administration|president|presidency|kremlin)$/i, 'Government', 'government'],
  [/^(?:defen[cs]e ministry|ministry of defen[cs]e|foreign ministry|interior ministry|emergency ministry|emergencies ministry)$/i, 'Ministry', 'government'],
  [/^(?:rebels|separatists|insurgents|militants|militia|militias|opposition forces|opposition)$/i, 'Rebels', 'group'],
  [/^(?:protesters|demonstrators|activists)$/i, 'Protesters', 'protesters'],
  [/^(?:civilians|residents|villagers)$/i, 'Civilians', 'civilians'],
];
const FORCE_PHRASE =
  /\b([\p{Lu}][\p{L}]{1,40})\s+((?:military intelligence|defen[cs]e intelligence|intelligence services?|security services?|special services|armed forces|air ?force|aerospace forces|naval forces|ground forces|regime forces|government forces|opposition forces|riot police|national police|national guard|border guards?|border service|defen[cs]e ministry|foreign ministry|interior ministry|police officers|military|army|forces|troops|soldiers|servicemen|navy|fleet|intelligence|police|government|authorities|officials|regime|administration|rebels|separatists|insurgents|militants|militias?|protesters|demonstrators|activists|civilians|residents|villagers))\b/gu;

/** Role words that, before or after a name, make it a person with a role. */
const ROLE =
  '(?:President|Prime Minister|Minister|Defen[cs]e Minister|Foreign Minister|spokes(?:wo)?(?:man|person)|head|chief|commander|General|Gen\\.|Colonel|Col\\.|Major|Captain|Lieutenant|governor|mayor|leader|journalist|blogger|analyst|official|ambassador|envoy|secretary|director|deputy|adviser|advisor|pilot|correspondent|reporter|prosecutor)';
// Word lengths are capped (40): an unbounded `[\p{L}'’-]+` retried at every letter of a long run is quadratic.
// …and a name starts where a word starts: tried inside every long word it cost 40 steps a letter.
const NAME = "(?<![\\p{L}'’-])[\\p{Lu}][\\p{L}'’-]{1,40}(?:\\s{1,8}(?:al-|bin |de |van |von )?[\\p{Lu}][\\p{L}'’-]{1,40}){1,2}";
/** "Jane Doe, head of the regional police" / "John Smith, a spokesperson for …". */
const NAME_COMMA_ROLE = new RegExp(`(${NAME}),\\s+((?:the |a |an )?(?:\\p{L}{1,40}\\s{1,8}){0,2}?${ROLE}\\b[^,.;“”"]{0,70})`, 'gu');
/** "President Ana Silva", "Kenyan journalist John Smith", "the head of X, Jane Doe". */
const ROLE_NAME = new RegExp(`(?<!\\p{L})((?:[\\p{Lu}][\\p{L}]{1,40}\\s{1,8})?${ROLE}(?:\\s+of\\s+(?:the\\s+)?(?:[\\p{Lu}][\\p{L}]{1,40}(?!\\p{L})\\s*){1,4})?),?\\s+(${NAME})`, 'gu');
/** Capitalised organisation names ending in an institution word. */
const ORG = /\b((?:the\s+)?(?:[\p{Lu}][\p{L}'’-]{1,40}\s{1,8}){1,5}(?:Cartel|Ministry|Army|Front|Brigade|Battalion|Regiment|Guards?|Forces|Intelligence|Council|Committee|Party|Movement|Service|Agency|Directorate|Command|Corps|Militia|Republic|Center|Centre))\b/gu;
/** Armed groups and bodies known by a single name. */
const NAMED_GROUPS = /\b(Hezbollah|Hamas|Taliban|ISIS|ISIL|Islamic State|Da[’']?esh|Al[ -]Qaeda|al-Shabaab|Boko Haram|Wagner(?: Group)?|Jabhat al-Nusra|Hayat Tahrir al-Sham|HTS|Jaish al-Fateh|Free Syrian Army|Kremlin|Pentagon|NATO|United Nations|UN|OSCE|Red Cross|Azov|Houthis?|PKK|YPG|SDF|SNA|CJNG|(?:Los )?Zetas|PDFs?|People['’]s Defen[cs]e Forces?|KIA|KNLA|KNU|TNLA|MNDAA|AA|IS(?=\s+(?:fighters|militants|group|jihadists|members|terrorists|cells?|positions|attack|suicide)\b))\b/g;
/**
 * A state's forces named without a demonym ("regime forces", "the army", "junta troops", "security
 * forces"): the forces of the country the document's places lie in.
 */
const BARE_FORCES = /\b(?:(?:regime|government|junta|pro-government|security|state|army|military)\s+(?:forces|troops|soldiers)|the\s+(?:army|military|junta|regime)|Tatmadaw)\b/gi;
/** Words of an institution: "Military Intelligence" is a body, not a person's name. */
const INSTITUTION_WORD = /\b(?:Intelligence|Ministry|Forces|Army|Police|Service|Agency|Council|Committee|Command|Guards?|Republic|Center|Centre|Directorate|Department|Office|Liberty|Radio|News|Times|Post|Press|Channel|Television|TV)\b/;
/** A name speaking: "Jane Roe said", "John Doe told reporters". */
const NAME_SPEAKS = new RegExp(`(?<![\\p{L}'’-])([\\p{Lu}][\\p{L}'’-]{1,30}\\s{1,8}[\\p{Lu}][\\p{L}'’-]{1,30})(?=\\s+(?:said|says|told|explained|added|stated|detailed|recounted|confirmed)\\b)`, 'gu');

const PERSON_STOP = /^(?:The|A|An|In|On|At|As|But|And|While|When|According|Despite|Further|Finally|Tragically|Initially|Russian|Ukrainian|Syrian)\b/;

function forceActor(ctx: StageContext, demonym: string, noun: string, start: number, end: number, text: string): ActorAnnotation | null {
  const cc = ctx.gazetteer.demonymCountry(demonym);
  if (!cc) return null;
  const entry = FORCE_NOUNS.find(([re]) => re.test(noun));
  if (!entry) return null;
  const country = ctx.gazetteer.country(cc)?.name ?? demonym;
  return { kind: 'actor', start, end, text, value: `${entry[1]} of ${country}`, type: entry[2], role: null };
}

export function findActors(text: string, ctx: StageContext, country: string | null = null): ActorAnnotation[] {
  const out: ActorAnnotation[] = [];
  // a coverage map, not a scan of `out`: a text of thousands of actors must not cost their square
  const taken = new Uint8Array(text.length + 1);
  const covered = (s: number, e: number) => {
    for (let i = s; i < e; i++) if (taken[i]) return true;
    return false;
  };
  const push = (a: ActorAnnotation) => {
    out.push(a);
    taken.fill(1, a.start, a.end);
  };
  for (const m of text.matchAll(NAME_COMMA_ROLE)) {
    if (PERSON_STOP.test(m[1]) || INSTITUTION_WORD.test(m[1])) continue;
    const start = m.index!;
    push({ kind: 'actor', start, end: start + m[0].length, text: m[0], value: m[1], type: 'person', role: m[2].replace(/^(?:the|a|an)\s+/i, '').trim() });
  }
  for (const m of text.matchAll(ROLE_NAME)) {
    const start = m.index! + m[0].length - m[2].length;
    if (covered(start, start + m[2].length) || PERSON_STOP.test(m[2]) || INSTITUTION_WORD.test(m[2])) continue;
    push({ kind: 'actor', start: m.index!, end: m.index! + m[0].length, text: m[0], value: m[2], type: 'person', role: m[1].trim() });
  }
  let roles: Map<string, string | null> | undefined;
  for (const m of text.matchAll(NAME_SPEAKS)) {
    const start = m.index!;
    if (covered(start, start + m[1].length) || PERSON_STOP.test(m[1]) || INSTITUTION_WORD.test(m[1])) continue;
    // the role given elsewhere in the document stays with the name it was given to
    roles ??= new Map(out.filter((a) => a.type === 'person').map((a) => [a.value, a.role]));
    push({ kind: 'actor', start, end: start + m[1].length, text: m[1], value: m[1], type: 'person', role: roles.get(m[1]) ?? null });
  }
  for (const m of text.matchAll(FORCE_PHRASE)) {
    const start = m.index!;
    if (covered(start, start + m[0].length)) continue;
    const a = forceActor(ctx, m[1], m[2], start, start + m[0].length, m[0]);
    if (a) push(a);
  }
  if (country) {
    const name = ctx.gazetteer.country(country)?.name ?? null;
    if (name) {
      for (const m of text.matchAll(BARE_FORCES)) {
        const start = m.index!;
        if (covered(start, start + m[0].length)) continue;
        push({ kind: 'actor', start, end: start + m[0].length, text: m[0], value: `Armed Forces of ${name}`, type: 'armed_forces', role: null });
      }
    }
  }
  for (const re of [ORG, NAMED_GROUPS]) {
    for (const m of text.matchAll(re)) {
      const start = m.index! + (m[0].length - m[1].length);
      const name = m[1].replace(/^the\s+/i, '');
      if (covered(start, start + m[1].length)) continue;
      push({ kind: 'actor', start, end: start + m[1].length, text: m[1], value: name, type: re === ORG ? 'organisation' : 'group', role: null });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The country most of the document's places lie in: whose forces "the army" are. */
function mainCountry(annotations: readonly Annotation[]): string | null {
  const n = new Map<string, number>();
  for (const a of annotations) if (a.kind === 'place') n.set(a.value.country, (n.get(a.value.country) ?? 0) + 1);
  let best: string | null = null;
  for (const [k, v] of n) if (!best || v > n.get(best)!) best = k;
  return best;
}

export const actors: Stage = {
  name: 'actors',
  gives: ['actor'],
  needs: ['place'],
  // English rules: another language gets no actors until its lexicon names them (src/lang)
  run: ({ document, annotations }, ctx) => ({ annotations: lexiconFor(document.lang)?.native === false ? findActors(document.text, ctx, mainCountry(annotations)) : [] }),
};
