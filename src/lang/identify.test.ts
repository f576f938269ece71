import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { englishByWords, identifyLanguage, letterCounts, loadLanguageModel, saveLanguageModelHeap } from './identify.js';
import { createPipeline, extract, loadResources } from '../pipeline.js';

const model = await loadLanguageModel();
const pipeline = createPipeline(loadResources({ languageModel: model }));

describe('identifyLanguage', () => {
  it('reads ru, uk, ar and en, with the model and by script alone', () => {
    expect(identifyLanguage('В понедельник в результате обстрела Донецка погибли три человека', model).lang).toBe('ru');
    expect(identifyLanguage("У понеділок внаслідок обстрілу Херсона загинули п'ятеро людей", model).lang).toBe('uk');
    expect(identifyLanguage('قتل ثلاثة أشخاص في قصف على إدلب', model).lang).toBe('ar');
    expect(identifyLanguage('Three people were killed in shelling of Kharkiv', model).lang).toBe('en');
    expect(identifyLanguage('Обстріл Херсона: загинули троє', null).lang).toBe('uk');
    expect(identifyLanguage('Обстрел Херсона: погибли трое', null).lang).toBe('ru');
  });
  it('leaves to the model what the letters do not settle: other languages of the scripts, mixed words', () => {
    const read = (t: string) => identifyLanguage(t, model);
    expect(read('سه نفر در حمله به بازار شهر کشته شدند و چند نفر زخمی شدند')).toMatchObject({ lang: 'fa' });
    expect(read('У панядзелак у выніку абстрэлу горада загінулі тры чалавекі')).toMatchObject({ lang: 'be' });
    expect(read('Трима души загинаха при обстрел на града в понеделник сутринта')).toMatchObject({ lang: 'bg' });
    expect(read('Вечером в результате обстрела были убиты трое мирных жителей')).toEqual({ lang: 'ru', confidence: null });
    expect(read('У понеділок внаслідок обстрілу загинули п’ятеро мирних жителів')).toEqual({ lang: 'uk', confidence: null });
    expect(read('قتل ثلاثة أشخاص في قصف على إدلب')).toEqual({ lang: 'ar', confidence: null });
    expect(read('Тхьамдас хIокху дийнахь вистхилла, цо элира, хIара гIуллакх')).not.toMatchObject({ confidence: null });
    expect(read('Тхьамдас х1окху дийнахь вистхилла, цо элира, х1ара г1уллакх')).not.toMatchObject({ confidence: null });
    // a 1 after a digit is a number's; two of Russian's own letters settle a short lead
    expect(read('В 2011г. завод закрыли, в 2015г. открыли снова')).toEqual({ lang: 'ru', confidence: null });
    expect(read('Борис Джонсон выписан из больницы')).toEqual({ lang: 'ru', confidence: null });
    expect(read('Борис Джонсон выписан из лікарні')).not.toMatchObject({ confidence: null });
    expect(identifyLanguage('В понедельник в результате обстрела Донецка погибли три человека', model, false).confidence).toBeGreaterThan(0.5);
  });
  it('settles English prose by its words, and nothing else', () => {
    const en =
      'Police said three people were killed and two others wounded after a gunman opened fire outside a bar on Main Street late on Saturday. ' +
      'The suspect, who was arrested at the scene, had been known to officers, and the victims were taken to hospital, where they remain in a serious condition.';
    expect(englishByWords(en)).toBe(true);
    expect(identifyLanguage(en, model)).toEqual({ lang: 'en', confidence: null });
    // a tagged page is still read by the model, for its confidence
    expect(identifyLanguage(en, model, false)).toMatchObject({ lang: 'en', confidence: expect.any(Number) });
    const others = [
      'Drei Menschen wurden am Samstag bei einem Angriff auf eine Bar in der Hauptstraße getötet, zwei weitere wurden verletzt, teilte die Polizei mit. Der Verdächtige wurde am Tatort festgenommen und war den Beamten bekannt, die Opfer wurden in ein Krankenhaus gebracht.',
      'Drie mensen kwamen zaterdag om het leven en twee anderen raakten gewond toen een schutter het vuur opende bij een bar in de hoofdstraat, zei de politie. De verdachte werd ter plaatse gearresteerd en was bekend bij de agenten, de slachtoffers werden naar het ziekenhuis gebracht.',
      'Trois personnes ont ete tuees et deux autres blessees samedi soir quand un homme a ouvert le feu devant un bar de la rue principale, a indique la police. Le suspect a ete arrete sur place et il etait connu des services, les victimes ont ete transportees a l hopital de la ville.',
      'Tres personas murieron y otras dos resultaron heridas el sabado cuando un hombre abrio fuego frente a un bar de la calle principal, dijo la policia. El sospechoso fue detenido en el lugar y era conocido por los agentes, las victimas fueron trasladadas al hospital de la ciudad.',
      // a row of codes and names with a few English words: the model is unsure of it
      '502695,MEX-2023-2-17817-121,2023,1,Clear,2,17817,16165,"Carteles Unidos, Guerreros Unidos - Los Tlacos",17817,17817,"Carteles Unidos - Los Tlacos",8939,8939,"Carteles Unidos",1,"The Guardian,2023-05-06,Clashes in the south of the state after the army was deployed with the police and they said that this would end"',
      'POLICE SAID THREE PEOPLE WERE KILLED AND TWO OTHERS WOUNDED AFTER A GUNMAN OPENED FIRE OUTSIDE A BAR ON MAIN STREET LATE ON SATURDAY, AND THE SUSPECT WAS ARRESTED AT THE SCENE WITH THE WEAPON THAT HE HAD USED.',
    ];
    for (const t of others) expect(englishByWords(t)).toBe(false);
  });
  it('gives bad input a clear language', () => {
    expect(identifyLanguage('V ponedelnik v rezultate obstrela Donetska pogibli tri cheloveka', model).lang).toBe('ru-Latn');
    expect(identifyLanguage('\u200fقتل ثلاثة أشخاص\u200f', model).lang).toBe('ar');
    expect(identifyLanguage('Drei Menschen wurden bei einem Angriff getötet', model).lang).toBe('de');
    expect(identifyLanguage('12 34 !!', model).lang).toBe('und');
  });
});

