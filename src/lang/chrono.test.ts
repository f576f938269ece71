import * as chrono from 'chrono-node';
import { describe, expect, it } from 'vitest';
import { probed, uncaptured } from './chrono.js';
import { lexiconFor } from './index.js';

const REF = { instant: new Date(Date.UTC(2024, 2, 7, 12)), timezone: 'UTC' };
const seen = (results: chrono.ParsedResult[]) => results.map((r) => [r.index, r.text, r.start.date().toISOString(), r.end?.date().toISOString() ?? null]);

// sentences written for this test: every parser of the locale, and sentences with no date
const SENTENCES: Record<'ru' | 'uk' | 'ar', string[]> = {
  ru: [
    'В понедельник в результате обстрела Донецка погибли три человека.',
    'Взрыв прогремел 4 марта 2024 года около 10:30 утра.',
    'Через два дня, 12.03.2024, власти сообщили о 5 раненых.',
    'Три часа назад в городе завыли сирены; вчера вечером тоже.',
    'В течение 3 часов продолжался обстрел, сегодня ночью тихо.',
    'На прошлой неделе и в следующем месяце — переговоры.',
    'Осенью прошлого года склад сгорел; накануне по городу ударили.',
    'Погибли двое мирных жителей, еще пятеро ранены.',
    '2024-03-05 в 14:00 начался штурм.',
    // matches that touch (the next one starts where the last ended, with no boundary between), dates a parser refuses
    'Вчера15 марта2024 года,16 марта;17.03.2024/18.03.2024 и 31.02.2024, 99.99.2024, 5 марта6 апреля.',
    'сегодня-завтра 3-4 марта 10:3011:00, понедельниквторник',
    'Завод работает с 2006 года, в 1999 году его закрыли, а в 20 годах нет.',
  ],
  uk: [
    'У понеділок внаслідок обстрілу Харкова загинули троє людей.',
    'Вибух пролунав 4 березня 2024 року о 10:30.',
    'Три години тому в місті лунали сирени, вчора ввечері теж.',
    'Наприкінці минулого тижня тривали бої; напередодні дрони атакували місто.',
    'Загинули двоє цивільних.',
    'Вчора15 березня2024 року,16 березня;17.03.2024/18.03.2024 і 31.02.2024, 5 березня6 квітня.',
  ],
  ar: [
    'قتل ثلاثة أشخاص يوم الاثنين في قصف على إدلب.',
    'في ٤ آذار ٢٠٢٤ انفجرت عبوة ناسفة عند الساعة 10:30.',
    'أمس قتل 3 وأصيب 5 في هجوم منذ ثلاثة أيام.',
    'في 12 مارس عام 2023 وقعت غارة.',
    'لا إصابات.',
    'في 12 مارس13 مارس و٤ آذار٥ آذار و31.02.2024/17.03.2024',
  ],
};

