/**
 * Web debris in plain text: lines a copy-paste from a news page drags along ("Advertisement",
 * "SHARE", "Previous article…", photo credits). Dropped whole lines only, so what is kept is the
 * writer's text, unchanged.
 */
const DEBRIS_LINE = [
  /^\s*(advertisement|advertisment|sponsored( content)?|share( this( article)?)?|tweet|print|email|comments?)\s*$/i,
  /^\s*(photo|image|picture)\s*(credit|source|courtesy)?\s*[:：].{0,80}$/i,
  /^\s*(previous|next) (article|post|story)\b.{0,200}$/i,
  /^\s*(read more|related( articles| stories)?|recommended|most read|trending)\s*:?\s*$/i,
];

export function cleanPlainText(text: string): string {
  const kept: string[] = [];
  for (const line of text.split('\n')) {
    if (DEBRIS_LINE.some((re) => re.test(line))) continue;
    kept.push(line);
  }
  return kept.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}