describe('no invented facts where no lexicon reads the text', () => {
  const doc = (text: string) => ({ id: `d${text.length}`, source: 't', url: null, title: null, published: '2024-03-07', author: null, site: null, lang: null, text });
  for (const text of ['V ponedelnik v rezultate obstrela Donetska pogibli tri cheloveka.', 'Drei Menschen wurden am Montag bei einem Angriff in Charkiw getötet.']) {
    it(text, () => {
      const { annotated, reports } = extract(doc(text), pipeline);
      expect(annotated.document.lang).not.toBe('en');
      expect(annotated.annotations.filter((a) => a.kind !== 'sentence')).toEqual([]);
      for (const r of reports) expect(r.fatalities?.best ?? 0).toBe(0);
    });
  }
  it('a Russian report quoting English keeps a clear language and its facts', () => {
    const { annotated, reports } = extract(doc('В понедельник в результате обстрела Донецка погибли три человека (Reuters: "three killed").'), pipeline);
    expect(annotated.document.lang).toBe('ru');
    expect(reports[0].fatalities?.best).toBe(3);
    expect(reports[0].location?.name).toBe('Donetsk');
  });
});

describe('the saved heap of a loaded model', () => {
  const texts = [
    'Gunmen opened fire on a bus near the border town late on Sunday, officials said.',
    'В понедельник в результате обстрела погибли три человека',
    "У понеділок внаслідок обстрілу загинули п'ятеро людей",
    'قتل ثلاثة أشخاص في قصف على المدينة',
    'Drei Menschen wurden bei einem Angriff getötet',
    'pogibli tri cheloveka',
    'ok',
  ];
  it('reads every text as the model loaded the slow way does, and a spoilt heap is never used', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-langid-'));
    try {
      const url = pathToFileURL(`${dir}/`);
      await saveLanguageModelHeap(url);
      const loaded = await loadLanguageModel(null);
      const restored = await loadLanguageModel(url);
      expect([loaded.restored, restored.restored]).toEqual([false, true]);
      for (const t of texts) expect(restored(t)).toEqual(loaded(t));
      // a heap that no longer reads the check sentence as the build did: loaded the slow way instead
      const heap = readFileSync(join(dir, 'lid.176.heap'));
      heap.fill(7, 200_000, 1_200_000);
      writeFileSync(join(dir, 'lid.176.heap'), heap);
      const spoilt = await loadLanguageModel(url);
      expect(spoilt.restored).toBe(false);
      for (const t of texts) expect(spoilt(t)).toEqual(loaded(t));
      // made for another package: not used
      const meta = JSON.parse(readFileSync(join(dir, 'lid.176.json'), 'utf8'));
      writeFileSync(join(dir, 'lid.176.json'), JSON.stringify({ ...meta, package: '0.0.0' }));
      const other = await loadLanguageModel(url);
      expect(other.restored).toBe(false);
      for (const t of texts) expect(other(t)).toEqual(loaded(t));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('letterCounts', () => {
  it('counts what the letter and capital patterns keep, astral letters and lone surrogates too', () => {
    const samples = ['Донецк и Київ', 'ПОГИБЛИ ТРИ ЧЕЛОВЕКА', 'قتل ثلاثة أشخاص في إدلب', 'Ǆemal İstanbul ΣΊΣΥΦΟΣ', '𝐀𝐁c 𐐀𐐨 \ud800x \udc00', '12 — «»', 'ǅ ǈ ʰ ª'];
    for (let c = 0; c < 0x3000; c += 7) samples.push(String.fromCharCode(c, c + 1, c + 2));
    for (const s of samples) {
      const letters = s.replace(/[^\p{L}]/gu, '');
      expect(letterCounts(s), JSON.stringify(s)).toEqual({ letters: letters.length, capitals: letters.replace(/[^\p{Lu}]/gu, '').length });
    }
  });
});