describe('probed chrono', () => {
  for (const code of ['ru', 'uk', 'ar'] as const) {
    it(`${code}: finds what the locale's own parse finds`, () => {
      const base = chrono[code].casual;
      const fast = probed(base);
      for (const s of SENTENCES[code]) for (const forwardDate of [false, true]) expect(seen(fast.parse(s, REF, { forwardDate })), s).toEqual(seen(base.parse(s, REF, { forwardDate })));
    });

    it(`${code}: the lexicon's parser (with its added parsers) is probed the same way`, () => {
      const dates = lexiconFor(code)!.dates!;
      const unprobed = new chrono.Chrono({ parsers: dates.parsers, refiners: dates.refiners });
      let found = 0;
      for (const s of SENTENCES[code]) {
        const results = seen(dates.parse(s, REF, { forwardDate: false }));
        found += results.length;
        expect(results, s).toEqual(seen(unprobed.parse(s, REF, { forwardDate: false })));
      }
      expect(found).toBeGreaterThan(SENTENCES[code].length / 2);
    });
  }

  it('ru, uk: with datesOnly, a sentence where only clock times can be found gets no parse, and every other the same', () => {
    const clockOnly: Record<'ru' | 'uk', string[]> = {
      ru: ['Погибли 3 человека, еще 12 ранены.', 'В 10:30 начался обстрел, к 11:45 он стих.', 'Сбито 7 из 9 ракет.'],
      uk: ['Загинули 3 людини, ще 12 поранені.', 'О 10:30 почався обстріл, до 11:45 він стих.', 'Збито 7 з 9 ракет.'],
    };
    for (const code of ['ru', 'uk'] as const) {
      const lex = lexiconFor(code)!;
      const dates = lex.dates!;
      let times = 0;
      for (const s of clockOnly[code]) {
        const all = dates.parse(s, REF, { forwardDate: false });
        times += all.length;
        // none of the times is a date the stage keeps
        for (const r of all) expect(['day', 'weekday', 'month', 'year'].some((k) => r.start.isCertain(k as chrono.Component)) || lex.relativeDate.test(r.text), s).toBe(false);
        expect(dates.parse(s, REF, { forwardDate: false, datesOnly: true } as chrono.ParsingOption), s).toEqual([]);
      }
      // the clock parser found times, so the gate is what emptied the parse
      expect(times, code).toBeGreaterThan(0);
      for (const s of SENTENCES[code]) expect(seen(dates.parse(s, REF, { forwardDate: false, datesOnly: true } as chrono.ParsingOption)), s).toEqual(seen(dates.parse(s, REF, { forwardDate: false })));
    }
  });

  it('ar: with datesOnly, a sentence of clock times alone gets no parse unless a relative-date word stands in it', () => {
    const lex = lexiconFor('ar')!;
    const dates = lex.dates!;
    const only = { forwardDate: false, datesOnly: true } as chrono.ParsingOption;
    // numbers and times, no date: the clock parser's finds are not dates, and the gate leaves them unread
    for (const s of ['عمرها ١٢ سنة.', 'وصل الساعة 10:30 إلى المكان.']) {
      expect(dates.parse(s, REF, { forwardDate: false }).length, s).toBeGreaterThan(0);
      expect(dates.parse(s, REF, only), s).toEqual([]);
    }
    // "الساعة 10 مساء": a time the date stage keeps (its text holds مساء), so the clock parser still runs
    const kept = 'انفجرت عبوة الساعة 10 مساء.';
    expect(seen(dates.parse(kept, REF, only))).toEqual(seen(dates.parse(kept, REF, { forwardDate: false })));
    for (const s of SENTENCES.ar) expect(seen(dates.parse(s, REF, only)), s).toEqual(seen(dates.parse(s, REF, { forwardDate: false })));
  });

  it('uncaptured: the same matches, no groups', () => {
    const cases: [string, string, string][] = [
      ['(a|b)(?:c)(?<n>d)[(]\\(e\\)(?<=d)(?!x)', 'u', 'zbcd(e)!'],
      ['([^\\p{L}\\p{N}_]|^)(в|у)\\s*(\\d{1,2})', 'iu', 'в 12 марта'],
    ];
    for (const [source, flags, text] of cases) {
      const plain = new RegExp(uncaptured(source), flags);
      expect(new RegExp(`${plain.source}|()`, flags).exec('')!.length, source).toBe(2);
      expect(plain.exec(text)?.[0], source).toBe(new RegExp(source, flags).exec(text)?.[0]);
    }
  });

  it('every lexicon takes a digit for a date hint (the date stage tests for one before the hint)', () => {
    for (const code of ['ru', 'uk', 'ar'] as const) {
      const hint = lexiconFor(code)!.dateHint;
      expect(hint.source, code).toMatch(/^(?:\\d|\[0-9[^\]]*\])\|/);
      for (const d of '0123456789') expect(hint.test(`слово ${d} كلمة`), code).toBe(true);
    }
  });

  it('steps over a character outside the basic plane (an emoji, a flag) instead of matching it forever', () => {
    const fast = probed(chrono.ru.casual);
    const s = 'Выборы прошли 😀3 ноября 2020 года, 🇺🇸вчера тоже.';
    expect(seen(fast.parse(s, REF, { forwardDate: false }))).toEqual(seen(chrono.ru.casual.parse(s, REF, { forwardDate: false })));
  });
});
