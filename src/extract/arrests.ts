/**
 * Arrests told as done, apart from arrests only wished for, threatened, feared or denied.
 *
 * ACLED codes an arrest (strategic developments/arrests) when people were arrested; a call to arrest
 * someone ("should be arrested", "asked the government to arrest"), a threat ("they will arrest us",
 * "court arrest" — to offer oneself for arrest), a denial ("no arrests have been made", "failed to
 * arrest") or a heart's "cardiac arrest" is not one. The trigger lexicon reads the word alone (and the
 * type model is trained on that reading, so it stays); the report builder asks `unrealArrest` before
 * it lets an arrest word set a report's type or its `arrest` tag.
 *
 * `arrestsTold` finds the other ways news tells that people were taken ("rounded up 40 activists",
 * "was nabbed", "apprehended the man", "held in connection with", "in police custody", "behind bars"):
 * they tag a report with arrests told beside its incident.
 */

/** How far back the words that make an arrest unreal are looked for (within its clause). */
const BEFORE_CHARS = 100;

/** A clause ends here: what was said before it does not govern the arrest word. */
const CLAUSE_END = /[.;!?\n]/g;

/**
 * Words before the arrest word, at the end of the clause before it, that make it unreal:
 * - an infinitive or a modal: "to arrest", "to be arrested", "would be arrested", "might be put under
 *   house arrest" (not "had to", "managed to", "were able to", "is believed to have been arrested": those happened);
 * - a negation: "no arrests", "not been able to arrest", "failed to arrest", "without arresting" (not
 *   across a preposition: "no details about the arrests");
 * - a condition: "if police arrest us", "whether they would be arrested";
 * - a demand or an order: "demanded the arrest of", "called for the immediate arrest", "ordered rounding
 *   up", "wants him booked";
 * - a medical or idiomatic arrest: "cardiac arrest", "court arrest";
 * - a bar: "prevent them from arresting".
 */
const UNREAL_BEFORE = new RegExp(
  [
    String.raw`(?<!\b(?:had|managed|able|went on|proceeded|rushed|moved|helped|succeeded|came|continued|began|started|used|due|led|leading|lead|leads) )\bto\s+(?:(?:\w+ly|be|also|not|then|now|immediately)\s+){0,2}$`,
    String.raw`\b(?:should|must|would|will|shall|might|may|could|can|cannot|can't|won't|wouldn't|couldn't|ought to|likely to|going to)\s+(?:[\w'’-]+\s+){0,4}$`,
    String.raw`(?:\b(?:not|never|no|nor|neither|without|failed|fails|failing|fail|unable|refused|refuses|refusing)|n['’]t)\s+(?:(?!(?:about|of|on|over|regarding|after|before|despite|since)\s)[\w'’-]+\s+){0,3}$`,
    String.raw`\b(?:if|unless|whether|in case|lest)\b[^,]{0,80}$`,
    String.raw`\bwant(?:s|ed|ing)?\s+(?:[\w'’-]+\s+){0,3}$`,
    String.raw`\b(?:demand(?:ed|s|ing)?|order(?:ed|s|ing)?|sought|seek(?:s|ing)?|urg(?:ed|es|ing)|call(?:ed|s|ing)? for|press(?:ed|es|ing)? for|pleas? for|warrants? for)\s+(?:(?:the|an?|immediate|their|his|her|its|swift|early)\s+){0,3}$`,
    String.raw`\b(?:cardiac|respiratory|heart|court|courted|courting|courts)\s+$`,
    String.raw`\b(?:prevent|stop|restrain|refrain|desist|bar)\w*\b[^,]{0,40}\bfrom\s+$`,
  ].join('|'),
  'i',
);
/**
 * An infinitive or a modal governing a coordination, when the arrest word is a bare verb: "should
 * dismiss the government and arrest its members" (not "tried to sneak in and were chased away and arrested").
 */
const UNREAL_AND = /\b(?:to|should|must|would|will|shall|might|may|could|can|cannot)\s+[^,]{0,80}?\s(?:and|or)\s+$/i;
const BARE_VERB = /^(?:arrest|detain|nab|apprehend|round up)$/i;
/** After a noun "arrest": a modal makes it a thing to come ("my arrest would not be in anyone's interest"). */
const ARREST_NOUN = /^arrests?$/i;
const UNREAL_AFTER = /^\s+(?:would|will|could|might|may|is likely|was likely|is expected)\b/i;

