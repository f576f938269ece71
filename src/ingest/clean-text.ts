/**
 * Web debris in plain text: lines a copy-paste from a news page drags along ("Advertisement",
 * "SHARE", "Previous article…", photo credits, share prompts) and the author's note that follows
 * the end of the story. Only whole lines are dropped, so what is kept is the writer's text,
 * unchanged; runs of blank lines left behind shrink to one.
 *
 * The rules are general page furniture, not fitted to one site; `html.ts` applies the same idea to
 * paragraphs it took from a DOM.
 */
const DEBRIS_LINE = [
  /^\s*(?:advertisement|advertisment|advert|sponsored(?: content)?|story continues below(?: advertisement)?)\s*$/i,
  /^\s*(?:share|share this(?: article| story| post)?|share on \w+|tweet|email|e-mail|print|comments?|\d+ comments?|copy link)\s*$/i,
  /^\s*(?:photo|image|picture|video)\s*(?:credit|source|courtesy)?s?\s*[:：].{0,80}$/i,
  /^\s*(?:previous|next)\s*(?:article|post|story).{0,200}$/i,
  /^\s*(?:read more|related(?: articles| stories| posts)?|recommended|most read|trending|you (?:may|might) also like)\s*[:.…]*\s*$/i,
  /^\s*(?:follow (?:us|me) on|like us on|join us on)\b.{0,100}$/i,
  /^\s*(?:facebook|twitter|whatsapp|linkedin|pinterest|telegram|reddit|email)(?:\s*[|·,/]\s*(?:facebook|twitter|whatsapp|linkedin|pinterest|telegram|reddit|email))+\s*$/i,
];

/** A line that announces the neighbouring article: after it, the story is over. */
const STORY_END = /^\s*(?:previous|next)\s*(?:article|post|story)/i;
/**
 * An author's note: "Jane Doe is a Middle East news analyst with a degree in …". Only dropped after
 * the story's end (a STORY_END line), where it cannot be a sentence of the story.
 */
const AUTHOR_NOTE =
  /^[\p{Lu}][\p{L}'’.-]+(?:\s+[\p{Lu}][\p{L}'’.-]+){0,3}\s+(?:is|was|has been)\s+(?:an?|the)\s+(?:[\p{L}-]+\s+){0,6}(?:writer|reporter|journalist|editor|correspondent|analyst|contributor|columnist|author|freelancer|producer|photographer|blogger)\b/u;
/** Longest author note we drop: a bio is a paragraph, not a page. */
const MAX_NOTE_CHARS = 1200;

export function cleanPlainText(text: string): string {
  const kept: string[] = [];
  let afterStory = false;
  for (const line of text.split('\n')) {
    if (STORY_END.test(line)) afterStory = true;
    if (DEBRIS_LINE.some((re) => re.test(line))) continue;
    if (afterStory && line.length <= MAX_NOTE_CHARS && AUTHOR_NOTE.test(line.trim())) continue;
    kept.push(line);
  }
  return kept.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}