/** The clause before `start` in `text`: from the last clause end (within BEFORE_CHARS), with white space made single spaces. */
function clauseBefore(text: string, start: number): string {
  const from = Math.max(0, start - BEFORE_CHARS);
  const window = text.slice(from, start);
  let cut = 0;
  CLAUSE_END.lastIndex = 0;
  for (let m = CLAUSE_END.exec(window); m; m = CLAUSE_END.exec(window)) cut = m.index + 1;
  return window.slice(cut).replace(/\s+/g, ' ');
}

/** Whether the arrest word at [start, end) of `text` is no arrest done: wished for, threatened, denied, medical. */
export function unrealArrest(text: string, start: number, end: number): boolean {
  const clause = clauseBefore(text, start);
  const before = clause.endsWith(' ') || !clause ? clause : clause + ' ';
  if (UNREAL_BEFORE.test(before)) return true;
  const word = text.slice(start, end);
  if (BARE_VERB.test(word) && UNREAL_AND.test(before)) return true;
  return ARREST_NOUN.test(word) && UNREAL_AFTER.test(text.slice(end, end + 20));
}

/**
 * Other words for people taken by the police or troops. "Held" and "booked" only with what they
 * were held for or by ("held in connection with", "booked under the act", "held by police"): alone
 * they are meetings, elections and tickets.
 */
/** People taken ("1,740 activists", "the man", "two youths"): what makes "rounded up" or "nabbed" an arrest, not a sum or a title. */
const PEOPLE = String.raw`(?:(?:the|a|an|all|some|several|many|dozens of|scores of|hundreds of|thousands of|at least|about|over|nearly|\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten)\s+){0,3}(?:[\w-]+\s+){0,2}?(?:m[ae]n|wom[ae]n|boys?|girls?|youths?|persons?|people|suspects?|accused|gunm[ae]n|militants?|terrorists?|culprits?|criminals?|members?|activists?|workers?|supporters?|leaders?|rioters?|miscreants?|protesters?|demonstrators?|volunteers?|students?|villagers?|residents?|him|her|them)\b`;
const ARREST_TOLD = new RegExp(
  [
    String.raw`\b(?:was|were|been|being|be|is|are|got)\s+(?:\w+ly\s+)?(?:rounded up(?!\s+to\b)|nabbed|apprehended)\b`,
    String.raw`\b(?:round(?:ed|s|ing)? up|nab(?:bed|s|bing)?|apprehend(?:ed|s|ing)?)\s+${PEOPLE}`,
    String.raw`\b(?:rounded up|nabbed|apprehended)\s+by\b`,
    String.raw`\btook (?:[\w-]+ ){0,3}?into custody\b`,
    String.raw`\bin (?:(?:police|judicial|their|its|army|the|(?:\w+ )?agencies'?) )?custody\b(?! of)`,
    String.raw`\bin the custody of (?:the )?(?:[\w-]+ ){0,2}?(?:police|agenc(?:y|ies)|army|troops|forces|officials|investigators|cid|cbi|fbi)\b`,
    String.raw`\bremanded\b`,
    String.raw`\bbehind bars\b`,
    String.raw`\bpicked up by (?:the )?(?:police|troops|soldiers|army|security forces)\b`,
    String.raw`\b(?:held|booked|picked up)\s+(?:[\w-]+\s+){0,2}?(?:in connection with|by (?:the )?(?:police|troops|army|security forces)|under (?:[\w-]+ ){0,2}?(?:act|acts|section|sections|poto|tada|pota|nsa|law|laws|charges)\b|on charges? of|for (?:allegedly|questioning|(?:[\w-]+ ){0,2}?(?:murder|killing|rioting|arson|looting|assault|theft|robbery|rape|attack)))`,
  ].join('|'),
  'gi',
);

/** Where `text` tells of arrests done in other words than the lexicon's (see ARREST_TOLD): the offsets of those words. */
export function arrestsTold(text: string): number[] {
  const out: number[] = [];
  ARREST_TOLD.lastIndex = 0;
  for (let m = ARREST_TOLD.exec(text); m; m = ARREST_TOLD.exec(text)) {
    if (!unrealArrest(text, m.index, m.index + m[0].length)) out.push(m.index);
  }
  return out;
}
